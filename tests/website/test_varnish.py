"""Varnish in front (deploy/varnish/default.vcl): it keeps pages, and a publish empties it."""

import time
from datetime import timedelta
from urllib.parse import urlsplit

import pytest

from django.utils import timezone

from tests.core.test_page_cache_hits import show_notice, wait_until
from tests.helpers import publish, require_binary
from tests.website.varnish import VARNISHD, Varnish

# The live server reads committed rows. Transactional tests run last (tests/conftest.py), and
# the fixtures make again what the flush after each takes away (locales, root page, site).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def varnish(live_server, settings, tmp_path):
    require_binary(VARNISHD, "varnish")
    backend = urlsplit(live_server.url)
    front = Varnish(backend.hostname, backend.port, tmp_path)
    settings.VARNISH_URL = front.url
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": front.url,
        }
    }
    yield front
    front.stop()


def test_varnish_keeps_pages_and_a_publish_purges_within_a_second(varnish, tree):
    factor = tree.factors[0]
    path = urlsplit(factor.full_url).path
    status, headers, _html = varnish.get(path)
    assert status == 200 and headers["X-Varnish-Cache"] == "MISS"
    hits = 0
    started = time.perf_counter()
    for _ in range(200):
        hits += varnish.get(path)[1]["X-Varnish-Cache"] == "HIT"
    rate = 200 / (time.perf_counter() - started)
    print(f"\nVarnish: hit rate {hits / 200:.0%}, {rate:.0f} req/s (one client, sequential)")
    assert hits == 200

    factor.title = "Forankring, ny tittel"
    publish(factor)
    published = time.perf_counter()
    while "Forankring, ny tittel" not in varnish.get(path)[2]:
        assert time.perf_counter() - published < 1.0, "Varnish still serves the old page"
        time.sleep(0.02)
    print(
        f"Varnish: the new title is served {time.perf_counter() - published:.3f} s after publishing"
    )


def test_editors_pass_through_varnish(varnish, tree):
    import urllib.request

    path = urlsplit(tree.factors[0].full_url).path
    varnish.get(path)
    request = urllib.request.Request(varnish.url + path, headers={"Cookie": "sessionid=abc"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["X-Varnish-Cache"] == "MISS"


def test_a_page_is_kept_no_longer_than_until_a_notice_appears(varnish, tree, settings):
    """Nothing is published when a notice's period begins, so nothing purges Varnish: the page
    cache tells it when to fetch the page again (X-Cache-Until), and it does not serve it stale."""
    settings.VEIVISER_PAGE_CACHE = True
    path = urlsplit(tree.factors[0].full_url).path
    starts = timezone.now() + timedelta(seconds=2)
    show_notice(tree, shown_from=starts)
    assert "Driftsmelding" not in varnish.get(path)[2]
    assert varnish.get(path)[1]["X-Varnish-Cache"] == "HIT"
    wait_until(starts)
    status, headers, html = varnish.get(path)
    assert status == 200 and "Driftsmelding" in html and headers["X-Varnish-Cache"] == "MISS"
    assert varnish.get(path)[1]["X-Varnish-Cache"] == "HIT"  # kept again: nothing more is timed
