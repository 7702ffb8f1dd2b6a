"""A factor page lists its related content without an editor curating it, in constant queries."""

from cases.factories import CaseStudyPageFactory
from guidance.factories import ActivityPageFactory, ArticlePageFactory, QuotePageFactory


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
        with django_assert_max_num_queries(45) as captured:
            html = render(client, factor)
        for kind in ("ArticlePageFactory", "CaseStudyPageFactory", "QuotePageFactory"):
            assert html.count(f"{kind} 1-") == total
        assert html.count("Aktivitet 1-") == total
        counts[total] = len(captured.captured_queries)
    assert counts[5] == counts[50], counts
