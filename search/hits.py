"""The hits of a search: the pages behind the ids, with an excerpt around the query's words."""

import re
from dataclasses import dataclass
from html import unescape

from django.utils.html import conditional_escape, strip_tags
from django.utils.safestring import mark_safe

from wagtail.models import Page

EXCERPT_LENGTH = 240


def highlight_pattern(terms):
    """A pattern for the query's words, loose at the end so inflected forms match too."""
    parts = []
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        words = re.findall(r"\w+", term)
        for word in words:
            if len(word) < 2:
                continue
            stem = word[: max(4, len(word) - 3)] if len(word) > 4 else word
            parts.append(re.escape(stem) + r"\w*")
    if not parts:
        return None
    alternatives = "|".join(sorted(set(parts), key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alternatives + ")", re.IGNORECASE)


def excerpt(text, pattern, length=EXCERPT_LENGTH, is_html=False):
    """A window of ``text`` around the first match, escaped, with matches wrapped in <mark>."""
    text = text or ""
    if is_html:
        text = unescape(strip_tags(text))
    text = " ".join(text.split())
    start = 0
    if pattern is not None:
        match = pattern.search(text)
        if match and match.start() > length // 3:
            start = text.rfind(" ", 0, match.start() - length // 3) + 1
    window = text[start : start + length]
    if start + length < len(text):
        window = window[: window.rfind(" ")] if " " in window else window
        window += " …"
    if start > 0:
        window = "… " + window
    if pattern is None:
        return conditional_escape(window)
    pieces, last = [], 0
    for match in pattern.finditer(window):
        pieces.append(conditional_escape(window[last : match.start()]))
        pieces.append("<mark>" + conditional_escape(match.group(0)) + "</mark>")
        last = match.end()
    pieces.append(conditional_escape(window[last:]))
    return mark_safe("".join(str(p) for p in pieces))


@dataclass
class Hit:
    page: Page
    type_label: str
    factors: list
    excerpt: str
    date: object
    year: int | None
    language: str
    promoted: bool = False


def load_hits(ids, data, locale, pattern, promoted=False):
    """The pages behind ``ids`` as hits, in that order, with a constant number of queries.

    ``data`` is the locale's ``FacetData``: it knows each page's factors and stated year.
    """
    # Live and public asked again: what a visitor reads never rests on a memo alone.
    shown = Page.objects.live().public().filter(pk__in=ids).defer_streamfields().specific()
    pages = {p.pk: p for p in shown}
    hits = []
    for pk in ids:
        page = pages.get(pk)
        if page is None:
            continue
        # Every hit is in the active locale; sharing its object spares a query per URL.
        page.locale = locale
        model = type(page)
        language = locale.language_code
        if page.alias_of_id and getattr(page, "original_language", ""):
            language = page.original_language
        hits.append(
            Hit(
                page=page,
                type_label=str(model._meta.verbose_name).capitalize(),
                factors=data.factors_of(pk),
                excerpt=excerpt(page.teaser, pattern, is_html=model.teaser_is_html),
                date=page.first_published_at,
                year=data.index.stated_years.get(pk),
                language=language,
                promoted=promoted,
            )
        )
    return hits
