"""Feedback that resists abuse (issue 14.5): shared limits, trusted proxies, a honeypot, content
pages only, and a limited reader keeps what they wrote; editors see their own sections only."""

import re

import pytest

from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

from core.http import client_address
from editorial.models import Feedback
from tests.editorial.test_permissions import build_sections
from tests.factories.guidance import ArticlePageFactory
from tests.helpers import nynorsk_alias

pytestmark = pytest.mark.django_db

LIMITS = {"client_page": 2, "client": 3, "page": 4}


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client():
    return Client(headers={"Origin": "http://testserver"})


def published(tree, title):
    page = ArticlePageFactory(parent=tree.article_index, title=title)
    page.save_revision().publish()
    return page


def post(client, page, address, language="nb", **data):
    with translation.override(language):
        url = reverse("editorial:feedback", args=[page.pk])
    return client.post(url, {"helpful": "yes", **data}, REMOTE_ADDR=address)


@override_settings(EDITORIAL_FEEDBACK_LIMITS=LIMITS)
def test_each_limit_holds_and_the_reader_keeps_the_text(tree, client):
    pages = [published(tree, f"Side {n}") for n in range(3)]
    assert [post(client, pages[0], "198.51.100.1").status_code for _ in range(2)] == [302, 302]
    # Per client and page
    response = post(client, pages[0], "198.51.100.1", comment="Tredje gong")
    assert response.status_code == 429
    assert int(response["Retry-After"]) <= 3600
    html = response.content.decode()
    assert "allerede gitt tilbakemelding på denne siden" in html
    assert "Det du skrev, står under" in html
    assert ">Tredje gong</textarea>" in html
    assert re.search(r'value="yes" required\s+checked', html)
    # Per client on the whole site: a spammer spreading over many pages is held back too.
    assert post(client, pages[1], "198.51.100.1").status_code == 302
    response = post(client, pages[2], "198.51.100.1")
    assert response.status_code == 429
    assert "mange tilbakemeldinger på kort tid" in response.content.decode()
    # Per page from everyone; another reader on another page is not held back.
    for n in range(2, 4):
        assert post(client, pages[0], f"203.0.113.{n}").status_code == 302
    response = post(client, pages[0], "203.0.113.9", comment="Viktig")
    assert response.status_code == 429
    assert "Denne siden har fått mange tilbakemeldinger" in response.content.decode()
    assert post(client, pages[2], "203.0.113.9").status_code == 302
    assert Feedback.objects.count() == 2 + 1 + 2 + 1


@override_settings(EDITORIAL_FEEDBACK_LIMITS=LIMITS)
def test_limited_reader_message_in_nynorsk(tree, nn, client):
    article = published(tree, "Artikkel")
    nynorsk_alias(tree.article_index, nn)
    alias = nynorsk_alias(article, nn)
    for _ in range(2):
        post(client, alias, "198.51.100.1", "nn")
    response = post(client, alias, "198.51.100.1", "nn", comment="Orda mine")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Du har alt gitt tilbakemelding på denne sida" in html
    assert "Det du skreiv, står under" in html
    assert ">Orda mine</textarea>" in html


@override_settings(EDITORIAL_FEEDBACK_LIMITS=LIMITS, VEIVISER_TRUSTED_PROXIES=1)
def test_readers_behind_the_trusted_proxy_are_told_apart(tree, client):
    article = published(tree, "Artikkel")
    proxy = "10.0.0.1"

    def via_proxy(forwarded):
        url = reverse("editorial:feedback", args=[article.pk])
        return client.post(
            url, {"helpful": "yes"}, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=forwarded
        )

    assert [via_proxy("198.51.100.1").status_code for _ in range(3)] == [302, 302, 429]
    # Another reader through the same proxy is not held back by the first one.
    assert via_proxy("198.51.100.2").status_code == 302
    # A spammer cannot pose as someone new by sending their own X-Forwarded-For.
    assert via_proxy("192.0.2.55, 198.51.100.1").status_code == 429


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (0, "192.0.2.1", "10.0.0.1"),
        (1, "", "10.0.0.1"),
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "6.6.6.6, 192.0.2.1", "192.0.2.1"),
        (2, "6.6.6.6, 192.0.2.1, 10.0.0.2", "192.0.2.1"),
        (2, "192.0.2.1", "192.0.2.1"),
    ],
)
def test_client_address(rf, settings, proxies, forwarded, expected):
    settings.VEIVISER_TRUSTED_PROXIES = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


@override_settings(EDITORIAL_FEEDBACK_LIMITS=LIMITS)
def test_limits_live_only_in_the_shared_cache(tree, client):
    """No count is kept in the process: the Django cache (Redis in production) holds them all,
    so every worker and instance sees the same counts."""
    article = published(tree, "Artikkel")
    assert [post(client, article, "198.51.100.1").status_code for _ in range(3)] == [302, 302, 429]
    cache.clear()
    assert post(client, article, "198.51.100.1").status_code == 302


def test_honeypot_stores_nothing_and_tells_nothing(tree, client):
    article = published(tree, "Artikkel")
    response = post(client, article, "198.51.100.1", nettside="https://spam.example")
    assert response.status_code == 302
    assert "tilbakemelding=takk" in response.url
    assert not Feedback.objects.exists()
    html = client.get(article.url).content.decode()
    assert 'name="nettside"' in html and 'class="feedback-form__trap" aria-hidden="true"' in html


def test_only_content_pages_take_feedback(tree, client):
    article = published(tree, "Artikkel")
    root = Page.get_first_root_node()
    for page in (root, tree.home, tree.article_index, tree.quote_index):
        assert post(client, page, "198.51.100.1").status_code == 404
    for page in (tree.home, tree.article_index):
        tree_page = page.specific
        tree_page.save_revision().publish()
        assert 'id="tilbakemelding"' not in client.get(tree_page.url).content.decode()
    assert post(client, article, "198.51.100.1").status_code == 302
    assert post(client, tree.factors[0], "198.51.100.1").status_code == 302
    assert list(Feedback.objects.values_list("page_id", flat=True).order_by("pk")) == [
        article.pk,
        tree.factors[0].pk,
    ]


def test_editors_see_feedback_of_their_own_sections(tree, nn, django_user_model):
    sections = build_sections(tree, nn, django_user_model)
    own, other = sections.pages["own"], sections.pages["other"]
    Feedback.objects.create(page=own, helpful=False, comment="Om eigen seksjon")
    Feedback.objects.create(page=other, helpful=False, comment="Om NAV sin seksjon")
    editor = Client()
    editor.force_login(sections.users["editor"])
    summary = editor.get(reverse("editorial_admin:feedback_report")).content.decode()
    assert own.title in summary and other.title not in summary
    answers = editor.get(reverse("editorial_admin:feedback_comments")).content.decode()
    assert "Om eigen seksjon" in answers and "Om NAV sin seksjon" not in answers
    own_url = reverse("editorial_admin:feedback_comments", args=[own.pk])
    other_url = reverse("editorial_admin:feedback_comments", args=[other.pk])
    assert editor.get(own_url).status_code == 200
    assert editor.get(other_url).status_code == 404
    csv = b"".join(
        editor.get(reverse("editorial_admin:feedback_comments"), {"export": "csv"})
    ).decode()
    assert "Om eigen seksjon" in csv and "Om NAV sin seksjon" not in csv
    administrator = Client()
    administrator.force_login(sections.users["administrator"])
    answers = administrator.get(reverse("editorial_admin:feedback_comments")).content.decode()
    assert "Om eigen seksjon" in answers and "Om NAV sin seksjon" in answers
