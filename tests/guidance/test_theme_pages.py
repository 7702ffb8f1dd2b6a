"""Theme pages (/tema/<slug>/): what a theme gathers, by factor, and the themes of a factor page."""

import re

import pytest

from tests.factories.guidance import ActivityPageFactory, QuotePageFactory, ThemeFactory
from tests.helpers import count_queries, publish


def test_theme_page_groups_by_factor(client, content):
    response = client.get("/tema/boligkontor/")
    assert response.status_code == 200
    [group] = response.context["groups"]
    assert group.factor.number == 3
    assert {p.title for p in group.items} == {
        "Tydelig ansvarsfordeling",
        "Hamar om samarbeid",
        "Fire casestudiar",
    }
    html = response.content.decode()
    assert 'href="/suksessfaktorer/faktor-3/"' in html or "faktor-3" in html


def test_nynorsk_theme_page(client, nynorsk):
    response = client.get("/nn/tema/bustadkontor/")
    assert response.status_code == 200
    [group] = response.context["groups"]
    assert group.factor.locale.language_code == "nn"
    assert {p.pk for p in group.items} == {
        nynorsk["activity"].pk,
        nynorsk["quote"].pk,
        nynorsk["case"].pk,
    }
    assert client.get("/nn/tema/boligkontor/").status_code == 404
    assert client.get("/tema/finnes-ikke/").status_code == 404
    assert client.get("/tema/" + "x" * 300 + "/").status_code == 404


def test_language_switcher_links_to_the_themes_translated_slug(client, nynorsk):
    """The slugs differ by language: the switcher goes to the translation, not to a 404."""
    html = client.get("/tema/boligkontor/").content.decode()
    assert 'href="/nn/tema/bustadkontor/" hreflang="nn"' in html
    html = client.get("/nn/tema/bustadkontor/").content.decode()
    assert 'href="/tema/boligkontor/" hreflang="nb"' in html
    # A theme without a translation switches to the other language's home page, never a 404.
    html = client.get("/tema/ledelse/").content.decode()
    switcher = html.split("language-switcher", 1)[1].split("</nav>", 1)[0]
    assert "/nn/tema/" not in switcher and 'href="/nn/"' in switcher


def test_theme_page_query_count_is_constant(client, content, tree):
    client.get("/tema/boligkontor/")
    before = count_queries(client, "/tema/boligkontor/", {})
    for n in range(10):
        publish(
            QuotePageFactory(parent=tree.quote_index, title=f"Sitat {n}"),
            factors=[tree.factors[n % 6]],
            themes=[content["themes"][0]],
        )
        publish(ActivityPageFactory(parent=tree.factors[n % 6]), themes=[content["themes"][0]])
    # Measured as before: the memos shared through the cache (the menu's, built under the
    # frame the factories' municipalities renewed) are there; this process has none.
    client.get("/tema/boligkontor/")
    assert count_queries(client, "/tema/boligkontor/", {}) <= before


@pytest.mark.parametrize("prefix", ["", "/nn"])
def test_factor_page_links_to_its_themes(client, content, nynorsk, prefix):
    html = client.get(f"{prefix}/suksessfaktorer/faktor-3/").content.decode()
    if prefix:
        assert 'href="/nn/tema/bustadkontor/"' in html
    else:
        assert 'href="/tema/boligkontor/"' in html
        assert 'href="/tema/ledelse/"' in html


def test_theme_index_lists_every_live_theme_with_counts(client, content, nynorsk):
    html = client.get("/tema/").content.decode()
    assert 'href="/tema/boligkontor/"' in html
    assert 'href="/tema/ledelse/"' in html
    # Boligkontor: an activity, a quote and a case study; each count leads to the search.
    assert "1 aktivitet<" in html
    assert "1 sitat<" in html
    assert 'href="/sok/?theme=boligkontor&amp;type=quote"' in html
    summaries = {s.theme.slug: s.total for s in client.get("/tema/").context["summaries"]}
    assert summaries == {"boligkontor": 3, "ledelse": 1}

    nn_response = client.get("/nn/tema/")
    assert nn_response.status_code == 200
    nn_html = nn_response.content.decode()
    assert 'href="/nn/tema/bustadkontor/"' in nn_html
    assert [s.theme.slug for s in nn_response.context["summaries"]] == ["bustadkontor"]
    assert nn_response.context["summaries"][0].total == 3
    assert "1 aktivitet<" in nn_html


def test_theme_index_needs_a_constant_number_of_queries(client, content, tree):
    client.get("/tema/")
    before = count_queries(client, "/tema/", {})
    for n in range(5):
        publish(
            QuotePageFactory(parent=tree.quote_index, title=f"Sitat {n}"),
            themes=content["themes"],
        )
    client.get("/tema/")  # as before the first count: the shared memos are in the cache
    assert count_queries(client, "/tema/", {}) <= before


@pytest.mark.parametrize(
    ("url", "trail"),
    [
        ("/tema/", ['href="/"', 'href="/tema/" aria-current="page"']),
        ("/nn/tema/", ['href="/nn/"', 'href="/nn/tema/" aria-current="page"']),
        ("/tema/boligkontor/", ['href="/"', 'href="/tema/"', 'aria-current="page">Boligkontor']),
        (
            "/nn/tema/bustadkontor/",
            ['href="/nn/"', 'href="/nn/tema/"', 'aria-current="page">Bustadkontor'],
        ),
    ],
)
def test_theme_breadcrumbs(client, nynorsk, url, trail):
    html = client.get(url).content.decode()
    crumbs = html[
        html.index('class="ds-breadcrumbs') : html.index("</nav>", html.index("ds-breadcrumbs"))
    ]
    position = 0
    for piece in trail:
        position = crumbs.index(piece, position)
    assert ("Framside" if url.startswith("/nn/") else "Forside") in crumbs


def test_language_switch_follows_translated_theme_slugs(client, nynorsk):
    nb_html = client.get("/tema/boligkontor/").content.decode()
    assert 'href="/nn/tema/bustadkontor/" hreflang="nn"' in nb_html
    nn_html = client.get("/nn/tema/bustadkontor/").content.decode()
    assert 'href="/tema/boligkontor/" hreflang="nb"' in nn_html
    for html in (nb_html, nn_html):
        assert (
            '<link rel="alternate" hreflang="nb" href="http://localhost/tema/boligkontor/">' in html
        )
        assert (
            '<link rel="alternate" hreflang="nn" href="http://localhost/nn/tema/bustadkontor/">'
            in html
        )
    assert '<link rel="canonical" href="http://localhost/nn/tema/bustadkontor/">' in nn_html
    # A theme without a nynorsk version: the switch leads to the nynorsk home page, no hreflang.
    untranslated = client.get("/tema/ledelse/").content.decode()
    assert 'href="/nn/" hreflang="nn"' in untranslated
    assert 'hreflang="nn" href=' not in untranslated
    assert 'href="/nn/tema/" hreflang="nn"' in client.get("/tema/").content.decode()


def test_theme_page_cards_show_their_content(client, content):
    html = client.get("/tema/boligkontor/").content.decode()
    assert "«Vi lykkes i kommunen når vi jobber tverrfaglig og tverretatlig.»" in html
    assert "Kommunen fordeler ansvaret mellom tjenestene." in html


@pytest.mark.parametrize("prefix", ["", "/nn"])
def test_menu_and_home_page_lead_to_the_themes(client, nynorsk, prefix):
    html = client.get(f"{prefix}/").content.decode()
    menu = html[html.index('class="main-nav"') :]
    assert f'class="main-nav__link" href="{prefix}/tema/"' in menu
    home = html[html.index('id="themes-heading"') :]
    assert f'href="{prefix}/tema/"' in home
    theme_slug = "bustadkontor" if prefix else "boligkontor"
    assert f'href="{prefix}/tema/{theme_slug}/"' in home
    themes_page = client.get(f"{prefix}/tema/").content.decode()
    link = re.search(rf'class="main-nav__link" href="{prefix}/tema/"[^>]*>', themes_page)
    assert 'aria-current="page"' in link.group(0)


def test_nynorsk_theme_shows_its_own_description(client, nynorsk):
    theme = nynorsk["theme"]
    theme.description = "Bustadkontor og andre einingar som samlar dei bustadsosiale tenestene."
    theme.save()
    html = client.get("/nn/tema/bustadkontor/").content.decode()
    assert "einingar som samlar dei bustadsosiale tenestene" in html


def test_theme_index_leaves_out_themes_that_are_not_live(client, content, tree):
    draft = ThemeFactory(name="Hemmelig tema", slug="hemmelig", live=False)
    publish(QuotePageFactory(parent=tree.quote_index, title="Sitat"), themes=[draft])
    html = client.get("/tema/").content.decode()
    assert "Hemmelig tema" not in html
    assert 'href="/tema/hemmelig/"' not in html
