"""Template tags for what search engines and link previews read in <head>: the description,
og:locale, the canonical address, the other language versions and JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.models import Page

from core import publication, text
from core.pages import lineage_translations

register = template.Library()

OG_LOCALES = {"nb": "nb_NO", "nn": "nn_NO"}
# The same characters Django's json_script escapes: nothing in the data can close the script.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

register.filter("page_description", text.page_description)


@register.filter
def og_locale(language_code):
    return OG_LOCALES.get(language_code, language_code)


@register.simple_tag(takes_context=True)
def search_alternates(context, page):
    """The page's real translations (not aliases) with absolute URLs, for hreflang links.

    An alias repeats its source's text in the source's written form, so it is no alternate
    language version for search engines: it points to its source as canonical instead.
    """
    if page is None or not getattr(page, "pk", None) or page.alias_of_id:
        return []
    request = context.get("request")
    # Per page and host until the next publish: the translations' full URLs cost a millisecond.
    return publication.remembered(
        ("search-alternates", page.pk, _host(request)),
        lambda: _alternates(page, request),
        per_page=True,
    )


def _host(request):
    return request.get_host() if request is not None else None


def _alternates(page, request):
    translations = sorted(
        (
            version
            for version in lineage_translations(page)
            if version.translation_key == page.translation_key and not version.alias_of_id
        ),
        key=lambda version: version.locale.language_code,
    )
    alternates = []
    for version in translations:
        url = version.get_full_url(request)
        if url:
            alternates.append({"code": version.locale.language_code, "url": url})
    return alternates if len(alternates) > 1 else []


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """An alias's canonical address is its source's; every other page is its own."""
    request = context.get("request")
    return publication.remembered(
        ("canonical-url", page.pk, _host(request)),
        lambda: _canonical(page, request),
        per_page=True,
    )


def _canonical(page, request):
    if page.alias_of_id:
        source = (
            next(
                (found for found in lineage_translations(page) if found.pk == page.alias_of_id),
                None,
            )
            or Page.objects.filter(pk=page.alias_of_id).live().public().first()
        )
        if source is not None:
            return source.get_full_url(request)
    return page.get_full_url(request)


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """The page's own schema.org data (``page.json_ld``), in a script nothing in it can close."""
    data = page.json_ld(context.get("request")) if hasattr(page, "json_ld") else None
    if not data:
        return ""
    serialised = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(serialised.translate(JSON_SCRIPT_ESCAPES)),
    )
