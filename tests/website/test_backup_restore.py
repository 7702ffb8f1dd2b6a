"""A standard backup restores (issue 14.4): `manage.py backup` dumps the demo content
(pg_dump --format=custom) and the media files, `manage.py restore` puts them into a new database
with pg_restore --single-transaction --exit-on-error, and the restored site renders every page
the same, the typo correction's word list (the table `Term`) included."""

from pathlib import Path

import psycopg
import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings

from wagtail.models import Page

from core import publication

# No django_db mark: the demo content is shared by the module (see tests/website/conftest.py).
OTHER_PAGES = ["/sok/?q=samarbeid", "/nn/sok/?q=samarbeid", "/sok/?q=samarbied", "/sitemap.xml"]


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump and pg_restore: only in PostgreSQL")


def render(urls):
    publication.forget()
    cache.clear()
    client = Client()
    pages = {}
    for url in urls:
        response = client.get(url)
        pages[url] = (response.status_code, response.content)
    return pages


def admin_connection():
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def use_database(name):
    connection.close()
    connection.settings_dict["NAME"] = name


def test_backup_restores_into_a_new_database(postgresql, demo_site, tmp_path):
    # One page of each type in each language: enough to read every table a page reads.
    pages = Page.objects.live().filter(depth__gt=1).order_by("content_type", "locale", "path")
    first = {}
    for page in pages:
        first.setdefault((page.content_type_id, page.locale_id), page.url)
    urls = list(first.values())
    urls += OTHER_PAGES
    assert len(urls) > 20
    before = render(urls)
    assert all(status == 200 for status, _ in before.values())
    assert "samarbeid</a>»".encode() in before["/sok/?q=samarbied"][1]  # the word list works

    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "veileder.pdf").write_bytes(b"%PDF-1.4 veileder")
    with override_settings(MEDIA_ROOT=media):
        call_command("backup", str(tmp_path / "backup"))
    dump = next((tmp_path / "backup").glob("*.dump"))
    archive = next((tmp_path / "backup").glob("*-media.tar.gz"))

    original = connection.settings_dict["NAME"]
    restored = f"{original}_restored"
    with admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{restored}"')
        admin.execute(f'CREATE DATABASE "{restored}"')
    try:
        use_database(restored)
        restored_media = tmp_path / "restored-media"
        with override_settings(MEDIA_ROOT=restored_media):
            call_command("restore", str(dump), media=str(archive))
        assert (restored_media / "documents" / "veileder.pdf").read_bytes() == b"%PDF-1.4 veileder"
        after = render(urls)
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM veiviser_search_term")
            assert cursor.fetchone()[0] > 100  # the word list came back filled
    finally:
        use_database(original)
        with admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)')
    different = [url for url in urls if before[url] != after[url]]
    assert not different


def test_restore_refuses_a_database_that_is_not_empty(postgresql, demo_site, tmp_path):
    from django.core.management.base import CommandError

    dump = Path(tmp_path / "none.dump")
    dump.write_bytes(b"")
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(dump))
