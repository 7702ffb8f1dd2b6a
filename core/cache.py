"""Django's RedisCache that lets the site carry on when Redis is gone.

Wagtail, the page cache and the feedback limits all use the default cache. With Django's own
RedisCache a Redis that is down or unreachable raises from every ``cache.get``: a 500 on every
page. This backend logs the failure and answers as an empty cache would (a miss; a write that
did not happen), and does not ask Redis again for a few seconds, so a dead Redis costs one
timeout every few seconds, not one per call.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)
RETRY_SECONDS = 5


class ReusedClient(RedisCacheClient):
    """Django builds a new ``redis.Redis`` for every call (some 300 dictionary writes each,
    a third of a page-cache hit); one per connection pool serves them all (it is thread-safe)."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client

    @property
    def _clients(self):
        return self.__dict__.setdefault("_reused_clients", {})


class ResilientRedisCache(RedisCache):
    _down_until = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClient

    def _guard(self, method, default, *args, **kwargs):
        if time.monotonic() < ResilientRedisCache._down_until:
            return default
        try:
            return getattr(super(), method)(*args, **kwargs)
        except Exception:  # noqa: BLE001 — any Redis failure: carry on as an empty cache
            logger.warning("Redis cache unavailable (%s); carrying on without it", method)
            ResilientRedisCache._down_until = time.monotonic() + RETRY_SECONDS
            return default

    def validate_key(self, key):
        """Redis takes any key: skip the per-character check for memcached (every hit pays it)."""

    def get(self, key, default=None, version=None):
        return self._guard("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._guard("has_key", False, key, version)

    def set(self, *args, **kwargs):
        return self._guard("set", None, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._guard("add", False, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guard("touch", False, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._guard("set_many", [], *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guard("delete", False, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guard("delete_many", None, *args, **kwargs)

    def incr(self, key, delta=1, version=None):
        return self._guard("incr", delta, key, delta, version)

    def clear(self):
        return self._guard("clear", None)
