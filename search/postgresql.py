"""The PostgreSQL matcher: the stems of a query against the narrow copy of title || body.

The ``tsvector`` of each index entry holds the lexemes of the ``norwegian`` configuration
(Snowball stems without stop words); the query's stems come from ``search/analysis`` (the same
Snowball algorithm), so the tsquery is built with the ``simple`` configuration, which leaves
them as they are. The rank is ``ts_rank`` over the weighted vector, so title still outranks
summary and body. The matches of the locale are read and the visible ones kept.
"""

from django.db import connection

from .models import FullTextEntry

TABLE = FullTextEntry._meta.db_table


def _term(alternative):
    if len(alternative) == 1:
        return alternative[0]
    return "(" + " & ".join(alternative) + ")"


def expression(groups, all_groups=True):
    """A tsquery: each group's alternatives OR-ed, the groups AND-ed (or OR-ed)."""
    parts = ["(" + " | ".join(_term(a) for a in group) + ")" for group in groups if group]
    return f" {'&' if all_groups else '|'} ".join(parts)


def ranked_ids(locale, groups, visible, limit, all_groups=True):
    """The ``visible`` pages of ``locale`` that match, best first, at most ``limit``. Read in
    windows, so drafts and private pages never crowd out visible ones."""
    query = expression(groups, all_groups)
    if not query:
        return []
    found, offset, window = [], 0, 2 * limit
    with connection.cursor() as cursor:
        while len(found) < limit:
            cursor.execute(
                f"""SELECT object_id FROM {TABLE}, to_tsquery('simple', %s) query
                    WHERE locale_id = %s AND fulltext @@ query
                    ORDER BY ts_rank(fulltext, query) DESC, object_id DESC LIMIT %s OFFSET %s""",
                [query, locale.pk, window, offset],
            )
            chunk = [row[0] for row in cursor.fetchall()]
            found.extend(pk for pk in chunk if pk in visible)
            if len(chunk) < window:
                break
            offset += window
    return found[:limit]


def matching_ids(locale, groups, visible):
    """The ``visible`` pages of ``locale`` that match, as a set (no rank: for counting)."""
    query = expression(groups)
    if not query:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT object_id FROM {TABLE}
                WHERE locale_id = %s AND fulltext @@ to_tsquery('simple', %s)""",
            [locale.pk, query],
        )
        return {pk for (pk,) in cursor.fetchall() if pk in visible}
