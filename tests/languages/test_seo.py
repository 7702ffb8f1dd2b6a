"""Found and shared: sitemap.xml, robots.txt, meta description, Open Graph and JSON-LD."""

import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Page

from cases.models import CaseStudyPage
from guidance.models import ActivityPage, ArticlePage, FactorPage
from tests.factories.cases import CaseStudyPageFactory
from tests.factories.guidance import ActivityPageFactory
from tests.helpers import nynorsk_alias
from website.models import InformationPage

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """The demo content, loaded once for the class in a transaction rolled back after it.

    Each test runs in its own savepoint inside that transaction (pytest-django's ``db``), so
    what one test changes is gone before the next, as with TestCase.setUpTestData.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_initial_data", stdout=io.StringIO())
        with django_db_blocker.block():
            yield
        transaction.set_rollback(True)


def json_ld(response):
    blocks = JSON_LD.findall(response.content.decode())
    assert len(blocks) == 1
    return json.loads(blocks[0])


def meta(response, attribute, name):
    match = re.search(
        rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', response.content.decode()
    )
    return match.group(1) if match else None


@pytest.mark.django_db
class TestWithTheDemoContent:
    """The demo content is loaded once for these tests (see ``demo``)."""

    @pytest.fixture(autouse=True)
    def empty_cache(self):
        """Each test starts with the cache empty, as right after loading the demo content (the
        sitemap's query count is measured from a cold cache)."""
        cache.clear()

    def test_sitemap_lists_both_languages_with_hreflang_alternates(self, client, demo):
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        urls = {
            url.find("s:loc", NS).text: {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            }
            for url in ET.fromstring(response.content).findall("s:url", NS)
        }
        paths = {re.sub(r"^https?://[^/]+", "", loc): alt for loc, alt in urls.items()}
        assert "/" in paths and "/suksessfaktorer/organisering-og-samordning/" in paths
        # The case study was written in nynorsk: its original is listed at its nynorsk address.
        nynorsk_case = CaseStudyPage.objects.get(locale__language_code="nn", alias_of__isnull=True)
        assert nynorsk_case.url in paths
        # Aliases repeat their source's text, so they are not listed.
        for alias in Page.objects.filter(alias_of__isnull=False, live=True):
            assert alias.url not in paths
        # … while real translations name each other, with bokmål as the default.
        statement_nb = paths["/tilgjengelighetserklaering/"]
        statement_nn = paths["/nn/tilgjengelegheitserklaering/"]
        assert statement_nb == statement_nn
        assert statement_nb["nb"].endswith("/tilgjengelighetserklaering/")
        assert statement_nb["nn"].endswith("/nn/tilgjengelegheitserklaering/")
        assert statement_nb["x-default"] == statement_nb["nb"]
        live = {p.url for p in ActivityPage.objects.live().filter(alias_of__isnull=True)}
        assert live <= set(paths)

    def test_sitemap_lists_the_theme_index_in_both_languages(self, client, demo):
        response = client.get("/sitemap.xml")
        entries = {
            re.sub(r"^https?://[^/]+", "", url.find("s:loc", NS).text): {
                link.get("hreflang"): re.sub(r"^https?://[^/]+", "", link.get("href"))
                for link in url.findall("x:link", NS)
            }
            for url in ET.fromstring(response.content).findall("s:url", NS)
        }
        expected = {"nb": "/tema/", "nn": "/nn/tema/", "x-default": "/tema/"}
        assert entries["/tema/"] == expected
        assert entries["/nn/tema/"] == expected
        assert client.get("/nn/tema/").status_code == 200

    def test_sitemap_queries_do_not_grow_with_content(
        self, client, demo, django_assert_max_num_queries
    ):
        factor = FactorPage.objects.get(locale__language_code="nb", number=1)
        # The pages of every type in one query (core/pages.py, issue 13); not per page.
        with django_assert_max_num_queries(10):
            client.get("/sitemap.xml")
        for n in range(5):
            ActivityPageFactory(parent=factor, title=f"Ny aktivitet {n}", slug=f"ny-aktivitet-{n}")
        with django_assert_max_num_queries(10):
            response = client.get("/sitemap.xml")
        assert b"ny-aktivitet-4" in response.content

    def test_meta_description_and_open_graph_fall_back_to_the_summary(self, client, demo):
        activity = ActivityPage.objects.filter(locale__language_code="nb").first()
        response = client.get(activity.url)
        assert meta(response, "name", "description") == activity.summary
        assert meta(response, "property", "og:description") == activity.summary
        assert meta(response, "property", "og:title") == activity.title
        assert meta(response, "property", "og:locale") == "nb_NO"
        assert meta(response, "property", "og:url").endswith(activity.url)

        activity.search_description = "Kort beskrivelse for søkemotorer."
        activity.save_revision().publish()
        response = client.get(activity.url)
        assert meta(response, "name", "description") == "Kort beskrivelse for søkemotorer."

        factor = FactorPage.objects.get(locale__language_code="nn", number=3)
        response = client.get(factor.url)
        assert meta(response, "name", "description") == factor.desired_state

    def test_translated_page_lists_its_translation_as_alternate(self, client, demo):
        page = InformationPage.objects.get(locale__language_code="nn")
        head = client.get(page.url).content.decode().split("</head>")[0]
        assert (
            '<link rel="alternate" hreflang="nb" href="http://localhost/tilgjengelighetserklaering/">'
            in head
        )
        assert (
            '<link rel="alternate" hreflang="nn" href="http://localhost/nn/tilgjengelegheitserklaering/">'
            in head
        )
        assert 'hreflang="x-default"' in head

    def test_article_json_ld(self, client, demo):
        article = ArticlePage.objects.filter(locale__language_code="nb").first()
        data = json_ld(client.get(article.url))
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "Article"
        assert data["headline"] == article.title
        assert data["inLanguage"] == "nb"
        assert data["publisher"]["name"] == "Husbanken"
        assert data["datePublished"]

    def test_case_study_json_ld_has_authors_publisher_and_year(self, client, demo):
        case = CaseStudyPage.objects.get(locale__language_code="nn", alias_of__isnull=True)
        data = json_ld(client.get(case.url))
        assert data["@type"] == "ScholarlyArticle"
        assert [a["name"] for a in data["author"]] == [
            "H. C. Sandlie",
            "Å. Langsether",
            "J. Sørvoll",
            "A. Skårberg",
            "T. Hansen",
        ]
        assert data["publisher"] == {"@type": "Organization", "name": "NOVA"}
        assert data["datePublished"] == "2011"
        assert data["inLanguage"] == "nn"
        # The bokmål site shows it translated (demo with Apertium) or untranslated, in nynorsk.
        counterpart = CaseStudyPage.objects.get(locale__language_code="nb")
        written_in = "nn" if counterpart.alias_of_id else "nb"
        response = client.get(counterpart.url)
        assert json_ld(response)["inLanguage"] == written_in
        assert meta(response, "property", "og:locale") == f"{written_in}_NO"


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /sok/" in lines and "Disallow: /nn/sok/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_alias_points_to_its_source_as_canonical(client, tree, nn):
    source = tree.factors[2]
    alias = nynorsk_alias(source, nn)
    html = client.get(alias.url).content.decode()
    assert f'<link rel="canonical" href="http://localhost{source.url}">' in html
    assert 'hreflang="nn"' not in html.split("</head>")[0]
    # Shown untranslated: the content area is marked and labelled in bokmål, the interface is nn.
    assert '<html lang="nn"' in html
    assert '<div class="page-content" lang="nb">' in html
    assert "Ønsket tilstand" in html


def test_json_ld_cannot_be_broken_out_of(client, tree, nb):
    evil = '</script><script>alert("x")</script> & <!--'
    case = CaseStudyPageFactory(
        parent=tree.case_index,
        title="Rapport",
        authors=evil,
        publisher=evil,
        publication_type=CaseStudyPage.PublicationType.REPORT,
    )
    html = client.get(case.url).content.decode()
    assert '<script>alert("x")' not in html
    data = json_ld(client.get(case.url))
    assert data["@type"] == "Report"
    assert data["publisher"]["name"] == evil
