from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse

from wagtail.models import Locale, Page

from cases.models import CaseStudyPage
from guidance.models import ActivityPage, ArticlePage, FactorPage, QuotePage

SEARCHABLE_TYPES = (FactorPage, ActivityPage, QuotePage, ArticlePage, CaseStudyPage)
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live()
            .public()
            .type(*SEARCHABLE_TYPES)
            .filter(locale=Locale.get_active())
            .search(query)
        )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": page}
    )
