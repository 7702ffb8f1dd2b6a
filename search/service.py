"""The search's one entry point: ``run_search(form)`` gives everything the page shows."""

from dataclasses import dataclass, field, fields

from django.core.paginator import Page as ResultsPage
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import SearchPromotion

from core.search_links import SearchLinks

from .facets import apply_facets, link_options
from .hits import highlight_pattern, load_hits
from .matching import find

RESULTS_PER_PAGE = 10
SOME_WORDS_NOTE = _("No page holds all the words you searched for; these hold most of them.")


@dataclass
class SearchResult:
    """A search as the template shows it; its fields are the template's context."""

    search_query: str = ""
    order: str = "relevance"
    selected: dict = field(default_factory=dict)  # the facet values that filter, by facet
    messages_for_search: list = field(default_factory=list)
    facets: list = field(default_factory=list)
    hits: list = field(default_factory=list)
    promoted_hits: list = field(default_factory=list)
    results_page: ResultsPage | None = None
    corrected: str | None = None  # the query searched for instead of one that found nothing
    corrected_url: str = ""
    previous_url: str = ""
    next_url: str = ""
    total: int = 0
    synonyms: list = field(default_factory=list)
    # False when no page holds every word of the query and the hits hold only some of them
    all_words: bool = True
    found: int = 0  # matches before filtering, promoted pages included: for the query log
    new_search: bool = False  # a query typed anew, not a further page or a filter

    def context(self):
        return {f.name: getattr(self, f.name) for f in fields(self)}


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


def run_search(form):
    """The search the bound ``SearchForm`` asks for, in the form's locale."""
    form.is_valid()  # what is invalid is ignored; ``notes()`` says so
    locale, query, order, selected = form.locale, form.query, form.ordering, form.filters
    messages = form.notes()
    if not query and not selected:
        return SearchResult(query, order, selected, messages)

    data = form.facet_data
    visible = data.index.position
    all_words = True
    if query:
        matches = find(locale, query, visible)
        found, variants, corrected = matches.ids, matches.variants, matches.corrected
        if not matches.all_words:
            all_words = False
            messages.append(SOME_WORDS_NOTE)
    else:
        # Filters alone browse everything in the language, newest first.
        found, variants, corrected = data.index.newest_first, [], None
    kept, facets = apply_facets(found, data, selected)
    if order == "newest":
        kept = data.index.sort_newest(kept)
    promoted_ids = _promotions(query, locale, visible) if query else []
    ids = [pk for pk in kept if pk not in promoted_ids]

    paginator = Paginator(ids, RESULTS_PER_PAGE)
    number, page_note = form.page_number(paginator.num_pages)
    if page_note:
        messages.append(page_note)
    results_page = paginator.page(number)
    pattern = highlight_pattern([*(variants or [query]), corrected])
    hits = load_hits(list(results_page.object_list), data, locale, pattern)
    promoted_hits = []
    if promoted_ids and number == 1:
        promoted_hits = load_hits(promoted_ids, data, locale, pattern, promoted=True)

    links = SearchLinks({"q": query, "order": order if order != "relevance" else None, **selected})
    link_options(facets, links)
    return SearchResult(
        query,
        order,
        selected,
        messages,
        facets=facets,
        hits=hits,
        promoted_hits=promoted_hits,
        results_page=results_page,
        corrected=corrected,
        corrected_url=links.url(q=corrected) if corrected else "",
        previous_url=links.url(page=number - 1) if results_page.has_previous() else "",
        next_url=links.url(page=number + 1) if results_page.has_next() else "",
        total=len(ids) + len(promoted_ids),
        synonyms=list(variants[1:]),
        all_words=all_words,
        found=len(found) + len(promoted_ids),
        new_search=bool(query) and number == 1 and not selected and form.new_search,
    )
