"""A search that finds nothing, or an empty search, shows the ways in and on, in both languages;
on phones the filters wait behind a disclosure after the search's summary."""

import re

import pytest

from django.utils.html import escape

import search.service
import search.views
from search.matching import Matches
from tests.helpers import count_queries


def main(response):
    html = response.content.decode()
    return html[html.index('<main id="main"') : html.index("</main>")]


@pytest.mark.parametrize(
    ("prefix", "message", "theme"),
    [
        ("", "Ingen treff på «xyzzy»", 'href="/tema/boligkontor/"'),
        ("/nn", "Ingen treff på «xyzzy»", 'href="/nn/tema/bustadkontor/"'),
    ],
)
def test_zero_hits_say_so_and_offer_ways_on(client, nynorsk, prefix, message, theme):
    response = client.get(f"{prefix}/sok/", {"q": "xyzzy"})
    assert response.status_code == 200
    html = main(response)
    assert message in html
    assert 'role="status"' in html
    if prefix:
        assert "Sjekk stavemåten" in html
        assert "Dei seks suksessfaktorane" in html
    else:
        assert "Sjekk stavemåten" in html
        assert "De seks suksessfaktorene" in html
        assert 'href="/suksessfaktorer/faktor-3/"' in html
    assert "3. Faktor 3" in html
    assert theme in html
    assert f'href="{prefix}/tema/"' in html
    assert '<ol class="search-results"' not in html


@pytest.mark.parametrize("prefix", ["", "/nn"])
def test_zero_hits_offer_to_remove_each_filter(client, content, nynorsk, prefix):
    theme = "bustadkontor" if prefix else "boligkontor"
    response = client.get(f"{prefix}/sok/", {"q": "xyzzy", "theme": theme, "type": "quote"})
    html = main(response)
    removals = re.findall(r'<a class="ds-chip" data-removable href="([^"]+)"', html)
    assert set(removals) == {
        f"{prefix}/sok/?q=xyzzy&amp;type=quote",
        f"{prefix}/sok/?q=xyzzy&amp;theme={theme}",
    }
    assert f'href="{prefix}/sok/?q=xyzzy"' in html  # all of them at once
    assert ("Fjern eit filter" if prefix else "Fjern et filter") in html


def test_filters_alone_that_find_nothing(client, content):
    html = main(client.get("/sok/", {"theme": "ledelse", "type": "quote"}))
    assert "Ingen treff med disse filtrene" in html
    assert 'href="/sok/?theme=ledelse"' in html
    assert "Sjekk stavemåten" not in html


@pytest.mark.parametrize("prefix", ["", "/nn"])
def test_zero_hits_show_the_corrected_query(client, content, monkeypatch, prefix):
    monkeypatch.setattr(
        search.service,
        "find",
        lambda locale, query, visible: Matches([], [query], "kommune"),
    )
    html = main(client.get(f"{prefix}/sok/", {"q": "kommnue"}))
    assert ("Meinte du" if prefix else "Mente du") in html
    assert f'href="{prefix}/sok/?q=kommune"' in html


@pytest.mark.parametrize(
    ("prefix", "intro", "factor_heading"),
    [
        ("", "Skriv inn det du leter etter", "De seks suksessfaktorene"),
        ("/nn", "Skriv inn det du leitar etter", "Dei seks suksessfaktorane"),
    ],
)
def test_empty_search_shows_the_ways_in(client, nynorsk, prefix, intro, factor_heading):
    for params in ({}, {"q": ""}, {"q": "   "}):
        response = client.get(f"{prefix}/sok/", params)
        assert response.status_code == 200
        html = main(response)
        assert intro in html
        assert factor_heading in html
        assert "Ingen treff" not in html
        assert f'href="{prefix}/sok/?type=quote"' in html
        assert f'href="{prefix}/tema/"' in html
    html = main(client.get(f"{prefix}/sok/"))
    assert html.count('class="theme-link"') == (1 if prefix else 2)


def test_empty_search_needs_few_queries(client, content, django_assert_max_num_queries):
    client.get("/sok/")
    with django_assert_max_num_queries(12):
        client.get("/sok/")


def test_query_is_escaped_in_the_message(client, content):
    html = main(client.get("/sok/", {"q": "<b>xyzzy</b>"}))
    assert escape("Ingen treff på «<b>xyzzy</b>»") in html
    assert "<b>xyzzy</b>" not in html


@pytest.mark.parametrize("prefix", ["", "/nn"])
def test_filters_wait_behind_a_disclosure_after_the_summary(client, content, nynorsk, prefix):
    theme = "bustadkontor" if prefix else "boligkontor"
    html = main(client.get(f"{prefix}/sok/", {"q": "kommunen", "theme": theme}))
    summary = html.index('class="ds-paragraph search-summary"')
    details = html.index('<details class="search-filters">')
    results = html.index('<ol class="search-results"')
    assert summary < details < results
    assert '<details class="search-filters" open' not in html
    toggle = html[details : html.index("</summary>", details)]
    assert ("1 vald" if prefix else "1 valgt") in toggle
    assert html.index('class="search-facets"') < html.index("</details>") < results


def test_the_ways_cost_no_queries(client, content, monkeypatch):
    """The ways come from the facet data the search built anyway (and, on PostgreSQL, the typo
    correction a fruitless search tries is the matcher's cost, not theirs)."""
    client.get("/sok/", {"q": "xyzzy"})
    with_ways = count_queries(client, "/sok/", {"q": "xyzzy"})
    monkeypatch.setattr(search.views, "ways", lambda form, result: {})
    without_ways = count_queries(client, "/sok/", {"q": "xyzzy"})
    assert with_ways == without_ways
