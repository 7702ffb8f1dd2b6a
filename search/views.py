from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from guidance.browse import theme_url
from guidance.content_types import searchable_pages
from guidance.models import Theme

from .forms import SearchForm, clean_text
from .models import SearchQueryDay
from .service import run_search
from .ways import ways

MAX_SUGGESTIONS = 8


@require_GET
def search(request):
    locale = Locale.get_active()
    form = SearchForm(request.GET, locale=locale)
    result = run_search(form)
    if result.new_search:
        # The one log of searches: counts per query, language and day (not Wagtail's
        # per-query hits, which know no language and would be a second log to prune).
        SearchQueryDay.record(result.search_query, locale, result.found)
    context = result.context()
    if not result.total:
        # An empty search shows the ways in; one that found nothing, the ways on.
        context.update(ways(form, result))
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def suggestions(request):
    """Autocomplete for the header box: page titles (and themes) that start like the query."""
    locale = Locale.get_active()
    query = clean_text(request.GET.get("q", ""))[:100]
    items = []
    if len(query) >= 2:
        try:
            pages = list(searchable_pages(locale).autocomplete(query)[:MAX_SUGGESTIONS])
        except Exception:  # noqa: BLE001 - a parser the query trips up must not break typing
            pages = []
        for page in pages:
            page.locale = locale
            items.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "type": str(page.specific_class._meta.verbose_name).capitalize(),
                }
            )
        for theme in Theme.objects.filter(locale=locale, live=True, name__icontains=query)[:3]:
            items.append({"title": theme.name, "url": theme_url(theme), "type": _("Theme")})
    response = JsonResponse({"query": query, "suggestions": items})
    response["Cache-Control"] = "max-age=60"
    return response
