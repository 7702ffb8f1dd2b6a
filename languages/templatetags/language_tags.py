from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info, override

from core import publication
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
        # A view whose address differs between the languages (a theme's translated slug)
        # gives its versions as ``translated_urls``; a language without one gets the home page.
        translated = context.get("translated_urls")
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            if translated is None:
                links.append(
                    _link(
                        code,
                        translate_url(request.get_full_path(), code),
                        code == current,
                        exact=True,
                    )
                )
            elif code in translated:
                links.append(_link(code, translated[code], code == current, exact=True))
            else:
                with override(code):
                    home = reverse("wagtail_serve", args=[""])
                links.append(_link(code, home, code == current, exact=False))
        return links
    # Per page, host and language until the next publish: each version's URL costs a lookup of
    # its site's root paths.
    host = request.get_host()
    return publication.remembered(
        ("language-links", page.pk, host, current),
        lambda: _page_links(page, request, current),
        per_page=True,
    )


def _page_links(page, request, current):
    links = []
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


@register.filter
def lang_attribute(page, language):
    """`` lang="nb"`` for a page whose text is in another written form than ``language``."""
    content_language = getattr(page, "content_language", "") if page else ""
    if content_language and content_language != language:
        return format_html(' lang="{}"', content_language)
    return ""
