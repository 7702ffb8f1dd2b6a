"""Database outages (issue 14, item 9): a Norwegian 503 with Retry-After; an editor is told the
change was not saved and gets back what they typed. (A real outage, a PostgreSQL cluster
stopped and started again, is in test_outage_postgres.py.)"""

from contextlib import contextmanager
from unittest import mock

import pytest

from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client


@contextmanager
def database_down():
    def refuse(self, *args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    with mock.patch.object(BaseDatabaseWrapper, "_cursor", refuse):
        yield


@pytest.fixture
def failing_client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "path, lang, text",
    [("/", "nb", "Midlertidig utilgjengelig"), ("/nn/", "nn", "Mellombels utilgjengeleg")],
)
def test_readers_get_a_norwegian_503(failing_client, home, path, lang, text):
    with database_down():
        response = failing_client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert text in html
    assert "IKKE lagret" not in html


def test_an_editor_is_told_the_change_was_not_saved_and_gets_the_text_back(
    failing_client, home, django_user_model
):
    editor = django_user_model.objects.create_superuser("root", "r@x.no", "x")
    failing_client.force_login(editor)
    typed = {
        "title": "Ny tittel <b>fet</b>",
        "summary": "Et langt sammendrag\nover to linjer",
        "csrfmiddlewaretoken": "hemmelig-token",
        "glossary_exclusions-TOTAL_FORMS": "0",
    }
    with database_down():
        response = failing_client.post(f"/admin/pages/{home.pk}/edit/", typed)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Endringen din ble IKKE lagret." in html
    assert "Ny tittel &lt;b&gt;fet&lt;/b&gt;" in html
    assert "Et langt sammendrag\nover to linjer" in html
    assert "readonly" in html
    assert "hemmelig-token" not in html
    assert "TOTAL_FORMS" not in html


def test_a_bug_is_still_a_500(failing_client, settings, home):
    settings.ROOT_URLCONF = "tests.error_urls"
    response = failing_client.get("/feil-med-vilje/")
    assert response.status_code == 500
    assert "Retry-After" not in response
