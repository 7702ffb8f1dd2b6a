from django.utils.text import slugify

_NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def norwegian_slug(text):
    """An ASCII slug that keeps Norwegian letters readable: «Økonomiske» → «okonomiske»."""
    return slugify(text.translate(_NORWEGIAN_LETTERS))
