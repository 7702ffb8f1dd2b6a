"""Input that once gave server errors (issue 14, item 1): a Norwegian 4xx now."""

import logging

import pytest

from django.test import Client
from django.views.debug import ExceptionReporter

from website.security import SafeReportFilter

POST_PATHS = ["/admin/login/", "/sok/", "/nn/sok/", "/", "/nn/"]
UNREADABLE = [
    ("application/x-www-form-urlencoded; charset=utf-16", b"\xff\xfeq\x00=\x00a\x00"),
    ("application/x-www-form-urlencoded; charset=latin-1", b"q=\xe6\xf8\xe5"),
    ("application/x-www-form-urlencoded; charset=no-such-charset", b"q=a"),
    ("multipart/form-data", b"--x\r\nno boundary was declared"),
    ("multipart/form-data; boundary=x; charset=no-such-charset", b"--x\r\n\r\n--x--"),
]


@pytest.fixture
def strict_client(home):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = "a" * 32
    return client


@pytest.mark.parametrize("content_type, body", UNREADABLE)
@pytest.mark.parametrize("path", POST_PATHS)
def test_unreadable_form_body_with_a_csrf_cookie_is_a_norwegian_400(
    strict_client, path, content_type, body
):
    response = strict_client.generic("POST", path, body, content_type=content_type)
    assert 400 <= response.status_code < 500, response.status_code
    if response.status_code == 400:
        html = response.content.decode()
        lang = "nn" if path.startswith("/nn/") else "nb"
        assert f'<html lang="{lang}">' in html
        assert ("kunne ikke leses" if lang == "nb" else "kunne ikkje lesast") in html


def test_a_body_over_the_limit_is_a_400(strict_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    response = strict_client.post("/sok/", {"q": "x" * 1000})
    assert response.status_code == 400


@pytest.mark.parametrize(
    "path", ["/tema/%00/", "/nn/tema/%00/", "/%00/", "/sok/%00", "/admin/%00/", "/tema/a%00b/"]
)
def test_nul_in_the_path_is_not_found(client, home, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Vi fant ikke siden" in response.content.decode() or "Vi fann ikkje sida" in (
        response.content.decode()
    )


@pytest.mark.parametrize("value", ["²", "①", "٣", "𝟘", "\x00", "1\x00", "-1", "9" * 40])
def test_unicode_digits_and_nul_in_search_parameters(client, content, value):
    for parameter in ("factor", "theme", "type", "page", "municipality"):
        response = client.get("/sok/", {"q": "kommune", parameter: value})
        assert response.status_code in (200, 400), (parameter, value)


def test_error_report_survives_an_unreadable_body(rf, caplog):
    request = rf.generic(
        "POST",
        "/sok/",
        b"q=\xe6",
        content_type="application/x-www-form-urlencoded; charset=latin-1",
    )
    reporter = ExceptionReporter(request, RuntimeError, RuntimeError("x"), None)
    reporter.filter = SafeReportFilter()
    with caplog.at_level(logging.ERROR):
        assert "RuntimeError" in reporter.get_traceback_text()
    assert SafeReportFilter().get_post_parameters(request) == {}
