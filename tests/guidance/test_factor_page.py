"""A factor page lists its related content without an editor curating it, in constant queries."""

from languages.sync import synchronise_trees
from tests.factories.cases import CaseStudyPageFactory
from tests.factories.guidance import ActivityPageFactory, ArticlePageFactory, QuotePageFactory


def add_related(tree, factor, count, start=0):
    for i in range(start, start + count):
        ActivityPageFactory(parent=factor, title=f"Aktivitet {factor.number}-{i}")
        for factory, parent in (
            (QuotePageFactory, tree.quote_index),
            (ArticlePageFactory, tree.article_index),
            (CaseStudyPageFactory, tree.case_index),
        ):
            label = f"{factory.__name__} {factor.number}-{i}"
            extra = {"quote": label} if factory is QuotePageFactory else {}
            page = factory(parent=parent, title=label, **extra)
            page.factors.set([factor])
            page.save()


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_factor_page_lists_everything_linked_to_it(client, tree):
    factor, other = tree.factors[0], tree.factors[1]
    add_related(tree, factor, 2)
    add_related(tree, other, 1)
    html = render(client, factor)
    for name in ("QuotePageFactory", "ArticlePageFactory", "CaseStudyPageFactory"):
        assert f"{name} 1-0" in html and f"{name} 1-1" in html
        assert f"{name} 2-0" not in html
    assert "Aktivitet 1-0" in html and "Aktivitet 2-0" not in html


def test_factor_page_queries_do_not_grow_with_content(client, tree, django_assert_max_num_queries):
    factor = tree.factors[0]
    counts = {}
    for total, start in ((5, 0), (50, 5)):
        add_related(tree, factor, total - start, start)
        render(client, factor)  # warm per-process caches (site root paths, settings)
        with django_assert_max_num_queries(15) as captured:
            html = render(client, factor)
        shown = min(total, factor.LINKED_PER_SECTION)
        for kind in ("ArticlePageFactory", "CaseStudyPageFactory", "QuotePageFactory"):
            assert html.count(f"{kind} 1-") == shown
        assert html.count("Aktivitet 1-") == total
        counts[total] = len(captured.captured_queries)
    assert counts[5] == counts[50], counts


def test_factor_page_shows_the_newest_and_links_to_the_rest(client, tree):
    factor = tree.factors[0]
    add_related(tree, factor, 8)
    html = render(client, factor)
    # The newest six of each kind; the search filtered on the factor has all of them.
    assert "ArticlePageFactory 1-7" in html and "ArticlePageFactory 1-1" not in html
    assert "Se alle 8 artikler" in html
    assert "/sok/?factor=1&amp;type=article" in html
    assert "Se alle 8 sitater" in html and "/sok/?factor=1&amp;type=quote" in html
    assert "/sok/?factor=1&amp;type=case" in html
    search = client.get("/sok/", {"factor": "1", "type": "article"})
    assert search.context["total"] == 8


def test_factor_page_links_to_the_nynorsk_search(client, tree, nn):
    factor = tree.factors[0]
    add_related(tree, factor, 7)
    synchronise_trees()  # the nynorsk counterparts (aliases), as the site makes them
    html = render(client, factor.get_translation(nn))
    # Untranslated, the page speaks its written form, but the search it links to is nynorsk.
    assert "Se alle 7 artikler" in html
    assert "/nn/sok/?factor=1&amp;type=article" in html


def test_overview_pages_are_paginated(client, tree):
    for i in range(30):
        QuotePageFactory(parent=tree.quote_index, title=f"Sitat {i:02d}", quote=f"Sitat {i:02d}")
    first = client.get(tree.quote_index.url)
    assert first.context["listing_page"].paginator.num_pages == 2
    assert len(first.context["quotes"]) == 24
    assert 'rel="next"' in first.content.decode()
    second = client.get(tree.quote_index.url, {"page": "2"})
    assert len(second.context["quotes"]) == 6
    assert "Side 2 av 2" in second.content.decode()
    # Bad page numbers answer with a page, never an error.
    assert client.get(tree.quote_index.url, {"page": "abc"}).context["listing_page"].number == 1
    assert client.get(tree.quote_index.url, {"page": "999"}).context["listing_page"].number == 2


def test_factor_listings_are_kept_until_something_is_published(client, tree):
    """The listings are kept per process under the publication stamp; unpublishing a linked
    page renews the stamp, so the page leaves the factor page at once."""
    factor = tree.factors[0]
    add_related(tree, factor, 2)
    first = render(client, factor)
    assert "QuotePageFactory 1-1" in first
    quote = tree.quote_index.get_children().get(title="QuotePageFactory 1-1").specific
    quote.unpublish()
    html = render(client, factor)
    assert "QuotePageFactory 1-1" not in html and "QuotePageFactory 1-0" in html
