"""Atom feeds: the whole site, each factor and each theme, in both languages; live, public only."""

import feedparser
import pytest

from tests.factories.guidance import QuotePageFactory
from tests.helpers import publish

pytestmark = pytest.mark.django_db


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def titles(parsed):
    return {entry.title for entry in parsed.entries}


def test_site_feed_lists_every_type_newest_first(client, content):
    parsed = feed(client, "/feed/")
    assert parsed.feed.language == "nb"
    assert {"Tydelig ansvarsfordeling", "Hamar om samarbeid", "Ledelse i kommunen"} <= titles(
        parsed
    )
    assert "Fire casestudiar" in titles(parsed)
    updated = [entry.updated_parsed for entry in parsed.entries]
    assert updated == sorted(updated, reverse=True)
    quote = next(e for e in parsed.entries if e.title == "Hamar om samarbeid")
    assert quote.link == content["quote"].full_url  # the Site's address
    assert "tverrfaglig" in quote.summary


def test_factor_feed_holds_what_the_factor_page_lists(client, content):
    content["factors"][2].save_revision().publish()
    parsed = feed(client, "/feed/faktor/faktor-3/")
    assert titles(parsed) == {
        "Faktor 3",
        "Tydelig ansvarsfordeling",
        "Hamar om samarbeid",
        "Ledelse i kommunen",
        "Fire casestudiar",
    }
    assert titles(feed(client, "/feed/faktor/faktor-1/")) == {"Ledelse i kommunen"}


def test_theme_feed_holds_the_themes_pages(client, content):
    parsed = feed(client, "/feed/tema/boligkontor/")
    assert titles(parsed) == {"Tydelig ansvarsfordeling", "Hamar om samarbeid", "Fire casestudiar"}
    assert "Boligkontor" in parsed.feed.title


def test_nynorsk_feeds_mark_bokmal_entries(client, nynorsk):
    parsed = feed(client, "/nn/feed/faktor/faktor-3/")
    assert parsed.feed.language == "nn"
    assert "Hamar om samarbeid" in titles(parsed)
    quote = next(e for e in parsed.entries if e.title == "Hamar om samarbeid")
    # The alias has no nynorsk text yet: its entry says it is in bokmål.
    assert quote.title_detail.language == "nb"
    assert quote.link == nynorsk["quote"].full_url
    assert quote.link.endswith("/nn/sitater/hamar-om-samarbeid/")
    assert titles(feed(client, "/nn/feed/tema/bustadkontor/")) >= {"Hamar om samarbeid"}
    assert "kva er nytt" in feed(client, "/nn/feed/").feed.title


def test_drafts_private_and_unpublished_pages_stay_out(client, content, hidden):
    content["article"].unpublish()
    for url in ("/feed/", "/feed/faktor/faktor-3/", "/feed/tema/boligkontor/"):
        shown = titles(feed(client, url))
        assert "Utkast om samarbeid" not in shown
        assert "Lukket sitat om samarbeid" not in shown
        assert "Ledelse i kommunen" not in shown
    assert b"hemmelig" not in client.get("/feed/").content


@pytest.mark.parametrize(
    "url",
    [
        "/feed/faktor/finnes-ikke/",
        "/feed/tema/finnes-ikke/",
        "/feed/tema/%00/",
        "/feed/faktor/a%00b/",
        "/feed/tema/" + "x" * 300 + "/",
        "/nn/feed/tema/boligkontor/",  # the bokmål slug names no nynorsk theme
    ],
)
def test_unknown_factor_or_theme_is_404(client, content, url):
    assert client.get(url).status_code == 404


def test_pages_point_to_their_feeds(client, content):
    def alternates(url):
        html = client.get(url).content.decode()
        return [line for line in html.splitlines() if "application/atom+xml" in line]

    assert any('href="/feed/"' in line for line in alternates("/"))
    factor_links = alternates("/suksessfaktorer/faktor-3/")
    assert any('href="/feed/faktor/faktor-3/"' in line for line in factor_links)
    assert any(
        'href="/feed/tema/boligkontor/"' in line for line in alternates("/tema/boligkontor/")
    )


@pytest.mark.parametrize("url", ["/feed/", "/feed/faktor/faktor-3/", "/feed/tema/boligkontor/"])
def test_a_feed_costs_the_same_queries_however_much_it_lists(
    client, content, tree, url, django_assert_max_num_queries
):
    with django_assert_max_num_queries(16) as few:
        assert client.get(url).status_code == 200
    for _ in range(10):
        publish(
            QuotePageFactory(parent=tree.quote_index),
            factors=[content["factors"][2]],
            themes=[content["themes"][0]],
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
