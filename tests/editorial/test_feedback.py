"""«Var denne siden nyttig?»: stored without personal data, rate-limited, reported, exported."""

import csv
import io

import pytest

from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from editorial.models import COMMENT_MAX_LENGTH, Feedback
from tests.factories.guidance import ArticlePageFactory
from tests.helpers import nynorsk_alias

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client():
    """A browser on the site's own pages: it sends their origin with each form POST."""
    from django.test import Client

    return Client(headers={"Origin": "http://testserver"})


@pytest.fixture
def article(tree):
    page = ArticlePageFactory(parent=tree.article_index, title="Artikkel")
    page.save_revision().publish()
    return page


def feedback_url(page, language="nb"):
    with translation.override(language):
        return reverse("editorial:feedback", args=[page.pk])


@pytest.mark.parametrize(
    "language, question, yes",
    [("nb", "Var denne siden nyttig?", "Ja"), ("nn", "Var denne sida nyttig?", "Ja")],
)
def test_form_on_page_in_both_languages(article, nn, client, language, question, yes):
    nynorsk_alias(article.get_parent(), nn)
    page = article if language == "nb" else nynorsk_alias(article, nn)
    with translation.override(language):
        response = client.get(page.url)
    html = response.content.decode()
    assert question in html
    assert f'action="{feedback_url(page, language)}"' in html
    assert f'for="feedback-yes">{yes}</label>' in html
    assert '<fieldset class="ds-fieldset"' in html and 'class="ds-button"' in html
    # Showing the page sets no cookie, so shared caches may keep it (issue 13).
    assert 'name="csrfmiddlewaretoken"' not in html
    assert not response.cookies


def test_answer_is_stored_without_personal_data(article, client):
    response = client.post(
        feedback_url(article),
        {"helpful": "no", "comment": "  Mangler lenke til veilederen.  "},
        REMOTE_ADDR="192.0.2.7",
    )
    assert response.status_code == 302
    assert response.url == f"{article.url}?tilbakemelding=takk#tilbakemelding"
    feedback = Feedback.objects.get()
    assert feedback.page_id == article.pk
    assert feedback.helpful is False
    assert feedback.comment == "Mangler lenke til veilederen."
    stored = {f.name for f in Feedback._meta.get_fields()}
    assert stored == {"id", "page", "helpful", "comment", "created_at"}
    html = client.get(response.url).content.decode()
    assert "Takk for tilbakemeldingen!" in html


def test_form_works_without_a_csrf_cookie_from_the_same_origin(article):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.get(article.url)
    response = strict.post(
        feedback_url(article), {"helpful": "yes"}, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 302
    response = strict.post(
        feedback_url(article), {"helpful": "no"}, HTTP_REFERER=f"http://testserver{article.url}"
    )
    assert response.status_code == 302
    assert Feedback.objects.count() == 2


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://angriper.example"},
        {"HTTP_ORIGIN": "null", "HTTP_REFERER": "https://angriper.example/side/"},
        {"HTTP_REFERER": "http://testserver.angriper.example/"},
        {},
    ],
)
def test_other_origins_are_refused_and_the_text_kept(article, headers):
    from django.test import Client

    response = Client().post(
        feedback_url(article), {"helpful": "no", "comment": "Mine ord"}, **headers
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "Send den fra selve siden." in html
    assert ">Mine ord</textarea>" in html
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    "data, message",
    [
        ({}, "Velg «Ja» eller «Nei»."),
        ({"helpful": "kanskje"}, "Velg «Ja» eller «Nei»."),
        (
            {"helpful": "yes", "comment": "x" * (COMMENT_MAX_LENGTH + 1)},
            f"Kommentaren kan være høyst {COMMENT_MAX_LENGTH} tegn lang (den har "
            f"{COMMENT_MAX_LENGTH + 1}).",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(article, client, data, message):
    response = client.post(feedback_url(article), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Feedback.objects.exists()


def test_bad_input_message_in_nynorsk(article, nn, client):
    nynorsk_alias(article.get_parent(), nn)
    alias = nynorsk_alias(article, nn)
    response = client.post(feedback_url(alias, "nn"), {"helpful": ""})
    assert response.status_code == 400
    assert "Vel «Ja» eller «Nei»." in response.content.decode()


def test_unknown_or_draft_page_is_404(article, tree, client):
    draft = ArticlePageFactory(parent=tree.article_index, title="Utkast", live=False)
    assert client.post(feedback_url(draft), {"helpful": "yes"}).status_code == 404
    url = reverse("editorial:feedback", args=[999999])
    assert client.post(url, {"helpful": "yes"}).status_code == 404
    assert client.get(feedback_url(article)).status_code == 405


def test_report_counts_and_csv_export(article, tree, admin_client):
    other = ArticlePageFactory(parent=tree.article_index, title="Annen")
    other.save_revision().publish()
    Feedback.objects.bulk_create(
        [
            Feedback(page=article, helpful=True),
            Feedback(page=article, helpful=True, comment="Nyttig"),
            Feedback(page=article, helpful=False, comment="Utdatert lenke"),
            Feedback(page=other, helpful=False),
        ]
    )
    response = admin_client.get(reverse("editorial_admin:feedback_report"), {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_title = {row[0]: row for row in rows[1:]}
    assert by_title["Artikkel"][2:5] == ["2", "1", "2"]
    assert by_title["Annen"][2:5] == ["0", "1", "0"]

    html = admin_client.get(reverse("editorial_admin:feedback_report")).content.decode()
    assert "Artikkel" in html and "Annen" in html

    url = reverse("editorial_admin:feedback_comments", args=[article.pk])
    html = admin_client.get(url).content.decode()
    assert "Utdatert lenke" in html and "Nyttig" in html
    response = admin_client.get(url, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert sorted(row[4] for row in rows[1:]) == ["", "Nyttig", "Utdatert lenke"]


def test_report_needs_page_permissions(article, client, django_user_model):
    user = django_user_model.objects.create_user("leser", password="x")
    client.force_login(user)
    response = client.get(reverse("editorial_admin:feedback_report"))
    assert response.status_code in (302, 403)


def test_report_has_constant_queries(tree, admin_client, django_assert_max_num_queries):
    def add_pages(start, n):
        for i in range(start, start + n):
            page = ArticlePageFactory(parent=tree.article_index, title=f"Side {i}")
            Feedback.objects.create(page=page, helpful=bool(i % 2), comment="k")

    add_pages(0, 3)
    url = reverse("editorial_admin:feedback_report")
    admin_client.get(url)
    with django_assert_max_num_queries(25) as first:
        admin_client.get(url)
    add_pages(3, 10)
    with django_assert_max_num_queries(len(first.captured_queries)):
        admin_client.get(url)
