"""Whatever is in the address, the search answers: never a 500, never markup echoed."""

import pytest

from tests.helpers import nynorsk_alias

BAD_QUERIES = [
    "",
    " ",
    "a" * 10_000,
    "Ελληνικά κείμενα",
    "Русский текст",
    "中文搜索",
    "العربية",
    "🏠🔥👩‍👩‍👧",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    '<script>alert("xss")</script>',
    "<img src=x onerror=alert(1)>",
    "kommune\x00nul",
    "\x00",
    '"',
    "AND OR NOT",
    "*",
    "(kommune",
    "kommune)",
    "NEAR(a b)",
    "-",
    "^~:",
    "%_%",
    "\\",
    # tsquery and FTS5 operators and syntax
    "kommune & | ! <-> :* '",
    "kommune:* & !bolig",
    "a <-> b <2> c",
    "!!!",
    "title:kommune",
    '"kommune"* NEAR("bolig" "plan", 2)',
    "{title body}: kommune",
    "kommune AND",
    # unicode digits and other letters
    "٣٤٥ ١٢",
    "²³ kommune ¼",
    "kommune ١٢٣٤ ߁",
    "Ⅻ ⑫",
    # 10,000 characters of words
    "kommune bolig " * 715,
]


@pytest.mark.parametrize("prefix", ["", "/nn"])
def test_bad_queries_never_fail(client, content, nynorsk, prefix):
    for query in BAD_QUERIES:
        response = client.get(f"{prefix}/sok/", {"q": query})
        assert response.status_code == 200, query
        html = response.content.decode()
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        suggestions = client.get(f"{prefix}/sok/forslag/", {"q": query})
        assert suggestions.status_code == 200, query
        assert "suggestions" in suggestions.json()


def test_long_query_is_cut(client, content):
    response = client.get("/sok/", {"q": "kommunen " + "x" * 10_000})
    assert response.status_code == 200
    assert len(response.context["search_query"]) == 200
    assert (
        "shortened" in response.content.decode()
        or "forkorta" in response.content.decode()
        or ("forkortet" in response.content.decode())
    )


BAD_PARAMETERS = [
    {"q": "kommunen", "factor": "99"},
    {"q": "kommunen", "factor": "<b>x</b>"},
    {"q": "kommunen", "theme": "finnes-ikke"},
    {"q": "kommunen", "type": "blogpost"},
    {"q": "kommunen", "municipality": "abc"},
    {"q": "kommunen", "year": "tidlig"},
    {"q": "kommunen", "order": "random"},
    {"q": "kommunen", "page": "abc"},
    {"q": "kommunen", "page": "-3"},
    {"q": "kommunen", "page": "99999"},
    {"q": "kommunen", "page": "9" * 50},
    {"q": "kommunen", "municipality": "9999"},
    {"q": "kommunen", "year": "1800"},
    {"q": ["kommunen", "tverrfaglig"], "factor": ["1", "3"]},
]


def test_bad_parameters_never_fail(client, content):
    for params in BAD_PARAMETERS:
        response = client.get("/sok/", params)
        assert response.status_code == 200, params
        html = response.content.decode()
        assert "<b>x</b>" not in html
        assert response.context["results_page"] is not None, params


def test_unknown_facet_value_is_ignored_with_a_message(client, content):
    response = client.get("/sok/", {"q": "kommunen", "theme": "finnes-ikke"})
    assert len(response.context["hits"]) == 4
    assert response.context["messages_for_search"]


def test_page_past_the_end_shows_the_last_page(client, content):
    response = client.get("/sok/", {"q": "kommunen", "page": "50"})
    assert response.context["results_page"].number == 1
    assert response.context["messages_for_search"]


@pytest.mark.parametrize("value", ["²", "①", "٣", "7", "99999999999999999999", "1" * 5000])
def test_factor_values_that_name_no_factor_are_ignored(client, content, value):
    # «²» and «①» pass str.isdigit() but not int(): once a 500.
    response = client.get("/sok/", {"q": "kommunen", "factor": value})
    assert response.status_code == 200
    assert response.context["selected"] == {}
    assert len(response.context["hits"]) == 4
    assert response.context["messages_for_search"]


@pytest.mark.parametrize(
    "name", ["q", "order", "page", "factor", "theme", "type", "municipality", "year"]
)
def test_nul_bytes_never_fail(client, content, name):
    response = client.get("/sok/", {"q": "kommunen", name: "ko\x00mmune\x00"})
    assert response.status_code == 200


def test_a_factor_is_valid_where_it_exists_in_the_readers_language(client, content, nn):
    # The nynorsk site has no factors until the bokmål ones get their nynorsk counterparts.
    response = client.get("/nn/sok/", {"factor": "3"})
    assert response.context["selected"] == {}
    assert response.context["messages_for_search"]
    nynorsk_alias(content["factors"][2], nn)
    response = client.get("/nn/sok/", {"factor": "3"})
    assert response.context["selected"] == {"factor": "3"}
    assert not response.context["messages_for_search"]
