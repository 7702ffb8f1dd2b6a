"""The SQLite matcher: FTS5 over Snowball stems, the same analysis as PostgreSQL's ``norwegian``.

SQLite cannot call a Python tokenizer from FTS5, so the stems are computed in Python: the
table ``veiviser_search_stems`` (migration 0009) holds the stemmed title and body of every
search index entry, and triggers on Wagtail's index call ``veiviser_stems()`` (registered on
each connection by ``register_functions``) to keep it in step on every insert, update and
delete, as PostgreSQL's trigger keeps ``veiviser_search_fulltext``.
"""

from django.db import connection

from .analysis import stems

TABLE = "veiviser_search_stems"


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


def ranked_ids(locale, groups, limit, all_groups=True, offset=0):
    """Ids of the pages of ``locale`` that match, best first (BM25, the title weighs ten times
    the body), at most ``limit``."""
    query = expression(groups, all_groups)
    if not query:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT page_id FROM {TABLE} WHERE {TABLE} MATCH %s AND locale_id = %s "
            f"ORDER BY bm25({TABLE}, 10.0, 1.0, 0.0, 0.0), page_id DESC LIMIT %s OFFSET %s",
            [query, locale.pk, limit, offset],
        )
        return [row[0] for row in cursor.fetchall()]
