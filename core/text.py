from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify

_NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def norwegian_slug(text):
    """An ASCII slug that keeps Norwegian letters readable: «Økonomiske» → «okonomiske»,
    «Bodø kommune om én dør inn» → «bodo-kommune-om-en-dor-inn» (é and other accents through
    slugify's NFKD normalisation)."""
    return slugify(text.translate(_NORWEGIAN_LETTERS))


def plain_words(value, words):
    """Rich or plain text as one line of plain text, cut after ``words`` words."""
    text = strip_tags(str(value)).replace("\xa0", " ")
    return Truncator(" ".join(text.split())).words(words)


def page_description(page, words=40):
    """What search engines and link previews get of a page: its search description, else its
    teaser (``GuidancePage.teaser``, the text that sums it up) in plain words."""
    if not page:
        return ""
    if getattr(page, "search_description", ""):
        return page.search_description
    teaser = getattr(page, "teaser", "")
    return plain_words(teaser, words) if teaser else ""
