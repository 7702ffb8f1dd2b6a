"""The page cache: whole anonymous responses in Django's cache, never older than a publish.

A response is kept under the URL (host, path and query) and the language, together with the
publication stamp it was built under (core/publication.py). Every change readers could see
renews the stamp in the same transaction (publishing, unpublishing, moving, view restrictions,
themes, notices and their display periods, the menu's pages, directorates, site settings), so
a page stored under another stamp is never served, in any process or instance: nothing is
evicted, the next miss replaces it. With Redis a hit is one round trip (MGET of the stamp and
the page) and no query; the middleware sits just below WhiteNoise, so a hit skips the
sessions, the language, the request memo and the view.

What is kept: the status, the body and every header (Content-Security-Policy and the other
security headers included), except Set-Cookie. What is never kept or served from it: requests
other than GET and HEAD, a reader with a session (logged-in editors, previews), the admin,
pages under a view restriction, responses that set a cookie, vary on Cookie or say
``private``/``no-store``. If the cache is down the page is served uncached and the failure
logged; the cache is not asked again for a few seconds.

Why not wagtail-cache: it keys on the URL only and evicts by clearing the whole cache (or
per URL) from Wagtail's publish hooks, in the process that published. Our stamp already
changes for everything readers can see (snippets and settings as well as pages, in every
instance, rolled back with a failed transaction), so a key that contains it is never stale,
and the middleware is some hundred lines we control (cookie rules, security headers, Redis
failure) instead of a dependency with its own rules.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from . import pages, publication

logger = logging.getLogger(__name__)

KEPT_STATUSES = {200, 301}  # not 404: any address would fill the cache
NEVER_CACHED_PREFIXES = ("/admin/", "/django-admin/", "/healthz", "/api/", "/static/", "/media/")
_down_until = [0.0]  # monotonic time before which the cache is not asked again


def enabled():
    return getattr(settings, "VEIVISER_PAGE_CACHE", True)


def _cache():
    return caches[getattr(settings, "VEIVISER_PAGE_CACHE_ALIAS", "default")]


def _is_anonymous(request):
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # an editor (or a reader with a session): never from the cache
    return "HTTP_AUTHORIZATION" not in request.META


def may_use(request):
    """True when this request may be answered from, and stored in, the page cache."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(NEVER_CACHED_PREFIXES):
        return False
    return _is_anonymous(request)


def may_store(request, response):
    if response.status_code not in KEPT_STATUSES or response.streaming:
        return False
    if response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    if "cookie" in response.get("Vary", "").lower():
        return False
    route = getattr(request, "_wagtail_route_for_request", None)
    if route is not None and pages.is_restricted(route[0]):
        return False
    return not getattr(request, "is_preview", False)


def language_for(request):
    """The language LocaleMiddleware (further down) will choose, decided the same way: the
    address's prefix under i18n_patterns, else the default language or the reader's choice."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
    if i18n_patterns_used:
        from_path = translation.get_language_from_path(request.path_info)
        if from_path:
            return from_path
        if not prefixed_default_language:
            return settings.LANGUAGE_CODE
    return translation.get_language_from_request(request, check_path=i18n_patterns_used)


def key_for(request):
    """The page's key: host, path and query, and language. The stamp it was built under is
    kept with it and compared, so one key serves every stamp and old versions are replaced."""
    url = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page:{language_for(request)}:{digest}"


def lookup(key, request):
    """(the stamp now, the stored (stamp, page) or None): with the stamp in the cache, both in
    one round trip (Redis MGET) and no query; else the stamp from the database first."""
    if not publication.in_cache():
        return publication.current(), _call(_cache().get, key)
    if _is_down():  # while the shared cache is away, pages are served uncached
        return publication.fill(), None
    local = _local["pages"].get(key)
    if local is not None:
        if _confirmed_lately(request):
            return local[0], local
        # This process has the page: only the stamp crosses the network, never the page.
        shared = _call(_cache().get, publication.STAMP_KEY)
        if not _is_down():
            stamp = shared or publication.fill()
            publication.seen(stamp)
            _remember(stamp, key, None)
            if local[0] == stamp:
                return stamp, local
    found = _call(_cache().get_many, [publication.STAMP_KEY, key]) or {}
    stamp = found.get(publication.STAMP_KEY) or publication.fill()
    publication.seen(stamp)
    _remember(stamp, key, found.get(key))
    return stamp, found.get(key)


# Each process keeps its own copy of the pages it served last, under the stamp they were built
# under. It serves one without asking Redis for VEIVISER_PAGE_CACHE_LOCAL_SECONDS (0.1 s) after
# it last read the stamp there; after that, only when the stamp read on this very request is the
# same. So a publish reaches every process within that window (issue 13 asks for 1 s), the
# publishing process at once, and a fetch by the shared cache in front (Varnish marks its fetches
# with FILL_HEADER) always reads the stamp: Varnish never keeps a page older than its purge.
_local = {"stamp": None, "read": 0.0, "pages": {}}
LOCAL_PAGES = 200
FILL_HEADER = "HTTP_X_SHARED_CACHE_FILL"


def _confirmed_lately(request):
    window = settings.VEIVISER_PAGE_CACHE_LOCAL_SECONDS
    return (
        window > 0
        and time.monotonic() - _local["read"] < window
        and _local["stamp"] == publication.last_known()  # not if this process published since
        and FILL_HEADER not in request.META
    )


def forget():
    """Drop this process's own copies (tests: a rolled-back test leaves its stamp behind)."""
    _local.update(stamp=None, read=0.0, pages={})


def _remember(stamp, key, stored):
    if stamp != _local["stamp"]:
        _local["pages"] = {}
    _local["stamp"], _local["read"] = stamp, time.monotonic()
    if stored is not None and stored[0] == stamp:
        pages = _local["pages"]
        if len(pages) >= LOCAL_PAGES:
            pages.pop(next(iter(pages)))
        pages[key] = stored


def _is_down():
    """The cache failed a moment ago: here, or in the backend (core/cache.py answers as an empty
    cache while Redis is away, and marks itself down)."""
    now = time.monotonic()
    return now < _down_until[0] or now < getattr(_cache(), "_down_until", 0.0)


def _call(operation, *args):
    """A cache operation, or None when the cache fails (logged; not asked again for a while)."""
    if _is_down():
        return None
    try:
        return operation(*args)
    except Exception:  # any cache failure: serve uncached, never a 500
        logger.warning("Page cache unavailable; serving uncached", exc_info=True)
        _down_until[0] = time.monotonic() + getattr(settings, "VEIVISER_CACHE_RETRY_SECONDS", 5)
        return None


def _freeze(response):
    headers = [(k, v) for k, v in response.headers.items() if k.lower() != "set-cookie"]
    return {"status": response.status_code, "content": response.content, "headers": headers}


def _thaw(stored, request):
    response = HttpResponse(
        b"" if request.method == "HEAD" else stored["content"], status=stored["status"]
    )
    for name, value in stored["headers"]:
        response.headers[name] = value
    response.headers["X-Page-Cache"] = "hit"
    return response


def add_cache_headers(request, response):
    """Cache-Control for shared caches on anonymous pages; private for everyone else."""
    if "Cache-Control" in response.headers and not may_use(request):
        return response
    if may_use(request) and may_store(request, response):
        patch_cache_control(
            response,
            public=True,
            max_age=settings.VEIVISER_CACHE_MAX_AGE,
            stale_while_revalidate=settings.VEIVISER_CACHE_STALE_WHILE_REVALIDATE,
            stale_if_error=settings.VEIVISER_CACHE_STALE_IF_ERROR,
        )
    elif request.method in ("GET", "HEAD") and "Cache-Control" not in response.headers:
        patch_cache_control(response, private=True)
    return response


class PageCacheMiddleware:
    """Serves anonymous GET and HEAD requests from the page cache, and fills it.

    Sits just below WhiteNoise, above the sessions, the language and the request memo, so a
    hit costs what a static file costs plus one cache read; everything that could set a
    cookie runs below it, so what it stores is what the reader would have been sent.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (enabled() and may_use(request)):
            return add_cache_headers(request, self.get_response(request))
        key = key_for(request)
        stamp, stored = lookup(key, request)
        if stored is not None and stored[0] == stamp:
            return _thaw(stored[1], request)
        request.memo_seed = {"publication-stamp": stamp}  # read once per request (core/memo.py)
        response = add_cache_headers(request, self.get_response(request))
        if request.method == "GET" and may_store(request, response):
            if not response.has_header("ETag"):
                set_response_etag(response)  # here once, not by ConditionalGet on every hit
            response.headers["X-Page-Cache"] = "miss"
            until = publication.next_change(stamp)
            if until:  # a notice appears or goes then: Varnish keeps the page no longer
                response.headers["X-Cache-Until"] = http_date(until)
            stored = (stamp, _freeze(response))
            _call(_cache().set, key, stored, settings.VEIVISER_PAGE_CACHE_TIMEOUT)
            if publication.in_cache() and not _is_down():
                _remember(stamp, key, stored)
        return response
