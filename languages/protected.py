"""Words machine translation must not translate: names of municipalities, people, organisations
and publications (issue 15: Apertium made «A. Skårberg» into «A. Scoreberg»).

Before Apertium sees a string, each protected word in its text (not inside tags) is replaced by a
placeholder Apertium does not know and passes through unchanged; afterwards the word is put back.
The words come from the snippet «Protected words» (``ProtectedTerm``, which editors extend), the
directorates, the product's own name (``WAGTAIL_SITE_NAME``: «Veiviser» in both written forms,
never «Vegvisar»), and sources that higher apps register with ``register``: municipalities
(guidance) and the authors, publishers and commissioners of case studies (cases).
"""

import re
import string

from django.conf import settings

from .models import ProtectedTerm

_sources = []

TAG_OR_TEXT_RE = re.compile(r"(<[^>]*>)")
PLACEHOLDER_RE = re.compile(r"Vvvern([a-z]{2})")


def register(source):
    """``source()`` returns an iterable of words or names to protect."""
    if source not in _sources:
        _sources.append(source)


def protected_terms():
    """Every protected word or name, longest first (so «A. Skårberg» wins over «Skårberg»)."""
    from editorial.models import Directorate

    terms = set(ProtectedTerm.objects.values_list("term", flat=True))
    terms.add(settings.WAGTAIL_SITE_NAME)
    for name, abbreviation in Directorate.objects.values_list("name", "abbreviation"):
        terms.update([name, abbreviation])
    for source in _sources:
        terms.update(source())
    cleaned = {" ".join(str(t).split()) for t in terms if t}
    return sorted((t for t in cleaned if len(t) > 1), key=lambda t: (-len(t), t))


def _code(number):
    letters = string.ascii_lowercase
    return letters[number // 26 % 26] + letters[number % 26]


class Protector:
    """Hide protected words behind placeholders, and put them back."""

    def __init__(self, terms):
        self.terms = list(terms)
        self.pattern = (
            re.compile(r"(?<![\w@])(" + "|".join(re.escape(t) for t in self.terms) + r")(?![\w])")
            if self.terms
            else None
        )
        self.hidden = {}

    def hide(self, text):
        if self.pattern is None:
            return text

        def replace(match):
            word = match.group(1)
            for code, hidden in self.hidden.items():
                if hidden == word:
                    return f"Vvvern{code}"
            code = _code(len(self.hidden))
            self.hidden[code] = word
            return f"Vvvern{code}"

        pieces = TAG_OR_TEXT_RE.split(text)
        return "".join(
            piece if piece.startswith("<") else self.pattern.sub(replace, piece) for piece in pieces
        )

    def restore(self, text):
        return PLACEHOLDER_RE.sub(
            lambda m: self.hidden.get(m.group(1), m.group(0)), text.replace("@Vvvern", "Vvvern")
        )


def people(authors):
    """«H. C. Sandlie, Å. Langsether og T. Hansen» → each name, and each surname."""
    names = []
    for name in re.split(r",\s*|\s+og\s+|\s+and\s+|;\s*", authors or ""):
        name = name.strip()
        if name:
            names.append(name)
            surname = name.split()[-1]
            if len(surname) > 2 and surname[0].isupper():
                names.append(surname)
    return names
