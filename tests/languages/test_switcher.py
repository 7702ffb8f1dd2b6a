"""The language switcher and hreflang alternates: the same page in the other language, or its
nearest translated ancestor when it has none."""

import re

import pytest

from languages.sync import synchronise_trees
from tests.factories.cases import CaseStudyPageFactory
from tests.factories.guidance import ActivityPageFactory, ArticlePageFactory, QuotePageFactory

TYPES = [
    "home",
    "factor_index",
    "factor",
    "activity",
    "quote_index",
    "quote",
    "article_index",
    "article",
    "case_index",
    "case",
]


@pytest.fixture
def pages(tree):
    by_type = {
        "home": tree.home,
        "factor_index": tree.factor_index,
        "factor": tree.factors[0],
        "activity": ActivityPageFactory(parent=tree.factors[0], slug="aktivitet"),
        "quote_index": tree.quote_index,
        "quote": QuotePageFactory(parent=tree.quote_index, slug="sitat"),
        "article_index": tree.article_index,
        "article": ArticlePageFactory(parent=tree.article_index, slug="artikkel"),
        "case_index": tree.case_index,
        "case": CaseStudyPageFactory(parent=tree.case_index, slug="rapport"),
    }
    synchronise_trees()
    return by_type


def switcher(html):
    """{language: url} of the other-language links in the header's switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.DOTALL).group(0)
    return {
        lang: href
        for href, lang in re.findall(r'<a\b[^>]*\bhref="([^"]*)"[^>]*\bhreflang="(\w+)"', nav)
    }


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]*)"', html))


@pytest.mark.parametrize("kind", TYPES)
def test_switcher_and_hreflang_on_every_page_type(client, pages, nn, kind):
    nb_page = pages[kind]
    nn_page = nb_page.get_translation(nn)
    nb_url, nn_url = nb_page.url, nn_page.url
    assert nn_url.startswith("/nn/")

    html = client.get(nb_url).content.decode()
    assert switcher(html) == {"nn": nn_url}
    # The nn page is still an alias showing bokmål: no hreflang pair until it is translated
    # (tests/languages/test_seo.py covers real translations); the alias names its source canonical.
    assert alternates(html) == {}

    html = client.get(nn_url).content.decode()
    assert switcher(html) == {"nb": nb_url}
    assert alternates(html) == {}
    canonical = rf'<link rel="canonical" href="https?://[^/"]+{re.escape(nb_url)}">'
    assert re.search(canonical, html)


def test_page_without_live_counterpart_falls_back_to_nearest_translated_ancestor(client, pages, nn):
    article = pages["article"]
    article.get_translation(nn).unpublish()
    html = client.get(article.url).content.decode()
    nn_index = pages["article_index"].get_translation(nn)
    assert switcher(html) == {"nn": nn_index.url}
    # No hreflang for a page that is not the same page.
    assert alternates(html) == {}


def test_fallback_skips_several_levels(client, pages, nn):
    activity = pages["activity"]
    activity.get_translation(nn).delete()
    pages["factor"].get_translation(nn).unpublish()
    html = client.get(activity.url).content.decode()
    assert switcher(html) == {"nn": pages["factor_index"].get_translation(nn).url}


def test_nynorsk_original_without_bokmal_counterpart(client, pages, nb, nn):
    nn_index = pages["case_index"].get_translation(nn)
    case = CaseStudyPageFactory(parent=nn_index, slug="casestudie", title="Casestudie")
    html = client.get(case.url).content.decode()
    assert switcher(html) == {"nb": pages["case_index"].url}


def test_search_page_switches_language_and_keeps_the_query(client, pages):
    html = client.get("/sok/", {"q": "bolig"}).content.decode()
    assert switcher(html) == {"nn": "/nn/sok/?q=bolig"}
    html = client.get("/nn/sok/", {"q": "bustad"}).content.decode()
    assert '<html lang="nn">' in html
    assert switcher(html) == {"nb": "/sok/?q=bustad"}
