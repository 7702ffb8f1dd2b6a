"""Header, footer and hub pages: what they show, and queries that do not grow with content."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.cases import CaseStudyPageFactory
from tests.factories.editorial import DirectorateFactory
from tests.factories.guidance import (
    ActivityPageFactory,
    ArticlePageFactory,
    MunicipalityFactory,
    QuotePageFactory,
)
from tests.helpers import nynorsk_alias


def add_linked_content(tree, factor, n, offset=0):
    for i in range(offset, offset + n):
        ActivityPageFactory(parent=factor, title=f"Aktivitet {i}", slug=f"aktivitet-{i}")
        quote = QuotePageFactory(
            parent=tree.quote_index,
            title=f"Sitat {i}",
            slug=f"sitat-{i}",
            municipality=MunicipalityFactory(),
        )
        article = ArticlePageFactory(parent=tree.article_index, slug=f"artikkel-{i}")
        case = CaseStudyPageFactory(parent=tree.case_index, slug=f"case-{i}")
        for page in (quote, article, case):
            page.factors.set([factor])
            page.save()


def count_queries(client, url):
    client.get(url)  # the first request after publishing rebuilds the menu (core.publication)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("where", ["factor", "home", "factor_index"])
def test_hub_pages_keep_their_query_count_as_content_grows(client, tree, where):
    factor = tree.factors[2]
    url = {"factor": factor.url, "home": tree.home.url, "factor_index": tree.factor_index.url}[
        where
    ]
    add_linked_content(tree, factor, 1)
    before = count_queries(client, url)
    add_linked_content(tree, factor, 6, offset=1)
    after = count_queries(client, url)
    assert after == before, f"{where}: {before} queries with 1 item each, {after} with 7"


def test_factor_page_is_a_hub_in_clear_sections(client, tree):
    factor = tree.factors[2]
    add_linked_content(tree, factor, 2)
    html = client.get(factor.url).content.decode()
    sections = ["Ønsket tilstand", "Aktiviteter", "Erfaringer fra kommunene", "Artikler"]
    sections.append("Casestudier og rapporter")
    positions = [html.index(f">{heading}</h2>") for heading in sections]
    assert positions == sorted(positions)
    assert html.count('class="ds-card content-card"') == 2 + 2 + 2  # activities, articles, cases


def test_home_page_shows_the_six_factors_as_cards(client, tree):
    html = client.get(tree.home.url).content.decode()
    assert html.count('class="ds-card factor-card"') == 6
    assert 'class="ds-skip-link" href="#main"' in html
    assert 'id="main"' in html


def test_footer_lists_the_directorates_and_contact_address(client, tree):
    from website.models import SiteSettings

    for name in ["Husbanken", "NAV", "Bufdir"]:
        DirectorateFactory(name=name, website=f"https://www.{name.lower()}.no/")
    settings = SiteSettings.for_site(tree.home.get_site())
    settings.contact_email = "post@example.no"
    settings.save()
    html = client.get(tree.home.url).content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    for name in ["Husbanken", "NAV", "Bufdir"]:
        assert f'href="https://www.{name.lower()}.no/">{name}</a>' in footer
    assert 'href="mailto:post@example.no"' in footer


def test_untranslated_page_labels_follow_its_text_not_the_interface(client, tree, nn):
    factor = tree.factors[2]
    # Factory pages are saved before Wagtail gives them a locale, so GuidancePage.save()
    # cannot record their written form; the admin and the demo loader do record it.
    factor.original_language = "nb"
    factor.save()
    add_linked_content(tree, factor, 1)
    alias = nynorsk_alias(factor, nn)
    html = client.get(alias.url).content.decode()
    assert '<html lang="nn">' in html
    assert "Vel målform" in html  # the interface: nynorsk
    content = html.split('<div class="page-content" lang="nb">')[1]
    assert "Ønsket tilstand" in content and "Ønskt tilstand" not in content  # the text: bokmål
