"""Dashboard panels: reviews due and coverage per success factor, in constant queries."""

import datetime

import pytest

from django.urls import reverse

from editorial import review
from guidance.coverage import factor_coverage
from tests.factories.cases import CaseStudyPageFactory
from tests.factories.guidance import ActivityPageFactory, ArticlePageFactory, QuotePageFactory
from tests.helpers import nynorsk_alias

pytestmark = pytest.mark.django_db


def translate(page, nn):
    """A real nynorsk translation (not an alias) of ``page``."""
    translation = page.copy_for_translation(nn, copy_parents=True)
    translation.save_revision().publish()
    return translation


def add_content(tree, n, start=0):
    factor = tree.factors[0]
    pages = []
    for i in range(start, start + n):
        activity = ActivityPageFactory(parent=factor, title=f"Aktivitet {i}")
        quote = QuotePageFactory(parent=tree.quote_index, title=f"Sitat {i}")
        article = ArticlePageFactory(parent=tree.article_index, title=f"Artikkel {i}")
        case = CaseStudyPageFactory(parent=tree.case_index, title=f"Case {i}")
        for page in (quote, article, case):
            page.factors.set([factor])
            page.save_revision().publish()
        pages.append((activity, quote, article, case))
    return pages


def test_coverage_counts_content_and_translation_state(tree, nn):
    pages = add_content(tree, 2)
    activity, quote, article, case = pages[0]
    translate(tree.factors[0], nn)
    translate(activity, nn)
    translate(quote, nn)
    nynorsk_alias(article, nn)  # an alias is not a translation
    coverage = {factor.number: factor for factor in factor_coverage()}
    counts = coverage[1].counts
    assert [counts[k].total for k in ("activity", "quote", "article", "case")] == [
        2,
        2,
        2,
        2,
    ]
    assert counts["activity"].translated == 1
    assert counts["quote"].translated == 1
    assert counts["article"].translated == 0
    assert counts["article"].alias_only == 2
    assert all(c.total == 0 for c in coverage[2].counts.values())
    assert len(coverage) == 6


def test_coverage_in_constant_queries(tree, django_assert_num_queries):
    # 9: the publication stamp and the locales (memoised per process until the stamp changes,
    # as add_content does), then the coverage itself.
    add_content(tree, 1)
    with django_assert_num_queries(9):
        factor_coverage()
    add_content(tree, 5, start=1)
    with django_assert_num_queries(9):
        result = factor_coverage()
    assert result[0].counts["quote"].total == 6


def test_dashboard_shows_panels(tree, admin_client, django_assert_max_num_queries):
    add_content(tree, 1)
    overdue = ArticlePageFactory(
        parent=tree.article_index,
        title="Gammel artikkel",
        review_by=review.today() - datetime.timedelta(days=3),
    )
    overdue.save_revision().publish()
    response = admin_client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="editorial-review' in html and "Gammel artikkel" in html
    assert 'id="editorial-coverage' in html and "Faktor 1" in html
    assert "1 (0 " in html  # one quote, none translated
    with django_assert_max_num_queries(80) as first:
        admin_client.get(reverse("wagtailadmin_home"))
    limit = len(first.captured_queries)  # before the next request resets the query log
    add_content(tree, 5, start=1)
    admin_client.get(reverse("wagtailadmin_home"))  # memos rebuild once after a publish
    with django_assert_max_num_queries(limit):
        admin_client.get(reverse("wagtailadmin_home"))


def test_dashboard_panels_hidden_without_page_permissions(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("bare-admin", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "editorial-coverage" not in html
