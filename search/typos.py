"""Typo tolerance (PostgreSQL): each unknown word of a query replaced by the nearest known one.

The known words are those of the published guidance, in a materialized view (migration 0004)
refreshed when the publication stamp changes, so drafts and private pages never lend a word.
"""

import re

from django.db import connection, transaction

from wagtail.search.backends import get_search_backend

from core import publication

MAX_CORRECTED_WORDS = 20
VOCABULARY = "veiviser_search_word"  # the words of the published guidance (migration 0004)
_vocabulary_built_at = {}


def _refresh_vocabulary():
    """Rebuild the word list if anything was published, unpublished, restricted or deleted."""
    version = publication.current()
    if _vocabulary_built_at.get("version") != version:
        with connection.cursor() as cursor:
            cursor.execute(f"REFRESH MATERIALIZED VIEW {VOCABULARY}")
        # Remembered once the refresh is committed: a rolled-back one is redone next time.
        transaction.on_commit(lambda: _vocabulary_built_at.update(version=version))


def corrected_query(query):
    """``query`` with each word the guidance never uses replaced by the most similar one it does.

    Trigram similarity (pg_trgm, with the threshold of Wagtail's fuzzy search) against the
    word list, one query for all words. None when nothing could be corrected.
    """
    words = re.findall(r"\w+", query.lower())[:MAX_CORRECTED_WORDS]
    if not words:
        return None
    _refresh_vocabulary()
    threshold = get_search_backend().fuzzy_similarity_threshold
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.similarity_threshold', %s, true)", [str(threshold)]
        )
        cursor.execute(
            f"""
            SELECT typed.word, (
                SELECT known.word FROM {VOCABULARY} known
                WHERE known.word %% typed.word
                ORDER BY known.word = typed.word DESC,
                         similarity(known.word, typed.word) DESC, known.documents DESC
                LIMIT 1)
            FROM unnest(%s::text[]) AS typed(word)
            """,
            [words],
        )
        best = dict(cursor.fetchall())
    corrected = [best.get(word) or word for word in words]
    return " ".join(corrected) if corrected != words else None
