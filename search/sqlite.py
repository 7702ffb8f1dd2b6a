"""The SQLite matcher, the embedded fallback: Wagtail's FTS5 search, without stemming."""

from guidance.content_types import searchable_pages


def matching_ids(locale, search_query, visible, limit, title_pattern=None):
    """The ids in ``visible`` that match ``search_query``, title matches first, at most ``limit``.

    SQLite's backend ranks with a correlated FTS subquery per row (a second per thousand
    matches); the matches are fetched unranked and those whose title matches put first.
    """
    results = searchable_pages(locale).search(search_query, order_by_relevance=False)
    rows = list(results.get_queryset().values_list("pk", "title")[:limit])
    if title_pattern is not None:
        rows.sort(key=lambda row: (not title_pattern.search(row[1]), -row[0]))
    return [pk for pk, _title in rows if pk in visible]
