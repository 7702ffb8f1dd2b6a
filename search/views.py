from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from guidance.models import Theme

from . import engine
from .browse import theme_content, theme_url
from .models import SearchQueryDay

RESULTS_PER_PAGE = 10
MAX_SUGGESTIONS = 8
ORDERS = ("relevance", "newest")


def _page_number(raw, num_pages):
    """The page asked for, and a message when it had to be corrected."""
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1, (_("«Page» must be a number; showing the first page.") if raw else "")
    if number < 1:
        return 1, _("There is no such page of results; showing the first page.")
    if number > num_pages:
        return num_pages, _("There are only %(n)s pages of results; showing the last one.") % {
            "n": num_pages
        }
    return number, ""


def _promotions(query, locale, visible):
    """The pages editors picked for the query that a visitor may see, in the editors' order."""
    normalised = " ".join(query.lower().split())[:255]
    if not normalised:
        return []
    page_ids = (
        SearchPromotion.objects.filter(query__query_string=normalised, page__locale=locale)
        .order_by("sort_order")
        .values_list("page_id", flat=True)
    )
    return [pk for pk in page_ids if pk in visible]


def _link_options(facets, search_params):
    """Each facet option's address (choosing it, or removing it when chosen) and its count.

    Done here rather than by a template tag per option: a search shows some eighty options.
    """
    base = {k: v for k, v in search_params.items() if k != "page"}
    for facet in facets:
        others = {k: v for k, v in base.items() if k != facet.name}
        removed = "?" + urlencode(others)
        for option in facet.options:
            option.url = (
                removed
                if option.selected
                else "?" + urlencode({**others, facet.name: option.value})
            )
            option.count_text = ngettext(
                "%(counter)s result", "%(counter)s results", option.count
            ) % {"counter": option.count}


@require_GET
def search(request):
    locale = Locale.get_active()
    raw_query = request.GET.get("q", "")
    query = engine.clean_query(raw_query)
    order = request.GET.get("order", "relevance")
    messages = []
    if order not in ORDERS:
        order = "relevance"
    if len(raw_query) > engine.MAX_QUERY_LENGTH:
        messages.append(
            _("Your search was shortened to its first %(n)s characters.")
            % {"n": engine.MAX_QUERY_LENGTH}
        )
    selected, invalid = engine.validate_filters(request.GET, locale)
    if invalid:
        messages.append(_("Some filters in the address were not recognised and were ignored."))

    context = {
        "search_query": query,
        "order": order,
        "selected": selected,
        "messages_for_search": messages,
        "search_params": {},
        "facets": [],
        "hits": [],
        "promoted_hits": [],
        "results_page": None,
        "corrected": None,
        "total": 0,
    }
    if not query and not selected:
        return TemplateResponse(request, "search/search.html", context)

    data = engine.FacetData.for_locale(locale)
    visible = data.index.position
    if query:
        found, variants, corrected = engine.find(locale, query, visible)
    else:
        # Filters alone browse everything in the language, newest first.
        found, variants, corrected = data.index.newest_first, [], None
    kept, facets = engine.apply_facets(found, data, selected)
    if order == "newest":
        published = data.index.published
        kept.sort(key=lambda pk: published.get(pk, 0), reverse=True)

    promoted_ids = _promotions(query, locale, visible) if query else []
    ids = [pk for pk in kept if pk not in promoted_ids]

    paginator = Paginator(ids, RESULTS_PER_PAGE)
    number, page_message = _page_number(request.GET.get("page"), paginator.num_pages)
    if page_message:
        messages.append(page_message)
    results_page = paginator.page(number)
    pattern = engine.highlight_pattern(variants or [query])
    hits = engine.load_hits(list(results_page.object_list), data, locale, pattern)
    promoted_hits = []
    if promoted_ids and number == 1:
        promoted_hits = engine.load_hits(promoted_ids, data, locale, pattern, promoted=True)

    fresh_search = query and number == 1 and not selected and "page" not in request.GET
    if fresh_search:
        SearchQueryDay.record(query, locale, len(found) + len(promoted_ids))
        Query.get(query).add_hit()

    search_params = {"q": query} if query else {}
    if order != "relevance":
        search_params["order"] = order
    search_params.update(selected)
    _link_options(facets, search_params)
    context.update(
        {
            "search_params": search_params,
            "facets": facets,
            "hits": hits,
            "promoted_hits": promoted_hits,
            "results_page": results_page,
            "corrected": corrected,
            "total": len(ids) + len(promoted_ids),
            "synonyms": list(variants[1:]),
        }
    )
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def suggestions(request):
    """Autocomplete for the header box: page titles (and themes) that start like the query."""
    locale = Locale.get_active()
    query = engine.clean_query(request.GET.get("q", ""))[:100]
    items = []
    if len(query) >= 2:
        try:
            pages = list(engine.searchable_pages(locale).autocomplete(query)[:MAX_SUGGESTIONS])
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
        },
    )
