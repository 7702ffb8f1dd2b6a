"""Two app servers on one PostgreSQL and one Redis: a publish through one is seen by the other
at once, and without Redis the pages are served uncached, never a 500 (issue 13)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from django.db import connection
from django.urls import reverse

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from tests.factories.guidance import ArticlePageFactory
from tests.website.varnish import free_port

ROOT = Path(__file__).resolve().parents[2]
SECRET = "two-instances-" + "x" * 50
# The tests' Redis database (the site's own is 1); VEIVISER_TEST_REDIS_URL when several runs
# share one Redis.
REDIS = os.environ.get("VEIVISER_TEST_REDIS_URL", "redis://127.0.0.1:6379/2")
DEAD_REDIS = "redis://127.0.0.1:9/2"  # nothing listens there

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="two app servers on one database: only in PostgreSQL (CI runs it)",
    ),
    pytest.mark.django_db(transaction=True),
]


class AppServer:
    """gunicorn with the production settings on the test database."""

    def __init__(self, redis_url):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        db = connection.settings_dict
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.website.two_instances_settings",
            "DATABASE_URL": (
                f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
                f"{db['PORT'] or 5432}/{db['NAME']}"
            ),
            "REDIS_URL": redis_url,
            "SECRET_KEY": SECRET,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "VEIVISER_PAGE_CACHE": "true",
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "website.wsgi", "--workers", "1", "--bind",
             f"127.0.0.1:{self.port}", "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            self.wait_until_up()
        except BaseException:
            self.stop()
            raise

    def wait_until_up(self):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/healthz", timeout=10).status_code in (200, 503):
                    return
            except requests.RequestException:
                if self.process.poll() is not None:
                    raise RuntimeError(self.process.stderr.read().decode()) from None
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def servers(settings):
    import redis

    redis.Redis.from_url(REDIS).flushdb()  # database 2 only: the tests' own
    settings.SECRET_KEY = SECRET  # the session made here must be valid there
    started = []
    try:
        yield lambda redis_url=REDIS: started.append(AppServer(redis_url)) or started[-1]
    finally:
        for server in started:
            server.stop()
        redis.Redis.from_url(REDIS).flushdb()


def publish_through_admin(server, session_key, page, title):
    browser = requests.Session()
    browser.cookies.set("sessionid", session_key)
    edit = f"{server.url}{reverse('wagtailadmin_pages:edit', args=[page.pk])}"
    form = browser.get(edit, timeout=30)
    assert form.status_code == 200, form.status_code
    data = querydict_from_html(form.text, form_id="page-edit-form")
    data.update(
        nested_form_data(
            {
                "body": streamfield([("paragraph", rich_text("<p>Ny tekst.</p>"))]),
                "glossary_exclusions": inline_formset([]),
            }
        )
    )
    data["title"] = title
    data["action-publish"] = "1"
    token = browser.cookies.get("csrftoken") or form.cookies.get("csrftoken")
    response = browser.post(
        edit,
        data=data,
        cookies={"csrftoken": token, "sessionid": session_key},
        # The edit form's token is outside the form's fields; the cookie's value is a token too.
        headers={"X-CSRFToken": token, "Referer": edit},
        timeout=30,
        allow_redirects=False,
    )
    assert response.status_code == 302, (sorted(browser.cookies.keys()), response.text[-3000:])


def test_a_publish_through_one_instance_is_served_fresh_by_the_other(
    servers, tree, client, admin_user
):
    article = ArticlePageFactory(parent=tree.article_index, title="Gammel tittel")
    client.force_login(admin_user)
    session_key = client.cookies["sessionid"].value
    a, b = servers(), servers()
    path = article.url
    for _ in range(2):  # the second from the shared page cache
        response = requests.get(f"{b.url}{path}", timeout=30)
        assert "Gammel tittel" in response.text
    assert response.headers["X-Page-Cache"] == "hit"

    publish_through_admin(a, session_key, article, "Ny tittel")
    published = time.perf_counter()
    while "Ny tittel" not in requests.get(f"{b.url}{path}", timeout=30).text:
        assert time.perf_counter() - published < 1.0, "B still serves the old page"
        time.sleep(0.05)


def test_without_redis_pages_are_served_uncached(servers, tree):
    server = servers(DEAD_REDIS)
    for _ in range(3):
        response = requests.get(f"{server.url}{tree.factors[0].url}", timeout=30)
        assert response.status_code == 200
        assert "X-Page-Cache" in response.headers  # a miss each time: nothing is kept
        assert response.headers["X-Page-Cache"] == "miss"
    health = requests.get(f"{server.url}/healthz", timeout=30)
    assert health.status_code == 503 and health.json()["database"] == "ok"
