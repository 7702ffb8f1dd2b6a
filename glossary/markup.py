"""Marks up glossary terms in rendered rich text: the first occurrence of each on a page.

Applied at render time (the ``glossary`` template tag), so editors tag nothing. Text inside
links, headings and existing definitions is left alone. Each marked term is a ``<dfn>`` whose
definition is tied to it with ``aria-describedby`` (read by screen readers, shown on hover and
focus by CSS, no JavaScript), and links to the term on the glossary page where there is one.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from core import publication

from .models import GlossaryExclusion, Term, glossary_page_in

TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
SKIPPED = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "dfn", "abbr", "code", "button", "label"}


@dataclass(frozen=True)
class Entry:
    translation_key: str
    slug: str
    definition: str


@dataclass(frozen=True)
class Glossary:
    pattern: re.Pattern | None
    entries: dict  # a form of a term, case-folded -> Entry
    page_url: str | None


def build(locale_id):
    entries = {}
    for term in Term.objects.filter(locale_id=locale_id):
        entry = Entry(str(term.translation_key), term.slug, term.definition)
        for form in term.forms():
            entries.setdefault(form.casefold(), entry)
    pattern = None
    if entries:
        forms = sorted(entries, key=len, reverse=True)  # «boligsosialt arbeid» before «bolig»
        alternatives = "|".join(re.escape(escape(form)) for form in forms)
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    page = glossary_page_in(locale_id)
    return Glossary(pattern, entries, page.url if page else None)


def glossary_for(locale_id):
    """The terms of a language, built once per process until something is published."""
    return publication.remembered(("glossary", locale_id), lambda: build(locale_id))


def excluded_keys(page):
    """Translation keys of the terms excluded on ``page`` (in any language's version of it)."""
    return {
        str(key)
        for key in GlossaryExclusion.objects.filter(page_id=page.pk).values_list(
            "term__translation_key", flat=True
        )
    }


def definition_markup(matched, entry, glossary):
    describedby = f"definisjon-{entry.slug}"
    if glossary.page_url:
        inner = format_html(
            '<a class="glossary-term__link" href="{}#{}" aria-describedby="{}">{}</a>',
            glossary.page_url,
            entry.slug,
            describedby,
            mark_safe(matched),  # a piece of the text node, already HTML
        )
    else:
        inner = format_html(
            '<span tabindex="0" aria-describedby="{}">{}</span>', describedby, mark_safe(matched)
        )
    return format_html(
        '<span class="glossary-term"><dfn>{}</dfn>'
        '<span class="glossary-term__definition" id="{}" role="tooltip">{}</span></span>',
        inner,
        describedby,
        entry.definition,
    )


def mark_terms(html, glossary, seen):
    """``html`` with the first occurrence of each term not in ``seen`` marked up.

    ``seen`` (translation keys) is updated: it carries over between the blocks of one page.
    """
    if glossary.pattern is None:
        return html
    parts = TAG.split(str(html))
    skipping = 0
    for i, part in enumerate(parts):
        if part.startswith("<"):
            tag = TAG_NAME.match(part)
            if tag and tag.group(2).lower() in SKIPPED and not part.endswith("/>"):
                skipping += -1 if tag.group(1) else 1
                skipping = max(skipping, 0)
            continue
        if skipping or not part:
            continue
        parts[i] = _mark_text(part, glossary, seen)
    return mark_safe("".join(parts))


def _mark_text(text, glossary, seen):
    out = []
    position = 0
    for match in glossary.pattern.finditer(text):
        entry = glossary.entries.get(_unescape_form(match.group(0)))
        if entry is None or entry.translation_key in seen:
            continue
        if text.count("«", 0, match.start()) > text.count("»", 0, match.start()):
            continue  # inside a quoted title («Erfaringer fra kommuneprogrammet»): a name
        seen.add(entry.translation_key)
        out.append(text[position : match.start()])
        out.append(definition_markup(match.group(0), entry, glossary))
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def _unescape_form(html_text):
    from html import unescape

    return unescape(html_text).casefold()
