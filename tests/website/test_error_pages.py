"""404 and 500 pages in both languages; the 500 page needs neither database nor context."""

import pytest

from django.test import Client


@pytest.fixture
def failing_site(settings, home):
    settings.ROOT_URLCONF = "tests.error_urls"
    settings.DEBUG = False
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "path, lang, heading",
    [("/feil-med-vilje/", "nb", "Noe gikk galt"), ("/nn/feil-med-vilje/", "nn", "Noko gjekk gale")],
)
def test_server_error_renders_the_500_page_without_the_database(
    failing_site, django_assert_max_num_queries, path, lang, heading
):
    with django_assert_max_num_queries(0):
        response = failing_site.get(path)
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert heading in html
    assert 'href="/nn/"' in html if lang == "nn" else 'href="/"' in html
    assert "/static/css/veiviser.css" in html
    assert "RuntimeError" not in html


@pytest.mark.parametrize(
    "path, lang, heading, front_page",
    [
        ("/finnes-ikke/", "nb", "Vi fant ikke siden", "Gå til forsiden"),
        ("/nn/finst-ikkje/", "nn", "Vi fann ikkje sida", "Gå til framsida"),
    ],
)
def test_unknown_address_renders_the_404_page(client, home, path, lang, heading, front_page):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert heading in html
    assert front_page in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'class="ds-skip-link"' in html and 'id="main"' in html
