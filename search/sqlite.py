"""The SQLite matcher: FTS5 over Snowball stems, the same analysis as PostgreSQL's ``norwegian``.

SQLite cannot call a Python tokenizer from FTS5, so the stems are computed in Python: the
table ``veiviser_search_stems`` (migration 0009) holds the stemmed title and body of every
search index entry, and triggers on Wagtail's index call ``veiviser_stems()`` (registered on
each connection by ``register_functions``) to keep it in step on every insert, update and
delete, as PostgreSQL's trigger keeps ``veiviser_search_fulltext``.

A search reads only the rowid (the index entry's id) and the rank of each match: reading the
table's stored page id would read each match's whole stemmed text, which costs more than the
match and the rank together. The pages behind the rowids come from ``_entry_pages``.
"""

from django.db import connection

from core import publication

from . import changes
from .analysis import stems

TABLE = "veiviser_search_stems"
# The page of each index entry, as the triggers find it (entries of other models have none).
ENTRY_PAGES = """SELECT e.id, p.id FROM wagtailsearch_indexentry e
    LEFT JOIN wagtailcore_page p
    ON p.id = CAST(e.object_id AS INTEGER) AND p.content_type_id = e.content_type_id"""
# bm25 with the title ten times the body; page_id and locale_id are not text.
RANK = f"bm25({TABLE}, 10.0, 1.0, 0.0, 0.0)"


def register_functions(sender, connection, **kwargs):
    """``veiviser_stems(text)`` for the triggers, on each new SQLite connection."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("veiviser_stems", 1, stems, deterministic=True)


def _term(alternative):
    if len(alternative) == 1:
        return f'"{alternative[0]}"'
    return "(" + " AND ".join(f'"{s}"' for s in alternative) + ")"


def expression(groups, all_groups=True):
    """An FTS5 query: each group's alternatives OR-ed, the groups AND-ed (or OR-ed)."""
    parts = ["(" + " OR ".join(_term(a) for a in group) + ")" for group in groups if group]
    return f" {'AND' if all_groups else 'OR'} ".join(parts)


def _read_entry_pages():
    with connection.cursor() as cursor:
        cursor.execute(ENTRY_PAGES)
        return dict(cursor.fetchall())


def _carried(pages, since):
    return pages if changes.pages_changed(since, publication.current()) is not None else None


def _entry_pages(rows):
    """{rowid: page id or None} for the rowids of ``rows``: kept per process under the
    publication stamp (an entry's page never changes; the stamp guards against ids a rollback
    hands out again), and an entry newer than the map is read when a search first meets it.

    After a publish the map is carried over when the changes since its stamp chain unbroken
    (search/changes.py): the rows are committed, so its stamp was, and with it every entry the
    map holds (SQLite's AUTOINCREMENT never hands out a committed id again). A stamp of a
    rolled-back transaction heads no chain: the map is read anew. The map is kept in Django's
    cache as well: a process that has none takes the newest there, and carries it over."""
    pages = publication.remembered(
        "search-entry-pages", _read_entry_pages, carry=_carried, shared=True
    )
    unknown = [row[0] for row in rows if row[0] not in pages]
    if unknown:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, page_id FROM {TABLE} "
                "WHERE rowid IN (SELECT value FROM json_each(%s))",
                [str(unknown)],
            )
            pages.update(dict.fromkeys(unknown))
            pages.update(cursor.fetchall())
    return pages


def _matches(groups, all_groups, ranked):
    """(rowid, rank) of each match, best first, or (rowid,) unordered."""
    query = expression(groups, all_groups)
    if not query:
        return []
    if ranked:
        sql = f"SELECT rowid, {RANK} FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY 2"
    else:
        sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [query])
        return cursor.fetchall()


def ranked_ids(locale, groups, visible, limit, all_groups=True):
    """The ``visible`` pages (of ``locale``) that match, best first (BM25, the title ten times
    the body; equals by page id, the newest first), at most ``limit``."""
    rows = _matches(groups, all_groups, ranked=True)
    get = _entry_pages(rows).get
    found, equals, last = [], [], None
    for rowid, rank in rows:  # one pass: sorting 10,000 (rank, id) pairs costs far more
        pk = get(rowid)
        if pk not in visible:
            continue
        if rank != last:
            found += sorted(equals, reverse=True) if len(equals) > 1 else equals
            equals, last = [pk], rank
        else:
            equals.append(pk)
    found += sorted(equals, reverse=True)
    return found[:limit]


def matching_ids(locale, groups, visible):
    """The ``visible`` pages that match, as a set (no rank: for counting)."""
    rows = _matches(groups, True, ranked=False)
    get = _entry_pages(rows).get
    return {pk for (rowid,) in rows if (pk := get(rowid)) in visible}
