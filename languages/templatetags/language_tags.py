from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info

from core.pages import lineage_translations

register = template.Library()


# What the switcher calls the written forms; any other language goes by its own name.
WRITTEN_FORMS = {"nb": "Bokmål", "nn": "Nynorsk"}


def _label(code):
    return WRITTEN_FORMS.get(code) or capfirst(get_language_info(code)["name_local"])


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per language: the same page in that language, or its nearest translated ancestor.

    One query for a page (its lineage's translations, shared with hreflang, core/pages.py);
    none for other views.
    """
    request = context["request"]
    current = get_language()
    links = []
    if page is None or not getattr(page, "pk", None):
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            url = translate_url(request.get_full_path(), code)
            links.append(_link(code, url, code == current, exact=True))
        return links

    best = {}
    for candidate in lineage_translations(page):
        code = candidate.locale.language_code
        if code not in best or candidate.depth > best[code].depth:
            best[code] = candidate
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        target = page if code == page.locale.language_code else best.get(code)
        if target is None:
            continue
        url = target.get_url(request=request)
        if url:
            links.append(_link(code, url, code == current, exact=target.depth == page.depth))
    return links


def _link(code, url, is_current, exact):
    return {
        "code": code,
        "label": _label(code),
        "url": url,
        "is_current": is_current,
        "is_exact": exact,
    }
