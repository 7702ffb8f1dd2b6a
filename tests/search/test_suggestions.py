"""Autocomplete for the header's search box."""

import pytest


@pytest.mark.parametrize("prefix", ["", "/nn"])
def test_autocomplete(client, content, nynorsk, prefix):
    data = client.get(f"{prefix}/sok/forslag/", {"q": "Hama"}).json()
    assert [s["title"] for s in data["suggestions"]] == ["Hamar om samarbeid"]
    assert data["suggestions"][0]["url"].startswith(f"{prefix}/sitater/")


def test_autocomplete_suggests_themes(client, content):
    data = client.get("/sok/forslag/", {"q": "boligkon"}).json()
    assert {"title": "Boligkontor", "url": "/tema/boligkontor/"}.items() <= next(
        s for s in data["suggestions"] if s["title"] == "Boligkontor"
    ).items()


def test_header_box_hooks_autocomplete(client, content):
    html = client.get("/").content.decode()
    assert 'data-search-suggest="/sok/forslag/"' in html
    assert "js/search.js" in html
