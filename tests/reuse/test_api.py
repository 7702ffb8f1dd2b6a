"""The open read API (Wagtail API v2 at /api/v2/): structured fields, filters, live and public
pages only, read-only, throttled; malformed filters get a 400 with a message."""

import pytest

from django.core.cache import cache

from reuse.api import ReaderThrottle
from tests.factories.guidance import QuotePageFactory
from tests.helpers import publish

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


def listing(client, **params):
    response = client.get(PAGES, params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return {item["title"] for item in data["items"]}


def test_endpoints_answer(client, content):
    for endpoint in ("pages", "images", "documents"):
        assert client.get(f"/api/v2/{endpoint}/").status_code == 200


def test_a_factor_shows_its_number_desired_state_and_activities(client, content):
    data = listing(
        client, type="guidance.FactorPage", fields="number,desired_state,activities", locale="nb"
    )
    factor = next(item for item in data["items"] if item["number"] == 3)
    assert factor["desired_state"].startswith("Ha et forpliktende")
    assert [a["title"] for a in factor["activities"]] == ["Tydelig ansvarsfordeling"]


def test_a_quote_shows_its_text_municipality_factors_and_themes(client, content):
    quote = client.get(f"{PAGES}{content['quote'].pk}/").json()
    assert quote["quote"].startswith("Vi lykkes i kommunen")
    assert quote["municipality"] == {
        "name": "Hamar kommune",
        "number": "3403",
        "county": "Innlandet",
    }
    assert [f["number"] for f in quote["factors"]] == [3]
    assert quote["themes"] == [{"slug": "boligkontor", "name": "Boligkontor"}]


def test_a_case_study_shows_its_record(client, content):
    case = client.get(f"{PAGES}{content['case'].pk}/").json()
    assert case["year"] == 2011
    assert {m["name"] for m in case["municipalities"]} == {"Hamar kommune", "Alta kommune"}
    for field in ("authors", "publisher", "commissioned_by", "performed_by", "report_url"):
        assert field in case


def test_filter_by_factor_and_theme(client, content):
    on_three = titles(listing(client, factor="3"))
    assert {"Tydelig ansvarsfordeling", "Hamar om samarbeid", "Ledelse i kommunen"} <= on_three
    assert "Fire casestudiar" in on_three
    assert titles(listing(client, factor="1")) == {"Faktor 1", "Ledelse i kommunen"}
    assert titles(listing(client, theme="boligkontor")) == {
        "Tydelig ansvarsfordeling",
        "Hamar om samarbeid",
        "Fire casestudiar",
    }
    both = titles(listing(client, factor="1", theme="boligkontor"))
    assert both == set()


def test_filter_by_locale_and_type(client, nynorsk):
    data = listing(client, locale="nn", factor="3", type="guidance.QuotePage", fields="themes")
    assert [item["meta"]["locale"] for item in data["items"]] == ["nn"]
    # The nynorsk page lists the nynorsk theme.
    assert data["items"][0]["themes"] == [{"slug": "bustadkontor", "name": "Bustadkontor"}]
    assert titles(listing(client, locale="nn", theme="bustadkontor")) >= {"Hamar om samarbeid"}


def test_only_live_public_pages(client, content, hidden):
    shown = titles(listing(client, limit=20))
    shown |= titles(listing(client, limit=20, offset=20))
    assert "Utkast om samarbeid" not in shown
    assert "Lukket sitat om samarbeid" not in shown
    for page in hidden.values():
        assert client.get(f"{PAGES}{page.pk}/").status_code == 404
    content["article"].unpublish()
    assert client.get(f"{PAGES}{content['article'].pk}/").status_code == 404
    assert "Ledelse i kommunen" not in titles(listing(client, factor="1"))


@pytest.mark.parametrize(
    "params, message",
    [
        ({"factor": "x"}, "factor må være"),
        ({"factor": "²"}, "factor må være"),
        ({"factor": "9"}, "ingen suksessfaktor nummer 9"),
        ({"factor": ["1", "3"]}, "bare én gang"),
        ({"theme": "finnes-ikke"}, "ikke noe tema"),
        ({"theme": "a\x00b"}, "theme inneholder et NUL-tegn"),
        ({"theme": "x" * 500}, "theme må være"),
        ({"type": "guidance.Nothing"}, "type"),
        ({"limit": "-1"}, "limit"),
        ({"fields": "not_a_field"}, "not_a_field"),
        ({"search": "a\x00b"}, "search inneholder et NUL-tegn"),
        ({"locale": "\x00"}, "locale inneholder et NUL-tegn"),
        ({"offset": "99999999999999999999"}, "offset er for stort"),
        ({"limit": "99999999999999999999"}, "limit er for stort"),
    ],
)
def test_malformed_filters_get_400_with_a_message(client, content, params, message):
    response = client.get(PAGES, params)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_a_nul_character_in_a_detail_address_gets_400(client, content):
    for endpoint in (f"{PAGES}{content['quote'].pk}/", "/api/v2/images/", "/api/v2/documents/"):
        response = client.get(endpoint, {"locale": "\x00"})
        assert response.status_code == 400, endpoint


def test_read_only(client, content):
    for method in (client.post, client.put, client.patch, client.delete):
        assert method(f"{PAGES}{content['quote'].pk}/").status_code == 405


def test_throttled(client, content, monkeypatch):
    cache.clear()
    monkeypatch.setattr(ReaderThrottle, "rate", "3/minute")
    statuses = [client.get(PAGES).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    cache.clear()


def test_list_calls_cost_the_same_however_large_the_site(
    client, content, tree, django_assert_max_num_queries
):
    params = {"type": "guidance.QuotePage", "fields": "*", "limit": "5"}
    for _ in range(5):
        publish(QuotePageFactory(parent=tree.quote_index), factors=[content["factors"][2]])
    with django_assert_max_num_queries(60) as few:
        listing(client, **params)
    for _ in range(20):
        publish(QuotePageFactory(parent=tree.quote_index), factors=[content["factors"][2]])
    with django_assert_max_num_queries(len(few.captured_queries)):
        listing(client, **params)
