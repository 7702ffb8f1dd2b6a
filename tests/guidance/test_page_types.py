"""Every page type: creatable only where allowed, renders, shows its fields, in both languages."""

import pytest

from django.utils import translation

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from assessment.models import AssessmentPage
from cases.models import CaseStudyIndexPage, CaseStudyPage
from glossary.models import GlossaryPage
from guidance.models import (
    ActivityPage,
    ArticleIndexPage,
    ArticlePage,
    FactorIndexPage,
    FactorPage,
    ProcessIndexPage,
    QuoteIndexPage,
    QuotePage,
)
from tests.factories.cases import CaseStudyPageFactory
from tests.factories.guidance import (
    ActivityPageFactory,
    ArticlePageFactory,
    MunicipalityFactory,
    QuotePageFactory,
    ThemeFactory,
)
from tests.helpers import nynorsk_alias
from website.models import HomePage, InformationPage


class TestHierarchy(WagtailPageTestCase):
    def test_home_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                FactorIndexPage,
                QuoteIndexPage,
                ArticleIndexPage,
                CaseStudyIndexPage,
                InformationPage,
                ProcessIndexPage,
                GlossaryPage,
                AssessmentPage,
            },
        )

    def test_factor_branch(self):
        self.assertAllowedSubpageTypes(FactorIndexPage, {FactorPage})
        self.assertAllowedSubpageTypes(FactorPage, {ActivityPage})
        self.assertAllowedParentPageTypes(ActivityPage, {FactorPage})
        self.assertAllowedSubpageTypes(ActivityPage, set())

    def test_content_lives_under_its_index(self):
        self.assertAllowedParentPageTypes(QuotePage, {QuoteIndexPage})
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedParentPageTypes(CaseStudyPage, {CaseStudyIndexPage})
        self.assertCanNotCreateAt(HomePage, ActivityPage)
        self.assertCanNotCreateAt(FactorIndexPage, QuotePage)
        self.assertCanNotCreateAt(Page, FactorPage)


@pytest.fixture
def content(tree):
    factor = tree.factors[2]
    theme = ThemeFactory(name="Boligkontor", slug="boligkontor")
    activity = ActivityPageFactory(parent=factor, title="Tydelig ansvarsfordeling")
    activity.themes.set([theme])
    activity.save_revision().publish()
    quote = QuotePageFactory(
        parent=tree.quote_index,
        title="Hamar om samarbeid",
        quote="Vi lykkes når vi jobber tverrfaglig og tverretatlig.",
        municipality=MunicipalityFactory(name="Hamar kommune", number="3403"),
        role="Boligkoordinator",
    )
    quote.factors.set([factor])
    quote.themes.set([theme])
    quote.save_revision().publish()
    article = ArticlePageFactory(
        parent=tree.article_index,
        title="Organisering og samordning",
        lead="Tverrfaglig samarbeid er en av de viktigste erfaringene.",
        body=[
            ("heading", {"text": "Tjenestene samles", "level": "h2"}),
            ("quote", {"quote_page": quote, "text": "", "attribution": ""}),
            ("question", {"question": "Hvordan skal kommunen sikre forankring?", "reflection": ""}),
        ],
    )
    article.factors.set([factor])
    article.save_revision().publish()
    case = CaseStudyPageFactory(parent=tree.case_index, title="Fire casestudiar")
    case.factors.set([factor])
    case.save_revision().publish()
    return {
        "factor": factor,
        "activity": activity,
        "quote": quote,
        "article": article,
        "case": case,
        "theme": theme,
    }


EXPECTED = {
    "home": ["Veiviser", "Faktor 1", "Faktor 6"],
    "factor_index": ["Suksessfaktorer", "Faktor 3", "Tydelig ansvarsfordeling"],
    "factor": [
        "Faktor 3",
        "Ha et forpliktende",
        "Tydelig ansvarsfordeling",
        "Vi lykkes når vi jobber",
        "Organisering og samordning",
        "Fire casestudiar",
    ],
    "activity": ["Tydelig ansvarsfordeling", "Etablere en tydelig", "Faktor 3", "Boligkontor"],
    "quote_index": ["Vi lykkes når vi jobber", "Hamar kommune"],
    "quote": [
        "Vi lykkes når vi jobber",
        "Hamar kommune",
        "Boligkoordinator",
        "Erfaringer fra kommuneprogrammet",
        "Faktor 3",
        "Boligkontor",
    ],
    "article_index": ["Organisering og samordning"],
    "article": [
        "Tverrfaglig samarbeid er en av",
        "Tjenestene samles",
        "Vi lykkes når vi jobber",
        "Hvordan skal kommunen sikre forankring?",
    ],
    "case_index": ["Fire casestudiar", "NOVA", "2011"],
    "case": [
        "Fire casestudiar",
        "H. C. Sandlie og T. Hansen",
        "NOVA",
        "2011",
        "Husbanken",
        "Korleis kan kommunane",
        "https://www.husbanken.no/",
    ],
}


def pages_by_name(tree, content):
    return {
        "home": tree.home,
        "factor_index": tree.factor_index,
        "factor": content["factor"],
        "activity": content["activity"],
        "quote_index": tree.quote_index,
        "quote": content["quote"],
        "article_index": tree.article_index,
        "article": content["article"],
        "case_index": tree.case_index,
        "case": content["case"],
    }


@pytest.mark.parametrize("name", list(EXPECTED))
def test_every_page_type_renders_its_fields_in_bokmal(client, tree, content, name):
    page = pages_by_name(tree, content)[name]
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nb">' in html
    for text in EXPECTED[name]:
        assert text in html, f"{text!r} missing on {name}"


@pytest.mark.parametrize("name", list(EXPECTED))
def test_every_page_type_renders_in_nynorsk_before_translation(client, nn, tree, content, name):
    """An untranslated page appears on the nynorsk site in its original form, marked lang=nb."""
    page = pages_by_name(tree, content)[name]
    alias = nynorsk_alias(page, nn)
    url = alias.url
    assert url.startswith("/nn/")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nn">' in html
    assert 'lang="nb"' in html
    assert page.title in html


def test_case_study_shows_metadata_as_definition_list(client, content):
    html = client.get(content["case"].url).content.decode()
    assert "<dl" in html and "<dt>" in html


def test_drafts_and_private_pages_stay_hidden(client, tree, content):
    draft = QuotePageFactory(parent=tree.quote_index, title="Utkast", live=False)
    draft.factors.set([content["factor"]])
    draft.save()
    assert client.get(draft.url).status_code == 404
    assert "Utkast" not in client.get(content["factor"].url).content.decode()


def test_output_is_escaped(client, tree):
    quote = QuotePageFactory(
        parent=tree.quote_index, title="<script>alert(1)</script>", quote="<b>fet</b>"
    )
    html = client.get(quote.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;fet&lt;/b&gt;" in html


def test_activity_list_and_related_link_blocks_render(client, tree, content):
    article = ArticlePageFactory(
        parent=tree.article_index,
        body=[
            ("activity_list", {"heading": "Aktiviteter", "activities": [content["activity"]]}),
            (
                "related_links",
                {
                    "heading": "Andre relevante kilder",
                    "links": [
                        {"label": "Helsebiblioteket", "page": None, "url": "https://example.org/"},
                        {"label": "Faktoren", "page": content["factor"], "url": ""},
                    ],
                },
            ),
            ("callout", {"title": "Viktig", "text": "<p>Husk dette.</p>", "tone": "info"}),
            ("key_findings", {"heading": "Hovedfunn", "findings": ["Planer virker."]}),
            (
                "report_link",
                {"label": "Les rapporten", "document": None, "url": "https://example.org/r.pdf"},
            ),
        ],
    )
    with translation.override("nb"):
        html = client.get(article.url).content.decode()
    for text in [
        "Tydelig ansvarsfordeling",
        "Helsebiblioteket",
        content["factor"].url,
        "Husk dette",
        "Planer virker.",
        "https://example.org/r.pdf",
    ]:
        assert text in html


def test_overviews_draw_each_child_with_the_card_its_model_declares(client, tree, content):
    quotes = client.get(tree.quote_index.url).content.decode()
    assert '<ul class="quote-grid">' in quotes
    assert "Vi lykkes når vi jobber tverrfaglig og tverretatlig." in quotes
    assert f'href="{content["quote"].url}">Hamar kommune</a>, Boligkoordinator' in quotes
    articles = client.get(tree.article_index.url).content.decode()
    assert '<span class="content-card__type">Artikkel</span>' in articles
    assert '<h2 class="ds-heading" data-size="xs">Organisering og samordning</h2>' in articles
    cases = client.get(tree.case_index.url).content.decode()
    assert '<h2 class="ds-heading" data-size="xs">Fire casestudiar</h2>' in cases


@pytest.mark.parametrize(
    ("index", "empty_nb", "empty_nn"),
    [
        ("quote_index", "Ingen sitater ennå.", "Ingen sitat enno."),
        ("article_index", "Ingen artikler ennå.", "Ingen artiklar enno."),
        ("case_index", "Ingen casestudier ennå.", "Ingen casestudiar enno."),
    ],
)
def test_an_empty_overview_shows_its_intro_and_says_so_in_its_language(
    client, nn, tree, index, empty_nb, empty_nn
):
    page = getattr(tree, index)
    page.intro = "Alt om emnet."
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert '<p class="ds-paragraph lead" data-size="lg">Alt om emnet.</p>' in html
    assert f'<p class="ds-paragraph">{empty_nb}</p>' in html
    nynorsk_alias(tree.home, nn)
    translation = page.copy_for_translation(nn)
    translation.save_revision().publish()
    html = client.get(translation.url).content.decode()
    assert f'<p class="ds-paragraph">{empty_nn}</p>' in html
