"""The page cache (core/page_cache.py): whole anonymous responses, never stale after a publish."""

import pytest

from django.core.cache import cache
from django.db import OperationalError
from django.test import override_settings

from wagtail.models import PageViewRestriction

from core import page_cache
from tests.helpers import publish


class AddsSecurityHeaders:
    """Stands in for middleware below the cache that adds headers (CSP and the like)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["Content-Security-Policy"] = "default-src 'self'"
        response["Permissions-Policy"] = "camera=()"
        return response


def middleware_with_headers():
    from django.conf import settings

    stack = list(settings.MIDDLEWARE)
    stack.insert(
        stack.index("core.page_cache.PageCacheMiddleware") + 1, f"{__name__}.AddsSecurityHeaders"
    )
    return stack


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.VEIVISER_PAGE_CACHE = True
    settings.MIDDLEWARE = middleware_with_headers()
    page_cache._down_until[0] = 0.0
    cache.clear()
    yield
    cache.clear()
    page_cache._down_until[0] = 0.0


def test_a_second_view_is_served_whole_from_the_cache(client, tree, django_assert_max_num_queries):
    factor = tree.factors[0]
    first = client.get(factor.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(1):  # the publication stamp
        second = client.get(factor.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    for header in ("Content-Security-Policy", "Permissions-Policy", "ETag", "Content-Type"):
        assert second[header] == first[header], header
    assert "public" in second["Cache-Control"] and "stale-if-error" in second["Cache-Control"]
    assert "stale-while-revalidate" in second["Cache-Control"]
    assert not second.cookies and "cookie" not in second.get("Vary", "").lower()


def test_a_matching_etag_gets_a_304(client, tree):
    url = tree.factors[0].url
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_publish_is_seen_at_once(client, tree):
    factor = tree.factors[0]
    assert "Faktor 1" in client.get(factor.url).content.decode()
    factor.title = "Forankring på nytt"
    publish(factor)
    response = client.get(factor.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Forankring på nytt" in response.content.decode()


def test_a_new_notice_or_theme_renews_every_page(client, tree):
    from tests.factories.guidance import ThemeFactory

    url = tree.factors[0].url
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    ThemeFactory(name="Nytt tema", slug="nytt-tema", locale=tree.home.locale)
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_logged_in_editors_and_posts_are_never_cached(client, admin_client, tree):
    url = tree.factors[0].url
    for _ in range(2):
        response = admin_client.get(url)
        assert "X-Page-Cache" not in response
        assert "public" not in response.get("Cache-Control", "")
    client.post(url)
    assert "X-Page-Cache" not in client.post(url)


def test_restricted_pages_are_never_cached(client, tree):
    factor = tree.factors[0]
    PageViewRestriction.objects.create(
        page=factor, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    for _ in range(2):
        response = client.get(factor.url)
        assert "X-Page-Cache" not in response
        assert "public" not in response.get("Cache-Control", "")


def test_a_dead_redis_serves_uncached_never_a_500(client, tree, settings, caplog):
    from core.cache import ResilientRedisCache

    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/1",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    ResilientRedisCache._down_until = 0.0
    try:
        for _ in range(3):
            response = client.get(tree.factors[0].url)
            assert response.status_code == 200
            assert response.get("X-Page-Cache") == "miss"  # stored nowhere, served anyway
    finally:
        ResilientRedisCache._down_until = 0.0
    assert "Redis cache unavailable" in caplog.text


@override_settings(VEIVISER_PAGE_CACHE=False)
def test_off_in_the_test_settings_still_sends_cache_headers(client, tree):
    response = client.get(tree.factors[0].url)
    assert "X-Page-Cache" not in response
    assert "public" in response["Cache-Control"] and response["ETag"]


def test_while_the_database_is_down_readers_get_the_cached_page(client, tree, monkeypatch):
    factor = tree.factors[0]
    stored = client.get(factor.url)
    assert stored["X-Page-Cache"] == "miss"

    def database_down():
        raise OperationalError("connection refused")

    monkeypatch.setattr(page_cache.publication, "_read", database_down)
    served = client.get(factor.url)
    assert served.status_code == 200 and served["X-Page-Cache"] == "hit"
    assert served.content == stored.content
