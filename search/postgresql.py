"""The PostgreSQL matcher: Wagtail's tsquery and rank, on the narrow copy of title || body."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F

from wagtail.models import Page, get_page_models

from .models import FullTextEntry


def matching_ids(locale, search_query, visible, limit, title_pattern=None):
    """The ids in ``visible`` that match ``search_query``, best first, at most ``limit``.

    The backend's own compiler builds the tsquery and the rank (weights by field boost), so
    title still outranks summary and body; the rank reads the one combined vector, without
    the backend's title-length normalisation (``title_pattern`` is not needed). The matches of
    the locale are read and the visible ones kept here: telling PostgreSQL which pages are
    visible (a join, or an array of ids) costs more than the match itself. Read in windows,
    so drafts and private pages never crowd out visible ones.
    """
    results = Page.objects.search(search_query)
    compiler, config = results.query_compiler, results.backend.config
    tsquery = compiler.build_tsquery(compiler.query, config=config)
    if tsquery is None:
        return []
    entries = (
        FullTextEntry.objects.filter(
            fulltext=tsquery, locale_id=locale.pk, content_type_id__in=_page_content_types()
        )
        .annotate(rank=compiler.build_tsrank(F("fulltext"), compiler.query, config=config))
        .order_by("-rank", "-object_id")
        .values_list("object_id", flat=True)
    )
    found, start, window = [], 0, 2 * limit
    while len(found) < limit:
        chunk = list(entries[start : start + window])
        found.extend(pk for pk in chunk if pk in visible)
        if len(chunk) < window:
            break
        start += window
    return found[:limit]


def _page_content_types():
    return [ct.pk for ct in ContentType.objects.get_for_models(Page, *get_page_models()).values()]
