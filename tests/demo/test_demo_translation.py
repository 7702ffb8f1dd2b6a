"""The demo loader translates the factor framework nb→nn and the nynorsk case study nn→nb
through wagtail-localize with Apertium: idempotent, never overwriting an editor's work."""

import io

import pytest

from django.core.management import call_command

from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cases.models import CaseStudyPage
from demo.translation import MISSING_APERTIUM, NYNORSK
from guidance.models import ActivityPage, ArticlePage, FactorIndexPage, FactorPage, QuotePage
from tests.helpers import require_binary
from website.models import HomePage, Notice


@pytest.fixture
def load(db, django_capture_on_commit_callbacks):
    def load():
        out = io.StringIO()
        # wagtail-localize publishes translations when the transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_initial_data", stdout=out)
        return out.getvalue()

    return load


def counts():
    return {
        "pages": Page.objects.count(),
        "sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "strings": StringTranslation.objects.count(),
        "live": Page.objects.live().count(),
    }


def test_demo_framework_is_translated_with_apertium(client, load, nb, nn):
    require_binary("apertium", "apertium apertium-nno-nob")
    output = load()
    assert "nn: Brukermedvirkning" in output  # progress, page by page

    factor6 = FactorPage.objects.get(locale=nn, number=6)
    assert factor6.title == "Brukarmedverknad"
    assert factor6.alias_of_id is None and factor6.live
    assert FactorPage.objects.get(locale=nn, number=2).title == "Overordna strategi"
    index = FactorIndexPage.objects.get(locale=nn)
    assert index.title == "Suksessfaktorar for godt bustadsosialt arbeid"

    # Every framework page is a real, live nynorsk translation, corrected where needed.
    for model in (HomePage, FactorIndexPage, FactorPage, ActivityPage):
        for page in model.objects.filter(locale=nn):
            assert page.alias_of_id is None and page.live, page.title
            source = page.get_translation(nb)
            if source.title in NYNORSK:
                assert page.title == NYNORSK[source.title]
    # Quotes and articles are not part of the framework: still aliases.
    assert all(p.alias_of_id for p in QuotePage.objects.filter(locale=nn))
    assert all(p.alias_of_id for p in ArticlePage.objects.filter(locale=nn))
    # … but their addresses are nynorsk (languages/slugs.py); names stay as written.
    nn_slugs = {
        page.alias_of.slug: page.slug
        for model in (QuotePage, ArticlePage)
        for page in model.objects.filter(locale=nn)
    }
    assert nn_slugs == {
        "hamar-tverrfaglig": "hamar-tverrfagleg",
        "alta-boligservicekontoret": "alta-bustadservicekontoret",
        "kristiansand-summen-av-bidrag": "kristiansand-summen-av-bidrag",
        "halden-forankring": "halden-forankring",
        "organisering-og-samordning-erfaringer": "organisering-og-samordning-erfaringar",
        "forankring-og-eierskap-erfaringer": "forankring-og-eigarskap-erfaringar",
    }
    nn_quote = QuotePage.objects.get(locale=nn, slug="hamar-tverrfagleg")
    assert nn_quote.url == "/nn/sitat/hamar-tverrfagleg/"
    for page, other in ((nn_quote, nn_quote.alias_of), (nn_quote.alias_of, nn_quote)):
        html = client.get(page.url).content.decode()
        assert f'language-switcher__link" href="{other.specific.url}"' in html

    # The nynorsk case study, translated to bokmål.
    nb_case = CaseStudyPage.objects.get(locale=nb)
    assert nb_case.alias_of_id is None and nb_case.original_language == "nn"
    assert "nyttig kunnskap om hvordan kommunene" in nb_case.summary

    # The notice banner, a snippet, in nynorsk too.
    assert "avvikla som eigen nettstad" in Notice.objects.get(locale=nn).text

    response = client.get(factor6.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert factor6.url == "/nn/suksessfaktorar/brukarmedverknad/"
    assert '<html lang="nn">' in html and "Brukarmedverknad" in html
    assert "erfaringa til brukarane" in html
    # The 2023 notice is translated but its display period is over: no banner.
    assert "notice-title" not in html


def test_demo_loader_twice_changes_nothing_and_keeps_editors_work(load, nn):
    require_binary("apertium", "apertium apertium-nno-nob")
    load()
    before = counts()
    factor1 = FactorPage.objects.get(locale=nn, number=1)
    factor1.title = "Forankring og eigarskap i kommunen"
    factor1.save_revision().publish()
    home = HomePage.objects.get(locale=nn)
    home.title = "Vegvisar for bustadsosialt arbeid"  # as an earlier demo translated it
    home.save_revision().publish()

    output = load()
    assert counts() == before
    assert "Done: 0 new objects." in output
    assert FactorPage.objects.get(locale=nn, number=1).title == "Forankring og eigarskap i kommunen"
    # What the earlier demo wrote is corrected; the product's name is «Veiviser».
    assert HomePage.objects.get(locale=nn).title == "Veiviser for bustadsosialt arbeid"
    for model in (FactorPage, ActivityPage, CaseStudyPage, QuotePage):
        for locale_pages in (model.objects.filter(locale=nn), model.objects.exclude(locale=nn)):
            keys = list(locale_pages.values_list("translation_key", flat=True))
            assert len(keys) == len(set(keys))


def test_demo_loader_without_apertium_keeps_aliases(load, nn, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # a newcomer's machine without Apertium
    output = load()
    assert output.count(MISSING_APERTIUM) == 1
    factor6 = FactorPage.objects.get(locale=nn, number=6)
    assert factor6.alias_of_id is not None
    assert factor6.title == "Brukermedvirkning"  # bokmål until translated
    assert not Translation.objects.exists()
