"""Which pages match a query: full text with synonyms, then, on PostgreSQL, typo-tolerant."""

from django.db import DatabaseError, connection, transaction

from wagtail.search.query import PlainText

from . import postgresql, sqlite, typos
from .hits import highlight_pattern
from .models import Synonym

# More matches than this are not read for facets: a query this broad says nothing anyway.
MAX_MATCHES = 10_000
MATCHERS = {"postgresql": postgresql.matching_ids, "sqlite": sqlite.matching_ids}


def synonym_query(query):
    """The query OR each of its synonym variants."""
    variants = Synonym.expand(query)
    search_query = PlainText(variants[0])
    for variant in variants[1:]:
        search_query |= PlainText(variant)
    return search_query, variants


def find(locale, query, visible):
    """Matching page ids for ``query``: stemmed full text with synonyms, then typo-tolerant.

    ``visible`` holds the ids a visitor may find (``LocaleFacets.position``). Returns the
    visible ids, the query variants searched for (synonyms) and, when nothing matched as
    typed, the corrected query that found the ids (PostgreSQL only), else None.
    """
    matcher = MATCHERS[connection.vendor]

    def matches(search_query, title_pattern=None):
        with transaction.atomic():
            return matcher(locale, search_query, visible, MAX_MATCHES, title_pattern)

    search_query, variants = synonym_query(query)
    corrected = None
    try:
        ids = matches(search_query, highlight_pattern(variants))
    except DatabaseError:
        # A query the full-text parser cannot digest finds nothing rather than failing.
        ids = []
    if not ids and connection.vendor == "postgresql":
        # Only PostgreSQL has trigram similarity.
        try:
            with transaction.atomic():
                corrected = typos.corrected_query(query)
            if corrected:
                search_query, variants = synonym_query(corrected)
                ids = matches(search_query)
        except DatabaseError:
            ids = []
        if not ids:
            corrected = None
    return ids, variants, corrected
