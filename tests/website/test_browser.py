"""Journeys through the public site and the admin in real Chromium, against a live server."""

import re

import pytest

from django.contrib.auth import get_user_model

from cases.models import CaseStudyPage
from guidance.models import ActivityPage, FactorPage

# No django_db mark: the demo content is shared by the module (see tests/website/conftest.py).
pytestmark = [pytest.mark.browser]

FACTOR_PATH = "/suksessfaktorer/organisering-og-samordning/"


def nynorsk_factor_url():
    """Factor 3 in nynorsk: translated (with a nynorsk address) when Apertium is installed."""
    return FactorPage.objects.get(locale__language_code="nn", number=3).url


def nynorsk_case_study_url():
    return CaseStudyPage.objects.get(locale__language_code="nn", alias_of__isnull=True).url


def test_reader_goes_home_to_factor_to_quote_and_back(demo_site, browser_page):
    page = browser_page
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name=re.compile("Organisering og samordning")).first.click()
    page.wait_for_url(re.compile(re.escape(FACTOR_PATH) + "$"))
    assert page.locator("h1").inner_text() == "Organisering og samordning"
    assert (
        "Ha et forpliktende og formalisert samarbeid" in page.locator(".desired-state").inner_text()
    )

    quotes = page.locator(
        "section", has=page.get_by_role("heading", name="Erfaringer fra kommunene")
    )
    quotes.get_by_role("link", name="Hamar kommune").click()
    page.wait_for_url(re.compile(r"/sitater/hamar-tverrfaglig/$"))
    assert "tverrfaglig og tverretatlig" in page.locator("blockquote").inner_text()

    page.go_back()
    page.wait_for_url(re.compile(re.escape(FACTOR_PATH) + "$"))
    assert page.locator("h1").inner_text() == "Organisering og samordning"


def test_switching_language_lands_on_the_same_page(demo_site, browser_page):
    page = browser_page
    page.goto(demo_site.url + FACTOR_PATH)
    assert page.locator("html").get_attribute("lang") == "nb"
    switcher = page.get_by_role("navigation", name="Velg målform")
    switcher.get_by_role("link", name="Nynorsk").click()
    page.wait_for_url(re.compile(re.escape(nynorsk_factor_url()) + "$"))
    assert page.locator("html").get_attribute("lang") == "nn"
    content = page.locator(".page-content")
    nynorsk_factor = FactorPage.objects.get(locale__language_code="nn", number=3)
    if nynorsk_factor.alias_of_id:
        # Not translated (no Apertium for the demo): bokmål text, marked so, bokmål labels.
        assert content.get_attribute("lang") == "nb"
        assert page.locator("h1").inner_text() == "Organisering og samordning"
        assert content.get_by_role("heading", name="Aktiviteter").count() == 1
    else:
        # Translated by the demo loader: nynorsk text and labels, no lang override.
        assert content.get_attribute("lang") is None
        assert page.locator("h1").inner_text() == nynorsk_factor.title
        assert content.get_by_role("heading", name="Aktivitetar").count() == 1
    # The interface around it is nynorsk.
    assert page.get_by_role("navigation", name="Vel målform").count() == 1

    page.get_by_role("navigation", name="Vel målform").get_by_role("link", name="Bokmål").click()
    page.wait_for_url(re.compile(re.escape(FACTOR_PATH) + "$"))
    assert page.locator("html").get_attribute("lang") == "nb"


def test_reader_searches_and_follows_a_result(demo_site, browser_page):
    page = browser_page
    page.goto(demo_site.url + "/")
    # search.js makes the box a combobox with suggestions.
    search = page.get_by_role("search").first.get_by_role("combobox")
    search.fill("boligservicekontoret")
    search.press("Enter")
    page.wait_for_url(re.compile(r"/sok/\?q=boligservicekontoret"))
    results = page.locator(".search-results li")
    assert results.count() >= 1
    first = results.first.get_by_role("link")
    title = first.inner_text()
    first.click()
    page.wait_for_load_state()
    assert "/sok/" not in page.url
    assert page.locator("h1").inner_text() == title


def test_keyboard_skip_link_and_language_switcher(demo_site, browser_page):
    page = browser_page
    page.goto(demo_site.url + FACTOR_PATH)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "ds-skip-link" in focused
    assert page.locator(".ds-skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.goto(demo_site.url + FACTOR_PATH)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == "nn":
            break
    else:
        pytest.fail("the language switcher cannot be reached by keyboard")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(nynorsk_factor_url()) + "$"))


def test_phone_menu_opens_and_closes_by_keyboard(demo_site, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_site.url + "/")
    toggle = page.get_by_role("button", name="Meny")
    menu = page.get_by_role("navigation", name="Hovedmeny").get_by_role("list")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert menu.is_visible()
    page.keyboard.press("Escape")
    assert not menu.is_visible()


GAP_AFTER_QUOTE_MARK = """(figure) => {
    // The opening quote mark is the figure's ::before: measure the same glyph in a probe.
    const mark = getComputedStyle(figure, "::before");
    const probe = document.createElement("span");
    probe.textContent = "\\u201C";
    probe.style.cssText = `position: absolute; font-family: ${mark.fontFamily};
        font-size: ${mark.fontSize}; line-height: ${mark.lineHeight}`;
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    const markRight = figure.getBoundingClientRect().left + parseFloat(mark.left) + width;
    return figure.querySelector("blockquote").getBoundingClientRect().left - markRight;
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_quote_mark_does_not_cover_the_quote(demo_site, browser_page, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 844})
    for path in ("/sitater/hamar-tverrfaglig/", "/suksessfaktorer/forankring-og-eierskap/"):
        page.goto(demo_site.url + path)
        for figure in page.locator("figure.quote").all():
            assert figure.evaluate(GAP_AFTER_QUOTE_MARK) >= 0, (path, width)


def test_print_shows_the_text_without_site_chrome(demo_site, browser_page):
    page = browser_page
    page.emulate_media(media="print")
    page.goto(demo_site.url + nynorsk_case_study_url())
    for chrome in (".site-search", ".language-switcher", ".main-nav", ".site-footer", ".notice"):
        assert not page.locator(chrome).is_visible(), chrome
    assert page.locator("h1").is_visible()
    assert page.locator(".metadata").is_visible()
    # The demo links to no report it has no real address for (issue 15): a link of the kind
    # an editor adds, to see that paper shows where it goes.
    page.evaluate(
        """document.querySelector("h1").insertAdjacentHTML("afterend",
        '<a class="ds-link external" href="https://www.husbanken.no/">Husbanken</a>')"""
    )
    link_suffix = page.evaluate(
        "getComputedStyle(document.querySelector('a.external'), '::after').content"
    )
    assert "https://www.husbanken.no/" in link_suffix
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")

    page.goto(demo_site.url + FACTOR_PATH)
    assert page.locator(".desired-state").is_visible()
    assert not page.locator(".site-footer").is_visible()


def summary_count(page):
    """The number of hits the search page announces («12 treff for …»)."""
    return int(re.match(r"\d+", page.get_by_role("status").inner_text().strip()).group())


def test_reader_narrows_a_search_by_a_facet_with_the_keyboard(demo_site, browser_page):
    page = browser_page
    page.goto(demo_site.url + "/")
    search = page.get_by_role("search").first.get_by_role("combobox")
    search.fill("samarbeid")
    search.press("Enter")
    page.wait_for_url(re.compile(r"/sok/\?q=samarbeid"))
    total = summary_count(page)
    assert total > 1
    assert page.locator(".search-facet__option[aria-current=true]").count() == 0

    # From the sort field, Tab through the facets to the first option that narrows the search.
    page.locator("#search-order").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        option = page.evaluate(
            "(() => { const a = document.activeElement;"
            " if (!a.classList.contains('search-facet__option')) return null;"
            " return {label: a.querySelector('.search-facet__label').textContent,"
            " count: a.querySelector('.search-facet__count').textContent,"
            " name: a.querySelector('.ds-sr-only').textContent}; })()"
        )
        if option and int(option["count"].strip("()")) < total:
            break
    else:
        pytest.fail("no facet option narrowing the search can be reached by keyboard")
    # Screen readers hear the count as words, not as «(3)».
    assert re.search(r"\d+ treff", option["name"])
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/sok/\?q=samarbeid&\w+="))
    narrowed = summary_count(page)
    assert narrowed == int(option["count"].strip("()")) < total
    assert page.locator(".search-results li").count() == min(narrowed, 10)
    selected = page.locator(".search-facet__option[aria-current=true]")
    assert selected.locator(".search-facet__label").inner_text() == option["label"]
    chip = page.locator(".search-chips .ds-chip")
    assert option["label"] in chip.inner_text()

    first = page.locator(".search-results .search-hit").first.get_by_role("link")
    title = first.inner_text()
    first.click()
    page.wait_for_load_state()
    assert "/sok/" not in page.url
    assert page.locator("h1").inner_text() == title


@pytest.mark.parametrize("width", [390, 320])
def test_phone_search_shows_results_first_and_filters_behind_a_button(
    demo_site, browser_page, width
):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 844})
    for prefix in ("", "/nn"):
        page.goto(f"{demo_site.url}{prefix}/sok/?q=samarbeid&factor=3")
        toggle = page.locator(".search-filters > summary")
        assert toggle.is_visible()
        assert not page.locator(".search-facets").is_visible()
        first_hit = page.locator(".search-results .search-hit").first.bounding_box()
        assert toggle.bounding_box()["y"] < first_hit["y"] < 844 * 2
        # Opened by keyboard, the panel holds the chip of the selected filter, however long.
        toggle.focus()
        page.keyboard.press("Enter")
        panel = page.locator(".search-facets")
        assert panel.is_visible()
        chip = page.locator(".search-chips .ds-chip").first.bounding_box()
        box = panel.bounding_box()
        assert box["x"] <= chip["x"] and chip["x"] + chip["width"] <= box["x"] + box["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_autocomplete_suggests_and_opens_by_keyboard(demo_site, browser_page):
    page = browser_page
    page.goto(demo_site.url + "/")
    search = page.get_by_role("search").first.get_by_role("combobox")
    search.press_sequentially("tverrf", delay=50)
    listbox = page.get_by_role("listbox")
    listbox.get_by_role("option").first.wait_for()
    assert search.get_attribute("aria-expanded") == "true"
    # The list hangs under the box, on top of the page.
    box, under = search.bounding_box(), listbox.bounding_box()
    assert under["y"] >= box["y"] + box["height"] - 1
    search.press("ArrowDown")
    option = listbox.get_by_role("option").first
    assert option.get_attribute("aria-selected") == "true"
    assert search.get_attribute("aria-activedescendant") == option.get_attribute("id")
    title = option.evaluate("o => o.querySelector('a').firstChild.textContent")
    search.press("Enter")
    page.wait_for_url(lambda url: not url.rstrip("/").endswith(demo_site.url.rstrip("/")))
    assert page.locator("h1").inner_text() == title


# Last: it changes the demo content, which the next test would then have to load again.
def test_editor_edits_and_publishes_an_activity(demo_site, browser_page):
    get_user_model().objects.create_superuser("redaktor", "redaktor@example.no", "hemmelig-123")
    factor = FactorPage.objects.get(locale__language_code="nb", number=3)
    activity = ActivityPage.objects.child_of(factor).live().order_by("path").first()
    new_summary = "Faste møtepunkter mellom NAV, helse og bolig, minst én gang i måneden."

    page = browser_page
    page.goto(demo_site.url + "/admin/login/")
    page.locator("#id_username").fill("redaktor")
    page.locator("#id_password").fill("hemmelig-123")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(demo_site.url + f"/admin/pages/{activity.pk}/edit/")
    page.locator("#id_summary").fill(new_summary)
    page.locator("[data-w-dropdown-target='toggle']", has_text="").last.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))

    page.goto(demo_site.url + activity.url)
    assert page.locator(".lead").inner_text() == new_summary
    page.goto(demo_site.url + FACTOR_PATH)
    assert new_summary[:40] in page.locator(".card-grid").first.inner_text()
