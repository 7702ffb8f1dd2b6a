from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import override
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from .browse import theme_content
from .models import Theme


def theme_urls(theme):
    """{language code: address} of the theme's live translations (their slugs differ)."""
    urls = {}
    for translation in (
        theme.get_translations(inclusive=True).filter(live=True).select_related("locale")
    ):
        code = translation.locale.language_code
        with override(code):
            urls[code] = reverse("theme", kwargs={"slug": translation.slug})
    return urls


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
            "translated_urls": theme_urls(theme),
        },
    )
