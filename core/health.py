"""``/healthz`` for load balancers: is the database there, and the cache?

Answered first in the middleware stack, before anything checks the Host header against
ALLOWED_HOSTS or redirects to HTTPS: a load balancer asks by the instance's own address, over
plain HTTP. 200 with ``{"database": "ok", "cache": "ok"}`` when both answer; 503 naming what
failed otherwise. Never from a cache (``Cache-Control: no-store``).
"""

import logging
import uuid

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)
PATH = "/healthz"


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    cache = caches["default"]
    key, value = f"healthz:{uuid.uuid4().hex}", "ok"
    # Past the resilient wrapper (core/cache.py), which would hide a dead Redis.
    backend = RedisCache if isinstance(cache, RedisCache) else type(cache)
    backend.set(cache, key, value, 10)
    if backend.get(cache, key) != value:
        raise RuntimeError("the cache did not keep a value")
    backend.delete(cache, key)


def check():
    status = {}
    for name, probe in (("database", _database), ("cache", _cache)):
        try:
            probe()
            status[name] = "ok"
        except Exception as exc:  # report any failure, never raise
            logger.warning("Health check: %s failed", name, exc_info=True)
            status[name] = f"error: {type(exc).__name__}"
    return status


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.rstrip("/") != PATH:
            return self.get_response(request)
        status = check()
        healthy = all(value == "ok" for value in status.values())
        response = JsonResponse(status, status=200 if healthy else 503)
        response["Cache-Control"] = "no-store"
        return response
