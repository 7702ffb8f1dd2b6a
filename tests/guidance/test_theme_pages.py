"""Theme pages (/tema/<slug>/): what a theme gathers, by factor, and the themes of a factor page."""

import pytest

from tests.factories.guidance import ActivityPageFactory, QuotePageFactory
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
    # A theme without a translation offers no link to the other language.
    html = client.get("/tema/ledelse/").content.decode()
    assert 'hreflang="nn"' not in html.split("language-switcher", 1)[1].split("</nav>", 1)[0]


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
    assert count_queries(client, "/tema/boligkontor/", {}) <= before


@pytest.mark.parametrize("prefix", ["", "/nn"])
def test_factor_page_links_to_its_themes(client, content, nynorsk, prefix):
    html = client.get(f"{prefix}/suksessfaktorer/faktor-3/").content.decode()
    if prefix:
        assert 'href="/nn/tema/bustadkontor/"' in html
    else:
        assert 'href="/tema/boligkontor/"' in html
        assert 'href="/tema/ledelse/"' in html
