"""The fast paths of the search (matches read by rowid on SQLite, kept per query) give what the
plain ranked query gives: the same pages in the same order, the same counts, renewed by a
publish and by a synonym."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import publication
from search import matching, postgresql, sqlite, vocabulary
from search.expansion import expand
from search.models import Synonym
from tests.factories.guidance import ActivityPageFactory, QuotePageFactory, ThemeFactory
from tests.helpers import publish
from tests.search.helpers import facet_counts

FILLER = ["bolig", "samarbeid", "ledelse", "plan", "tiltak", "erfaring"]


@pytest.fixture
def broad(tree):
    """25 pages that all hold «kommune», some in the title, some twice alike (equal rank)."""
    pages = []
    for n in range(25):
        words = ["kommune"] * (n % 3 + 1) + FILLER[: n % 6]
        text = " ".join(words) + "."
        if n % 2:
            page = QuotePageFactory(
                parent=tree.quote_index, title=f"Sitat {n % 7}", slug=f"sitat-{n}", quote=text
            )
        else:
            title = "Kommunen" if n % 4 == 0 else f"Aktivitet {n % 5}"
            page = ActivityPageFactory(
                parent=tree.factors[n % 3], title=title, slug=f"aktivitet-{n}", summary=text
            )
        pages.append(publish(page))
    return pages


def plain_ranked_ids(locale, query):
    """The matches as the search ranked them before the fast paths: one query, page ids read
    from the table, BM25 (title ten times the body) or ts_rank, equals by page id."""
    groups = expand(query, vocabulary.current()).groups
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            table = sqlite.TABLE
            cursor.execute(
                f"SELECT page_id FROM {table} WHERE {table} MATCH %s AND locale_id = %s "
                f"ORDER BY bm25({table}, 10.0, 1.0, 0.0, 0.0), page_id DESC",
                [sqlite.expression(groups), locale.pk],
            )
        else:
            cursor.execute(
                f"""SELECT object_id FROM {postgresql.TABLE}, to_tsquery('simple', %s) query
                    WHERE locale_id = %s AND fulltext @@ query
                    ORDER BY ts_rank(fulltext, query) DESC, object_id DESC""",
                [postgresql.expression(groups), locale.pk],
            )
        return [row[0] for row in cursor.fetchall()]


def hit_ids(response):
    return [hit.page.pk for hit in response.context["hits"]]


def test_a_broad_query_gives_every_page_and_count_as_the_plain_query(client, broad, nb):
    expected = plain_ranked_ids(nb, "kommune")
    assert len(expected) == 25
    for number in (1, 2, 3):
        response = client.get("/sok/", {"q": "kommune", "page": number})
        assert hit_ids(response) == expected[(number - 1) * 10 : number * 10]
        assert response.context["total"] == 25
    assert facet_counts(response, "type") == {"activity": 13, "quote": 12}
    assert facet_counts(response, "factor") == {"1": 5, "2": 4, "3": 4}
    # A facet keeps the order and counts every match, not only those of the first page.
    quotes = {page.pk for page in broad if page.specific_class.__name__ == "QuotePage"}
    response = client.get("/sok/", {"q": "kommune", "type": "quote", "page": 2})
    assert hit_ids(response) == [pk for pk in expected if pk in quotes][10:]
    assert facet_counts(response, "type") == {"activity": 13, "quote": 12}


def test_another_page_of_a_search_reuses_its_matches(client, broad):
    client.get("/sok/", {"q": "kommune"})
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sok/", {"q": "kommune", "page": 2, "type": "activity"})
    assert len(hit_ids(response)) == 3
    full_text = "MATCH" if connection.vendor == "sqlite" else "@@"
    assert not [q for q in queries if full_text in q["sql"]]


def test_a_publish_renews_the_kept_matches(client, broad, tree):
    assert client.get("/sok/", {"q": "kommune"}).context["total"] == 25
    new = publish(ActivityPageFactory(parent=tree.factors[0], title="Kommunen i Tromsø"))
    response = client.get("/sok/", {"q": "kommune", "factor": "1"})
    assert response.context["total"] == 6
    assert new.pk in hit_ids(response)


def test_a_new_synonym_applies_at_once(client, broad):
    assert client.get("/sok/", {"q": "hybel"}).context["total"] == 0
    Synonym.objects.create(terms="hybel, kommune")
    assert client.get("/sok/", {"q": "hybel"}).context["total"] == 25


def test_an_index_entry_newer_than_the_rowid_map_is_read(client, broad, nb):
    # SQLite's rowid map (PostgreSQL has none, and must give the same pages).
    expected = plain_ranked_ids(nb, "kommune")
    assert hit_ids(client.get("/sok/", {"q": "kommune"})) == expected[:10]
    entry_pages = publication.remembered("search-entry-pages", dict)
    for rowid in [rowid for rowid, pk in entry_pages.items() if pk in expected[:3]]:
        del entry_pages[rowid]
    matching.forget()
    assert hit_ids(client.get("/sok/", {"q": "kommune"})) == expected[:10]


def test_the_rowid_map_is_carried_over_a_publish_and_read_anew_after_a_theme(client, broad, tree):
    client.get("/sok/", {"q": "kommune"})
    quote = QuotePageFactory(
        parent=tree.quote_index,
        title="Nytt",
        slug="nytt",
        quote="Kommune.",
        municipality=broad[1].municipality,  # a new one would break the chain of changes
    )
    publish(quote)
    with CaptureQueriesContext(connection) as after_publish:
        assert client.get("/sok/", {"q": "kommune"}).context["total"] == 26
    ThemeFactory(name="Bustøtte", slug="bustotte")  # no page changed: the chain breaks
    with CaptureQueriesContext(connection) as after_theme:
        assert client.get("/sok/", {"q": "kommune"}).context["total"] == 26
    quote.title = "Nyere"
    publish(quote)
    publication.forget()  # another process: the map comes from the cache, carried over
    with CaptureQueriesContext(connection) as elsewhere:
        assert client.get("/sok/", {"q": "kommune"}).context["total"] == 26
    full_reads = [
        sum("LEFT JOIN wagtailcore_page p" in q["sql"] for q in captured.captured_queries)
        for captured in (after_publish, after_theme, elsewhere)
    ]
    # SQLite's map of index entries to pages (PostgreSQL has none, and finds the same).
    assert full_reads == ([0, 1, 0] if connection.vendor == "sqlite" else [0, 0, 0])
