"""Property-based fuzzing of every public address (issue 14, item 1): whatever a client sends,
in the path, the query string, the headers or a form body, the answer is never a server error.

Bounded for CI (derandomized, a fixed number of examples: well under a minute); runs on SQLite
and on PostgreSQL (which refuses NUL bytes in queries, unlike SQLite).
"""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.core.cache import cache
from django.test import Client

FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Characters that broke something once, and their relatives.
NASTY = ["\x00", "²", "①", "٣", "𝟘", "\u202e", "\ufeff", "%", "'", '"', "<", "\\", "/", "..", "å"]
texts = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.lists(st.sampled_from(NASTY + ["1", "a", "kommune", "boligkontor"]), max_size=6).map(
        "".join
    ),
)
PARAMETERS = [
    "q", "factor", "theme", "type", "municipality", "year", "page", "order",  # search
    "search", "fields", "locale", "limit", "offset", "child_of", "order",  # read API
    "helpful", "comment", "svar", "s1",  # feedback, self-assessment
]  # fmt: skip
queries = st.dictionaries(st.sampled_from(PARAMETERS), texts, max_size=4)
PATH_TEMPLATES = [
    "/", "/nn/", "/sok/", "/nn/sok/", "/sok/forslag/", "/nn/sok/forslag/", "/tema/{}/",
    "/nn/tema/{}/", "/nytt/", "/nn/nytt/", "/feed/", "/feed/faktor/{}/", "/feed/tema/{}/",
    "/nn/feed/tema/{}/", "/api/v2/pages/", "/api/v2/pages/{}/", "/sitemap.xml", "/robots.txt",
    "/admin/login/", "/tilbakemelding/{}/", "/{}/", "/nn/{}/", "/documents/{}/x.pdf",
]  # fmt: skip
CHARSETS = ["utf-8", "utf-16", "latin-1", "iso-8859-15", "cp1252", "koi8-r", "no-such", ""]
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=xyz",
    "application/json",
    "text/plain",
]


@pytest.fixture
def site(content, nynorsk):
    cache.clear()
    client = Client(raise_request_exception=False)
    client.cookies["csrftoken"] = "a" * 32
    pages = [page.url for page in content.values() if hasattr(page, "url")]
    return client, pages, content


def expect_no_server_error(response, what):
    assert response.status_code < 500, (response.status_code, what)


@FUZZ
@given(template=st.sampled_from(PATH_TEMPLATES), segment=texts, query=queries)
def test_paths_and_query_strings(site, template, segment, query):
    client, _pages, _content = site
    path = template.format(quote(segment, safe="")) if "{}" in template else template
    url = f"{path}?{urlencode(query)}" if query else path
    expect_no_server_error(client.get(url), url)


@FUZZ
@given(index=st.integers(0, 100), query=queries)
def test_every_content_page_with_any_query(site, index, query):
    client, pages, _content = site
    path = pages[index % len(pages)]
    for prefix in ("", "/nn"):
        url = f"{prefix}{path}?{urlencode(query)}"
        expect_no_server_error(client.get(url), url)


@FUZZ
@given(
    language=st.one_of(texts, st.sampled_from(["nn;q=x", "*", "nb-NO,nn;q=0.5", "zz-ZZ;q=1.5"])),
    cookie=texts,
    template=st.sampled_from(["/", "/nn/", "/sok/", "/admin/login/"]),
)
def test_odd_headers(site, language, cookie, template):
    client, _pages, _content = site
    headers = {
        "HTTP_ACCEPT_LANGUAGE": language.encode("utf-8", "replace").decode("latin-1"),
        "HTTP_X_FORWARDED_FOR": cookie.encode("utf-8", "replace").decode("latin-1"),
        "HTTP_REFERER": cookie.encode("utf-8", "replace").decode("latin-1"),
    }
    expect_no_server_error(client.get(template, **headers), (template, headers))


@FUZZ
@given(
    target=st.sampled_from(["feedback", "/sok/", "/nn/sok/", "/admin/login/", "/"]),
    fields=st.dictionaries(
        st.sampled_from(["helpful", "comment", "nettside", "username", "password", "q"]),
        texts,
        max_size=4,
    ),
    content_type=st.sampled_from(CONTENT_TYPES),
    charset=st.sampled_from(CHARSETS),
    encoding=st.sampled_from(["utf-8", "utf-16", "latin-1"]),
    raw=st.binary(max_size=60),
    use_raw=st.booleans(),
)
def test_post_bodies(site, target, fields, content_type, charset, encoding, raw, use_raw):
    client, _pages, content = site
    path = f"/tilbakemelding/{content['article'].pk}/" if target == "feedback" else target
    body = raw if use_raw else urlencode(fields).encode(encoding, "replace")
    full_type = f"{content_type}; charset={charset}" if charset else content_type
    response = client.generic("POST", path, body, content_type=full_type)
    expect_no_server_error(response, (path, full_type, body))
