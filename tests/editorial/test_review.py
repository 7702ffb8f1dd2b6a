"""Ownership and review: default dates, the report, «mark as reviewed», «Sist gjennomgått»."""

import csv
import datetime
import io

import pytest

from django.urls import reverse
from django.utils import translation

from wagtail.models import PageLogEntry

from editorial import review
from guidance.models import ActivityPage, ArticlePage
from tests.factories.editorial import DirectorateFactory
from tests.factories.guidance import ActivityPageFactory, ArticlePageFactory
from tests.helpers import nynorsk_alias

pytestmark = pytest.mark.django_db
TODAY = review.today()


def days(n):
    return TODAY + datetime.timedelta(days=n)


def test_publishing_sets_review_date_one_year_ahead(tree):
    article = ArticlePageFactory(parent=tree.article_index, title="Ny", live=False)
    assert article.review_by is None
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.review_by == review.one_year_after(TODAY)


def test_publishing_keeps_a_chosen_review_date(tree):
    article = ArticlePageFactory(parent=tree.article_index, review_by=days(90))
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.review_by == days(90)


def test_one_year_after_leap_day():
    assert review.one_year_after(datetime.date(2028, 2, 29)) == datetime.date(2029, 2, 28)


@pytest.fixture
def known_set(tree, nn):
    """Six pages with known review dates: three are past or within 30 days."""
    husbanken = DirectorateFactory(name="Husbanken")
    nav = DirectorateFactory(name="NAV")
    factor = tree.factors[0]

    def page(title, review_by, directorate=husbanken, live=True, factory=ActivityPageFactory):
        parent = factor if factory is ActivityPageFactory else tree.article_index
        created = factory(
            parent=parent, title=title, review_by=review_by, directorate=directorate, live=live
        )
        return created

    pages = {
        "overdue": page("Forfalt", days(-10)),
        "overdue_nav": page("Forfalt NAV", days(-400), directorate=nav, factory=ArticlePageFactory),
        "soon": page("Snart", days(20)),
        "later": page("Senere", days(45)),
        "unset": page("Uten dato", None),
        "draft_overdue": page("Utkast", days(-5), live=False),
    }
    # The nynorsk alias repeats the page: it is not listed twice.
    nynorsk_alias(pages["overdue"], nn)
    return pages, husbanken, nav


def test_due_for_review_lists_exactly_overdue_and_soon_pages(known_set):
    pages, *_ = known_set
    due = list(review.due_for_review().values_list("title", flat=True))
    assert due == ["Forfalt NAV", "Forfalt", "Snart"]


def test_review_report_filters_and_exports(known_set, admin_client):
    pages, husbanken, nav = known_set
    url = reverse("editorial_admin:review_report")
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for title in ("Forfalt", "Forfalt NAV", "Snart"):
        assert f">{title}<" in html or title in html
    assert "Senere" not in html and "Utkast" not in html and "Uten dato" not in html

    response = admin_client.get(url, {"directorate": nav.pk})
    html = response.content.decode()
    assert "Forfalt NAV" in html and "Snart" not in html

    response = admin_client.get(url, {"status": "soon"})
    html = response.content.decode()
    assert "Snart" in html and "Forfalt" not in html

    response = admin_client.get(url, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == ["Forfalt NAV", "Forfalt", "Snart"]
    assert rows[1][2] == "NAV"


def test_review_report_shows_only_the_users_section(known_set, client, django_user_model):
    from django.apps import apps

    from editorial import roles

    pages, husbanken, nav = known_set
    groups = roles.grant_section(apps, nav, pages["overdue_nav"].get_parent())
    editor = django_user_model.objects.create_user("nav-redaktor", password="x")
    editor.groups.add(groups["editor"])
    client.force_login(editor)
    html = client.get(reverse("editorial_admin:review_report")).content.decode()
    assert "Forfalt NAV" in html
    assert "Snart" not in html


def test_mark_reviewed_moves_dates_without_a_new_revision(known_set, admin_client, admin_user, nn):
    pages, *_ = known_set
    page = pages["overdue"]
    alias = page.get_translation(nn)
    revisions_before = page.revisions.count()
    url = reverse("editorial_admin:mark_reviewed", args=[page.pk])

    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Mark as reviewed" in response.content.decode() or "gjennomgått" in (
        response.content.decode()
    )

    response = admin_client.post(url, {"next": "/admin/"})
    assert response.status_code == 302 and response.url == "/admin/"
    page.refresh_from_db()
    assert page.last_reviewed == TODAY
    assert page.review_by == review.one_year_after(TODAY)
    assert page.revisions.count() == revisions_before
    assert ActivityPage.objects.get(pk=alias.pk).last_reviewed == TODAY
    entry = PageLogEntry.objects.get(page=page, action=review.MARK_REVIEWED_ACTION)
    assert entry.user == admin_user
    assert "Forfalt" not in [p.title for p in review.due_for_review()]
    # The next publish does not bring the old dates back.
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.last_reviewed == TODAY


def test_mark_reviewed_refuses_users_without_permission(known_set, client, django_user_model):
    pages, *_ = known_set
    outsider = django_user_model.objects.create_user("utenforstaende", password="x")
    from django.contrib.auth.models import Group

    outsider.groups.add(Group.objects.get(name="Oversettere"))
    client.force_login(outsider)
    url = reverse("editorial_admin:mark_reviewed", args=[pages["overdue"].pk])
    response = client.post(url)
    assert response.status_code in (302, 403)
    pages["overdue"].refresh_from_db()
    assert pages["overdue"].last_reviewed is None


def test_mark_reviewed_ignores_an_outside_next_address(known_set, admin_client):
    pages, *_ = known_set
    url = reverse("editorial_admin:mark_reviewed", args=[pages["soon"].pk])
    response = admin_client.post(url, {"next": "https://evil.example/"})
    assert response.url == reverse("editorial_admin:review_report")


@pytest.mark.parametrize(
    "language, prefix, label", [("nb", "", "Sist gjennomgått"), ("nn", "/nn", "Sist gjennomgått")]
)
def test_public_page_shows_last_reviewed(tree, nn, client, language, prefix, label):
    article = ArticlePageFactory(parent=tree.article_index, title="Artikkel")
    article.save_revision().publish()
    nynorsk_alias(tree.article_index, nn)
    alias = nynorsk_alias(article, nn)
    ArticlePage.objects.filter(translation_key=article.translation_key).update(
        last_reviewed=datetime.date(2026, 3, 2)
    )
    page = article if language == "nb" else alias
    with translation.override(language):
        response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert label in html
    assert '<time datetime="2026-03-02">2. mars 2026</time>' in html


def test_public_page_falls_back_to_last_published(tree, client):
    article = ArticlePageFactory(parent=tree.article_index, title="Artikkel")
    article.save_revision().publish()
    article.refresh_from_db()
    html = client.get(article.url).content.decode()
    assert f'<time datetime="{article.last_published_at.astimezone().date():%Y-%m-%d}">' in html
