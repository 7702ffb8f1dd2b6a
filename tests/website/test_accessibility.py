"""axe-core in real Chromium over every page type in both languages: no WCAG 2.1 A/AA violations."""

import pytest

from wagtail.models import Locale

from cases.models import CaseStudyIndexPage, CaseStudyPage
from guidance.models import (
    ActivityPage,
    ArticleIndexPage,
    ArticlePage,
    FactorIndexPage,
    FactorPage,
    QuoteIndexPage,
    QuotePage,
)
from tests.website.conftest import axe_source
from website.models import HomePage, InformationPage

# No django_db mark: the demo content is shared by the module (see tests/website/conftest.py).
pytestmark = [pytest.mark.browser]

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_TYPES = [
    HomePage,
    FactorIndexPage,
    FactorPage,
    ActivityPage,
    QuoteIndexPage,
    QuotePage,
    ArticleIndexPage,
    ArticlePage,
    CaseStudyIndexPage,
    CaseStudyPage,
    InformationPage,
]
OTHER_PAGES = {
    "search with results (nb)": "/sok/?q=samarbeid",
    "search with results (nn)": "/nn/sok/?q=samarbeid",
    "search with a facet selected (nb)": "/sok/?q=samarbeid&theme=tverrfaglig-samarbeid",
    "search with a facet selected (nn)": "/nn/sok/?q=samarbeid&theme=tverrfagleg-samarbeid",
    "theme (nb)": "/tema/tverrfaglig-samarbeid/",
    "theme (nn)": "/nn/tema/tverrfagleg-samarbeid/",
    "what's new (nb)": "/nytt/",
    "what's new (nn)": "/nn/nytt/",
    "404 (nb)": "/finnes-ikke/",
    "404 (nn)": "/nn/finst-ikkje/",
}


def pages_to_check():
    """One live page of every type in each language, plus search and the 404 page."""
    urls = {}
    for locale in Locale.objects.order_by("language_code"):
        for model in PAGE_TYPES:
            page = model.objects.live().filter(locale=locale).order_by("path").first()
            assert page is not None, f"the demo content has no {model.__name__} in {locale}"
            urls[f"{model.__name__} ({locale.language_code})"] = page.url
    urls.update(OTHER_PAGES)
    return urls


def run_axe(page, source):
    page.evaluate(source)
    return page.evaluate(
        "options => axe.run(document, options).then(r => r.violations.map(v => ({"
        "id: v.id, impact: v.impact, help: v.help,"
        "nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))",
        {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_no_wcag_violations_on_any_page_type(demo_site, browser_page, width):
    browser_page.set_viewport_size({"width": width, "height": 900})
    source = axe_source()
    urls = pages_to_check()
    found = {}
    for name, path in urls.items():
        response = browser_page.goto(demo_site.url + path)
        expected = 404 if name.startswith("404") else 200
        assert response.status == expected, f"{name} {path}: HTTP {response.status}"
        if name.startswith("search"):
            assert browser_page.locator(".search-results li").count() > 0, f"{name}: no results"
        if "facet selected" in name:
            selected = browser_page.locator(".search-facet__option[aria-current=true]")
            assert selected.count() == 1, f"{name}: no facet selected"
        if name.startswith("theme"):
            assert browser_page.locator(".theme-group .content-card").count() > 0, f"{name}: empty"
        violations = run_axe(browser_page, source)
        print(f"axe {width}px {name} {path}: {len(violations)} violations")
        if violations:
            found[f"{name} {path}"] = violations
    assert len(urls) == len(PAGE_TYPES) * 2 + len(OTHER_PAGES)
    assert not found, found


def test_axe_finds_real_violations(demo_site, browser_page):
    """The check can fail: a page with an unlabelled field and low contrast is caught."""
    browser_page.goto(demo_site.url + "/")
    browser_page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        "'<input type=text><p style=\"color:#bbb;background:#fff\">Svak kontrast</p>')"
    )
    ids = {v["id"] for v in run_axe(browser_page, axe_source())}
    assert {"label", "color-contrast"} <= ids
