from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Site

from .browse import theme_content, theme_overview, theme_translations
from .models import Theme


def language_versions(request, urls):
    """The context for the language switch and the hreflang links of a view that is no page.

    ``urls`` maps each language code to the view's address in that language.
    """
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    current = translation.get_language()
    return {
        "translated_urls": urls,
        "canonical_url": root + urls[current] if current in urls else "",
        "alternate_urls": [{"code": code, "url": root + url} for code, url in sorted(urls.items())]
        if len(urls) > 1
        else [],
    }


@require_GET
def theme_index(request):
    """/tema/: every live theme of the reader's language, with what it gathers per type."""
    locale = Locale.get_active()
    urls = {}
    for code in Locale.objects.values_list("language_code", flat=True):
        with translation.override(code):
            urls[code] = reverse("theme_index")
    return TemplateResponse(
        request,
        "guidance/theme_index.html",
        {
            "summaries": theme_overview(locale),
            "menu_section": "themes",
            **language_versions(request, urls),
        },
    )


@require_GET
def theme_page(request, slug):
    locale = Locale.get_active()
    if len(slug) > 100:
        raise Http404
    theme = get_object_or_404(Theme, locale=locale, slug=slug, live=True)
    groups, unlinked = theme_content(theme)
    other_themes = Theme.objects.filter(locale=locale, live=True).exclude(pk=theme.pk)
    return TemplateResponse(
        request,
        "guidance/theme_page.html",
        {
            "theme": theme,
            "groups": groups,
            "unlinked": unlinked,
            "other_themes": other_themes,
            "factor_count": len(groups),
            "menu_section": "themes",
            **language_versions(request, theme_translations(theme)),
        },
    )
