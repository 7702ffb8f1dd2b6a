"""Shared set-up for tests that drive real Chromium (Debian package chromium) with Playwright."""

import io
import os
from pathlib import Path

import pytest

from django.core.management import call_command

from wagtail.models import Collection, Locale, Page

from tests.conftest import require_binary

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def chromium():
    require_binary(CHROMIUM, "chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # alongside it are synchronous and safe.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def restore_migrated_rows():
    """Put back the rows the migrations made, which a transactional test's flush removed.

    (Serialized rollback cannot do it here: Playwright's greenlets give Django a fresh
    connection object, without the serialized copy pytest-django keeps on the first one.)
    """
    nb, _ = Locale.objects.get_or_create(language_code="nb")
    Locale.objects.get_or_create(language_code="nn")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=nb))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The demo content, served by a live server the browser can reach."""
    restore_migrated_rows()
    call_command("load_initial_data", stdout=io.StringIO())
    return live_server


@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_source():
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
