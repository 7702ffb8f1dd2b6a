"""Shared set-up for tests that drive real Chromium (Debian package chromium) with Playwright.

The demo content (with its Apertium translations) takes long to load, so it is loaded and
committed once per test module and served by a live server started for that module; the
tests read it. Before each test the row count of every table (but sessions and search
statistics, which reading writes to) is compared with the count right after loading: if the
previous test added or removed rows (an editor publishing adds revisions and log entries), the
content is loaded again from the database as the module found it, so every test starts from
the content the loader makes. After the module the database is put back as the module found
it (as migrated), whatever runs next.
"""

import io
import json
import os
from pathlib import Path

import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections

from wagtail.models import Collection, Locale, Page

from tests.helpers import require_binary

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
    """Put back the rows the migrations made, should a transactional test's flush have removed
    them.

    (pytest-django's serialized rollback cannot be used: Playwright's greenlets give Django a
    fresh connection object, without the serialized copy kept on the first one.)
    """
    nb, _ = Locale.objects.get_or_create(language_code="nb")
    Locale.objects.get_or_create(language_code="nn")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=nb))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")


def read_side_effect_tables():
    """Tables that reading the site writes to: sessions (a login) and search statistics.

    No browser test reads them, so rows added there do not make the demo content dirty.
    """
    from django.contrib.sessions.models import Session

    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    from search.models import SearchQueryDay

    return {model._meta.db_table for model in (Session, Query, QueryDailyHits, SearchQueryDay)}


def row_counts():
    """The number of rows in each table (but those reading writes to), in a few queries."""
    tables = sorted(set(connection.introspection.table_names()) - read_side_effect_tables())
    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for start in range(0, len(tables), 100):  # SQLite allows 500 terms in a compound query
            chunk = tables[start : start + 100]
            cursor.execute(
                " UNION ALL ".join(f"SELECT '{t}', COUNT(*) FROM {quote(t)}" for t in chunk)
            )
            counts.update(cursor.fetchall())
    return counts


class DemoDatabase:
    """The committed demo content a module's browser tests share, and its live server."""

    def __init__(self, server):
        self.server = server
        self.counts = None
        # The database as the module finds it (as migrated), to start each load from it and
        # to leave it so for the tests after the module, whatever order they run in. Content
        # types first: some models (Wagtail's tasks) look theirs up when built.
        objects = json.loads(connection.creation.serialize_db_to_string())
        objects.sort(key=lambda o: o["model"] != "contenttypes.contenttype")
        self.found = json.dumps(objects)

    def restore(self):
        """Put the database back as the module found it (as serialized rollback does)."""
        call_command(
            "flush",
            verbosity=0,
            interactive=False,
            reset_sequences=False,  # the restored rows keep their ids; new ones come after them
            inhibit_post_migrate=True,
        )
        connection.creation.deserialize_db_from_string(self.found)
        cache.clear()

    def load(self):
        if self.counts is not None:
            self.restore()
        restore_migrated_rows()
        call_command("load_initial_data", stdout=io.StringIO())
        self.counts = row_counts()

    def ensure_clean(self):
        """Load the demo content again if the previous test changed it."""
        if self.counts is None or row_counts() != self.counts:
            self.load()


@pytest.fixture(scope="module")
def demo_database(test_database, django_db_blocker):
    """The demo content, committed, with a live server the browser can reach (one per module).

    The tests are not marked ``django_db`` and pytest-django's ``live_server`` fixture is not
    used: either makes every test transactional, and the flush after each such test would
    throw the demo content away. The tests get database access from ``demo_site``.
    """
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        demo = DemoDatabase(LiveServer("localhost"))  # the test settings allow every host
    try:
        yield demo
    finally:
        demo.server.stop()
        with django_db_blocker.unblock():
            demo.restore()


@pytest.fixture
def demo_site(demo_database, django_db_blocker):
    """The demo content, as the loader makes it, served by a live server the browser can reach.

    The test may use the ORM (the live server and the test share the committed data).
    """
    with django_db_blocker.unblock():
        demo_database.ensure_clean()
        cache.clear()  # as right after loading it
        yield demo_database.server
        # As after a transactional test: the test's connections do not outlive it.
        for conn in connections.all(initialized_only=True):
            conn.close()


def is_csp_violation(text):
    return "Content Security Policy" in text or "Content-Security-Policy" in text


@pytest.fixture
def browser_page(chromium):
    """A Chromium tab. The test fails if the browser reports a Content-Security-Policy
    violation in the console (the policies are on, as in production: website/security.py)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO")
    page = context.new_page()
    page.set_default_timeout(15_000)
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if is_csp_violation(message.text)
            else None
        ),
    )
    page.on(
        "pageerror",
        lambda error: (
            violations.append(f"{page.url}: {error}") if is_csp_violation(str(error)) else None
        ),
    )
    yield page
    context.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


def axe_source():
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
