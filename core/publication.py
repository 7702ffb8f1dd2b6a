"""One stamp for «what readers can see may have changed», shared by every process.

Per-process memos (the header menu, the search facets, the word list for typo correction) and
the page cache (core/page_cache.py) keep what they built under the stamp they built it under,
and build again when it differs. Every save or deletion that can change a public page
(publishing, unpublishing, moving, deleting, view restrictions, themes, municipalities,
directorates, sites) sets a new random stamp in the database in the same transaction, so a
change that is rolled back takes its stamp with it and no stamp comes twice. Draft saves leave
it alone. A change that sends no post_save to one of these models (a bulk update, raw SQL, a
save whose update_fields names only related rows) must call ``renew()``.

Where it is read. The database row is the truth. With a shared cache (Redis) the stamp is kept
there as well, so a request reads no table for it (a page-cache hit reads Redis only):
- after the renewing transaction commits, the renewing process writes the new stamp to the
  cache and reads the row again; if another publish committed in between it writes again, so
  the last write is always the last committed stamp, whatever order the processes run in;
- a reader that finds no stamp in the cache (Redis restarted, evicted, expired) reads the row
  and adds it only if still absent: a slow reader can never put back an older stamp over the
  one a publish wrote;
- inside the renewing transaction the row is read (its new stamp is not committed yet);
- the cached stamp expires after ``STAMP_TIMEOUT`` seconds, which bounds what a process
  killed between its commit and its cache write, or a Redis it could not reach, could leave.
Without a shared cache (each process its own memory) the row is read once per request.

The frame. What every page shows around its content (the locales, sites, view restrictions,
the menu of sections, the footer's directorates, the site settings) changes with far fewer
saves than the stamp. The stamp carries a second random part, the frame, renewed by every
change except saving or deleting a page below the sections (depth > ``FRAME_DEPTH``) that is
not being moved. Memos of the frame (``remembered(..., frame=True)``) are kept across a
publish of a guidance page, so the first request after it rebuilds only what depends on pages.
The frame is 48 random bits: the stamp must fit the 64 characters the search app stores.

Timed content (a notice's display period) changes what readers see with no save at all. Apps
register the boundaries of such periods (``timed()``); the stamp readers get is the row's
stamp plus the last boundary passed, and the cached stamp expires at the next boundary, so
every process builds afresh within a second of a notice appearing or disappearing. The stamp
names the next boundary too, so the page cache can tell Varnish to keep no page past it
(``next_change``).
"""

import logging
import math
import threading
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, transaction
from django.db.models import Subquery
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.http import base36_to_int, int_to_base36

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import pre_page_move

from . import frontend_cache, memo
from .models import PublicationStamp

logger = logging.getLogger(__name__)

STAMP_KEY = "veiviser:publication-stamp"
PERIOD_KEY = "veiviser:publication-period"  # the last boundary Varnish was banned for
STAMP_TIMEOUT = 60  # seconds: a page's max-age
FRAME_DEPTH = 3  # the root, the home pages and their children (the sections of the menu)
FRAME_LENGTH = 12  # hex digits of the frame kept in the stamp
SHARED_SECONDS = 24 * 3600  # memos kept in Django's cache (``remembered(..., shared=True)``)

# What saving a draft, locking or counting children writes: none of it is public.
DRAFT_FIELDS = frozenset(
    {
        "comments",
        "wagtail_admin_comments",
        "draft_title",
        "has_unpublished_changes",
        "latest_revision",
        "latest_revision_created_at",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
    }
)
_memo = {}
_per_page = {}  # memos of one page each (``per_page``): at most PER_PAGE_SIZE, oldest out
PER_PAGE_SIZE = 4096
_locks = {}
_keeping = threading.Lock()
_periods = []  # functions that list the boundaries of timed content (datetimes)
_known = {}  # this process: the last stamp read, and the periods of the row's stamp
_thread = threading.local()  # renewed: this thread's open transaction renewed the stamp


def _cache():
    return caches[getattr(settings, "VEIVISER_PAGE_CACHE_ALIAS", "default")]


def shared():
    """True when the stamp is kept in the cache: only a cache every process shares (Redis)."""
    setting = getattr(settings, "VEIVISER_SHARED_STAMP", None)
    return isinstance(_cache(), RedisCache) if setting is None else setting


def in_cache():
    """True when this request may take the stamp from the cache (``STAMP_KEY``)."""
    return shared() and not _renewed_here()


def current():
    """The stamp now, read once per request (core/memo.py): from the cache, else the row."""
    return memo.per_request("publication-stamp", _lookup)


def _lookup():
    if in_cache():
        stamp = _cache().get(STAMP_KEY)
        if stamp is not None:
            _known["stamp"] = stamp
            return stamp
        return fill()
    return _from_database()[0]


def next_change(stamp):
    """When timed content next appears or goes under ``stamp`` (Unix time), else None."""
    parts = str(stamp).split(".")
    return base36_to_int(parts[2]) if len(parts) == 3 and parts[2] else None


def frame_stamp():
    """The frame part of the stamp now (with the boundaries of timed content)."""
    stamp = current()
    _row, separator, rest = stamp.partition("~")
    return rest if separator else stamp


def last_known():
    """The stamp this process last read or wrote (its own publishes included)."""
    return _known.get("stamp")


def seen(stamp):
    """Note a stamp read from the cache by someone else (the page cache's MGET)."""
    _known["stamp"] = stamp


def fill():
    """The stamp from the row, added to the cache only if the cache has none."""
    stamp, timeout = _from_database()
    if timeout and in_cache():
        _cache().add(STAMP_KEY, stamp, timeout)
    return stamp


def _from_database():
    """(stamp, seconds the cache may keep it); while the database is down, the last stamp this
    process read, so readers still get the pages cached under it (nothing can be published)."""
    try:
        row, last, following = _read()
    except DatabaseError:
        if "stamp" not in _known:
            raise
        logger.warning("Database unavailable; carrying on under the last publication stamp")
        return _known["stamp"], None
    stamp = row
    if last or following:  # the next boundary too: the HTTP caches keep no page past it
        # Unix seconds in base 36 (6 digits each): with the frame, the stamp is 63 characters,
        # within the 64 the search app stores.
        stamp += "." + (int_to_base36(int(last.timestamp())) if last else "")
        stamp += "." + (int_to_base36(math.ceil(following.timestamp())) if following else "")
    timeout = STAMP_TIMEOUT
    if following:
        timeout = min(timeout, math.ceil((following - timezone.now()).total_seconds()))
    _known["stamp"] = stamp
    _announce(last)
    return stamp, max(timeout, 1)


def _read():
    """(the row's stamp and frame, the last boundary of timed content passed, the next):
    one query."""
    now, boundaries = timezone.now(), {}
    for number, source in enumerate(_periods):
        queryset, fields = source()
        for field in fields:
            passed, coming = (
                queryset.filter(**{f"{field}__lte": now}),
                queryset.filter(**{f"{field}__gt": now}),
            )
            boundaries[f"last_{number}_{field}"] = Subquery(
                passed.order_by(f"-{field}").values(field)[:1]
            )
            boundaries[f"next_{number}_{field}"] = Subquery(
                coming.order_by(field).values(field)[:1]
            )
    row = (
        PublicationStamp.objects.filter(pk=1)
        .annotate(**boundaries)
        .values("stamp", "frame", *boundaries)
        .first()
    )
    if row is None:
        PublicationStamp.objects.get_or_create(pk=1)
        return _read()
    last = [value for name, value in row.items() if name.startswith("last_") and value]
    following = [value for name, value in row.items() if name.startswith("next_") and value]
    stamp = f"{row['stamp']}~{row['frame'].hex[:FRAME_LENGTH]}"
    return stamp, max(last, default=None), min(following, default=None)


def timed(source):
    """Register ``source()``: (a queryset, the names of its datetime fields) at which timed
    content (a notice's display period) starts or stops being shown. The stamp changes as each
    one passes; they are read in the same query as the stamp."""
    if source not in _periods:
        _periods.append(source)


def _announce(last):
    """A display period began or ended: Varnish keeps pages for an hour,
    so ban it, once (with Redis: by the first process to read the row after the boundary)."""
    if not getattr(settings, "VARNISH_URL", ""):
        return
    marker = str(last)  # a publish that changes it bans anyway
    if shared():
        if _cache().get(PERIOD_KEY) == marker:
            return
        _cache().set(PERIOD_KEY, marker, None)
    else:
        previous, _known["period"] = _known.get("period"), marker
        if previous in (None, marker):
            return
    frontend_cache.ban_everything()


def renew(frame=True):
    """A new stamp; with ``frame`` (unless only a page below the sections changed) a new frame."""
    memo.drop("publication-stamp")
    new = {"stamp": uuid.uuid4(), **({"frame": uuid.uuid4()} if frame else {})}
    if not PublicationStamp.objects.filter(pk=1).update(**new):
        PublicationStamp.objects.get_or_create(pk=1)
    _thread.renewed = True
    transaction.on_commit(_share)
    frontend_cache.ban_on_commit()


def _renewed_here():
    """True inside a transaction that renewed the stamp: the cache holds the old one."""
    if getattr(_thread, "renewed", False):
        if transaction.get_connection().in_atomic_block:
            return True
        _thread.renewed = False  # committed (_share ran) or rolled back: the row says which
    return False


def _share():
    """After the commit: the committed stamp into the cache, checked against the row again so
    that a publish committed meanwhile in another process is never overwritten."""
    if not getattr(_thread, "renewed", False):
        return  # one renewing transaction, several renewals: written once
    _thread.renewed = False
    if not shared():
        return
    try:
        for _attempt in range(5):
            stamp, timeout = _from_database()
            if timeout is None:
                break  # the database went away: readers fill the cache from the row later
            _cache().set(STAMP_KEY, stamp, timeout)
            if stamp.startswith(_read()[0]):
                return
    except DatabaseError:
        logger.warning("Database unavailable after a publish; the stamp is read from it later")
    _cache().delete(STAMP_KEY)  # readers fill it from the row


def remembered(key, build, frame=False, carry=None, shared=False, per_page=False):
    """``build()``, kept per process until the stamp changes (with ``frame``: the frame).
    With ``carry``, ``carry(value, stamp it was built under)`` is asked first after a change:
    the value to keep (updated, or as it is), or None to build anew. With ``shared`` the value
    is kept in Django's cache too, under its stamp, for the other processes (and a process
    with nothing in memory carries over the newest one there).

    One thread builds while the others with the same key wait for its result, so a publish
    costs each process one rebuild, not one per thread. Memos of one page each (``per_page``:
    the head's links) are kept apart, at most ``PER_PAGE_SIZE``, the oldest built out first, so
    a crawler going through every page never pushes out the menu or the facets.
    """
    stamp = frame_stamp() if frame else current()
    store = _per_page if per_page else _memo
    entry = store.get(key)
    if entry is not None and entry[0] == stamp:
        return entry[1]
    with _locks.setdefault(key, threading.Lock()):
        entry = store.get(key)
        if entry is None or entry[0] != stamp:
            entry = (stamp, _made(key, stamp, build, carry, shared, entry))
            _keep(store, key, entry)
    return entry[1]


def _keep(store, key, entry):
    with _keeping:
        store.pop(key, None)  # built again: now the newest
        while store is _per_page and len(store) >= PER_PAGE_SIZE:
            oldest = next(iter(store))
            del store[oldest]
            _locks.pop(oldest, None)  # a thread waiting on it merely builds it again
        store[key] = entry


def _made(key, stamp, build, carry, shared, entry):
    """The value of a memo under ``stamp``: another process's (``shared``), else carried over
    from the one before, else built."""
    shared_cache = _cache()  # the one the stamp is kept in
    name = "veiviser-memo:" + ":".join(map(str, key if isinstance(key, tuple) else (key,)))
    if shared:
        value = shared_cache.get(f"{name}:{stamp}")
        if value is not None:
            return value
        if entry is None and carry and (latest := shared_cache.get(f"{name}:latest")) is not None:
            entry = (latest, shared_cache.get(f"{name}:{latest}"))
    if carry and entry is not None and entry[1] is not None:
        kept = carry(entry[1], entry[0])
        if kept is not None:
            return kept  # not written again: the others carry over the same one
    value = build()
    if shared:
        shared_cache.set(f"{name}:{stamp}", value, SHARED_SECONDS)
        shared_cache.set(f"{name}:latest", stamp, SHARED_SECONDS)
    return value


def forget():
    """Drop every memo (tests and benchmarks that write behind the ORM's back)."""
    _memo.clear()
    _per_page.clear()


def _frame_changes(sender, instance):
    """Whether a save or deletion of ``instance`` can change the frame: anything but a page
    below the sections that is not being moved (a move changes the paths of restrictions)."""
    if not issubclass(sender, Page):
        return True
    if getattr(_thread, "moving", None) == instance.pk:
        _thread.moving = None
        return True
    return instance.depth is None or instance.depth <= FRAME_DEPTH


def _saved(sender, instance, created=False, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return
    if created and issubclass(sender, BaseSiteSetting):
        return  # made with its defaults on a site's first request: nothing shows yet
    renew(_frame_changes(sender, instance))


def _deleted(sender, instance, **kwargs):
    renew(_frame_changes(sender, instance))


def _moving(sender, instance, **kwargs):
    """Sent before the move's transaction: its closing save of the page renews the frame."""
    _thread.moving = instance.pk


def connect(watched_models=()):
    """Renew the stamp on changes to pages and to each of ``watched_models``.

    Core connects pages, sites, locales and view restrictions; each app connects the models
    of its own that readers see (themes, directorates, notices, site settings).

    Receivers are connected per model: one listening to every model's deletions would stop
    Django from deleting anything (sessions, log entries, index rows) in bulk. A move ends in
    saving the moved page; its descendants' paths change with it.
    """
    for model in {Page, *get_page_models(), PageViewRestriction, Site, Locale, *watched_models}:
        uid = f"publication-{model._meta.label_lower}"
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-deleted")
    pre_page_move.connect(_moving, dispatch_uid="publication-page-move")
