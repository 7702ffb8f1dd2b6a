"""Production serving: /healthz for load balancers, and the settings `make production` reads."""

import pytest

from django.core.cache import caches


@pytest.mark.django_db
def test_healthz_answers_any_host_over_plain_http(client, settings):
    settings.ALLOWED_HOSTS = ["veiviser.example.no"]
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


@pytest.mark.django_db
def test_healthz_says_503_when_redis_is_gone(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/1",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    try:
        response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["database"] == "ok"
        assert response.json()["cache"].startswith("error")
    finally:
        caches["default"].close()


def test_redis_url_selects_the_shared_cache(monkeypatch):
    import importlib

    import website.settings.base as base

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/1")
    try:
        reloaded = importlib.reload(base)
        assert reloaded.CACHES["default"]["BACKEND"] == "core.cache.ResilientRedisCache"
        assert reloaded.CACHES["default"]["LOCATION"] == "redis://127.0.0.1:6379/1"
        monkeypatch.delenv("REDIS_URL")
        reloaded = importlib.reload(base)
        assert "LocMemCache" in reloaded.CACHES["default"]["BACKEND"]
    finally:
        importlib.reload(base)
