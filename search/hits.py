"""The hits of a search: the pages behind the ids, with an excerpt around the query's words."""

import re
from dataclasses import dataclass
from html import unescape

from django.utils.html import conditional_escape, strip_tags
from django.utils.safestring import mark_safe

from wagtail.models import Page

from .analysis import STOP_WORDS

EXCERPT_LENGTH = 240


def highlight_pattern(terms):
    """A pattern for the query's words, loose at the end so inflected forms match too."""
    parts = []
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        words = re.findall(r"\w+", term)
        for word in words:
            # A stop word is not searched for, so it is not marked either («med», «korleis»).
            if len(word) < 2 or word.lower() in STOP_WORDS:
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


def years_label(years):
    """«2011» or «2011–2020» for (first, last), as the year facet lists the page; "" for none."""
    if not years:
        return ""
    first, last = years
    return str(first) if first == last else f"{first}–{last}"


@dataclass
class Hit:
    page: Page
    type_label: str
    factors: list
    excerpt: str
    date: object  # the day it was first published, for the types that day dates
    years: str  # the years the content states («2011», «2011–2020»), or ""
    language: str
    promoted: bool = False


def _publishing_days(pages):
    """{pk: first publishing} of the pages whose type that day dates; an untranslated alias
    shows its source's text, so its source's day (one query, only when there is one)."""
    dated = [page for page in pages if type(page).dated_by_publishing]
    sources = [page.alias_of_id for page in dated if page.alias_of_id]
    source_days = dict(
        Page.objects.filter(pk__in=sources).values_list("pk", "first_published_at")
        if sources
        else ()
    )
    return {
        page.pk: source_days.get(page.alias_of_id) if page.alias_of_id else page.first_published_at
        for page in dated
    }


def load_hits(ids, data, locale, pattern, promoted=False):
    """The pages behind ``ids`` as hits, in that order, with a constant number of queries.

    ``data`` is the locale's ``FacetData``: it knows each page's factors and stated years.
    A hit shows the years its content states (a report's year, the programme period a quote
    or an activity belongs to), the years the year facet lists it under. Without them, only a
    type dated by its publishing (an article) shows that day: a quote was said, and an activity
    written, long before an editor published it here, so that day would mislead a caseworker
    into reading it as new; in the demo it is the day the demo was loaded.
    """
    # Live and public asked again: what a visitor reads never rests on a memo alone.
    shown = Page.objects.live().public().filter(pk__in=ids).defer_streamfields().specific()
    pages = {p.pk: p for p in shown}
    published = _publishing_days(pages.values())
    hits = []
    for pk in ids:
        page = pages.get(pk)
        if page is None:
            continue
        # Every hit is in the active locale; sharing its object spares a query per URL.
        page.locale = locale
        model = type(page)
        language = locale.language_code
        years = years_label(data.index.stated_years.get(pk))
        if page.alias_of_id and getattr(page, "original_language", ""):
            language = page.original_language
        hits.append(
            Hit(
                page=page,
                type_label=str(model._meta.verbose_name).capitalize(),
                factors=data.factors_of(pk),
                excerpt=excerpt(page.teaser, pattern, is_html=model.teaser_is_html),
                date=None if years else published.get(pk),
                years=years,
                language=language,
                promoted=promoted,
            )
        )
    return hits
