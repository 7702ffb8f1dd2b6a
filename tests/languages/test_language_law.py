"""The language law (språklova § 13) panel on the admin dashboard."""

import json

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from guidance.models import ArticlePage
from languages.language_law import count_words, language_report, page_word_count
from languages.sync import synchronise_trees
from tests.factories.editorial import DirectorateFactory
from tests.factories.guidance import ArticlePageFactory


def words(n, word="ord"):
    return " ".join([word] * n)


def test_count_words_in_text_and_html():
    assert count_words("") == 0
    assert count_words(None) == 0
    assert count_words("Boligsosialt arbeid i 2020") == 4
    assert count_words("<p>Boligsosialt <b>arbeid</b></p><p>i kommunene</p>") == 4
    assert count_words("rolle- og ansvarsfordeling, bo- og tjenestetilbud") == 6
    assert count_words("NOU 2011:15 «Rom for alle» – s. 25") == 7
    assert count_words("Husbanken &amp; NAV") == 2


def test_page_word_count_counts_title_text_and_streamfield_text_only(tree):
    body = [
        {"type": "heading", "value": {"text": "Tjenestene samles", "level": "h2"}},
        {"type": "paragraph", "value": '<p>Mange <a href="https://x.no/a-b">kommuner</a>.</p>'},
        {
            "type": "related_links",
            "value": {
                "heading": "Andre kilder",
                "links": [{"label": "Husbanken", "page": None, "url": "https://husbanken.no/"}],
            },
        },
        {"type": "key_findings", "value": {"heading": "Funn", "findings": ["Ett funn", "To"]}},
    ]
    article = ArticlePageFactory(
        parent=tree.article_index,
        title="Tre ord her",
        slug="ikke-telt-med",
        lead=words(10),
        body=json.dumps(body),
    )
    article = ArticlePage.objects.get(pk=article.pk)
    # 3 title + 10 lead + 2 heading + 2 paragraph + 2 + 1 links + 1 + 3 findings
    assert page_word_count(article) == 24


@pytest.fixture
def known_pages(tree, nn):
    """Husbanken: 300 words of bokmål, 100 of nynorsk. IMDi: 200 of bokmål only."""
    synchronise_trees()
    husbanken = DirectorateFactory(name="Husbanken")
    imdi = DirectorateFactory(name="IMDi")
    nn_index = tree.article_index.get_translation(nn)
    pages = {
        "nb": ArticlePageFactory(
            parent=tree.article_index, title="Bokmål", lead=words(299), directorate=husbanken
        ),
        "nn": ArticlePageFactory(
            parent=nn_index, title="Nynorsk", lead=words(99), directorate=husbanken
        ),
        "imdi": ArticlePageFactory(
            parent=tree.article_index, title="Imdi", lead=words(199), directorate=imdi
        ),
    }
    synchronise_trees()  # aliases in the other language: never counted
    return pages


def by_owner(report):
    return {shares.name: shares for shares in report["directorates"]}


def test_shares_per_directorate_and_overall(known_pages):
    report = language_report()
    husbanken = by_owner(report)["Husbanken"]
    assert husbanken.words == {"nb": 300, "nn": 100}
    assert husbanken.share("nb") == 75
    assert husbanken.share("nn") == 25
    assert not husbanken.below_minimum  # 25 % is the minimum, and it is met

    imdi = by_owner(report)["IMDi"]
    assert imdi.share("nb") == 100 and imdi.share("nn") == 0
    assert imdi.below_minimum

    overall = report["overall"]
    assert overall.total == sum(shares.total for shares in report["directorates"])
    assert overall.words["nn"] == 100


def test_translations_are_not_counted_again(known_pages, nn, django_capture_on_commit_callbacks):
    from wagtail_localize.models import TranslationSource

    source, _created = TranslationSource.update_or_create_from_instance(known_pages["nb"])
    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(nn, publish=True, fallback=True)
    assert known_pages["nb"].get_translation(nn).alias_of_id is None
    assert by_owner(language_report())["Husbanken"].words == {"nb": 300, "nn": 100}


def test_missing_and_outdated_translations(known_pages, nb, nn, django_capture_on_commit_callbacks):
    from wagtail_localize.models import TranslationSource

    def needing():
        return {
            (item.page.pk, item.language): item.status
            for item in language_report()["needing_translation"]
        }

    nb_page, nn_page = known_pages["nb"], known_pages["nn"]
    assert needing()[(nb_page.pk, "nn")] == "missing"  # only an alias exists
    assert needing()[(nn_page.pk, "nb")] == "missing"

    source, _created = TranslationSource.update_or_create_from_instance(nb_page)
    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(nn, publish=True, fallback=True)
    assert (nb_page.pk, "nn") not in needing()  # translated and up to date

    nb_page.refresh_from_db()
    nb_page.lead = "Ny tekst etter oversettelsen."
    nb_page.save_revision().publish()
    assert needing()[(nb_page.pk, "nn")] == "outdated"

    # Unpublishing the translation makes it missing again.
    nb_page.get_translation(nn).unpublish()
    assert needing()[(nb_page.pk, "nn")] == "missing"


def test_report_queries_do_not_grow_with_pages(tree, nn):
    synchronise_trees()
    with CaptureQueriesContext(connection) as few:
        language_report()
    for n in range(15):
        ArticlePageFactory(parent=tree.article_index, lead=words(n + 1))
    synchronise_trees()
    with CaptureQueriesContext(connection) as many:
        report = language_report()
    assert len(report["needing_translation"]) >= 15
    assert len(many) == len(few)


@pytest.fixture
def admin_client_nb(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@e.no", "pw"))
    return client


def test_dashboard_shows_the_panel(admin_client_nb, known_pages):
    response = admin_client_nb.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="language-law' in html
    assert 'data-owner="Husbanken"' in html
    assert 'data-owner="IMDi" data-below-minimum' in html
    assert "75 %" in html and "25 %" in html
    assert 'data-status="missing"' in html
    assert "Skriftformer" in html  # the panel heading, in bokmål


def test_dashboard_panel_in_nynorsk(admin_client_nb, known_pages, django_user_model):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(django_user_model.objects.get(username="admin"))
    profile.preferred_language = "nn"
    profile.save()
    html = admin_client_nb.get(reverse("wagtailadmin_home")).content.decode()
    assert "Skriftformer" in html
    assert "Under minstekravet" in html
