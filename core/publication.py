"""One stamp for «what readers can see may have changed», shared by every process via the database.

Per-process memos (the header menu, the search facets, the word list for typo correction) keep
what they built together with the stamp they built it under, and rebuild when it differs. Every
save or deletion that can change a public page (publishing, unpublishing, moving, deleting, view
restrictions, themes, municipalities, directorates, sites) sets a new random stamp in the same
transaction, so a change that is rolled back takes its stamp with it and no stamp comes twice.
Draft saves leave it alone. A change that sends no post_save to one of these models (a bulk
update, raw SQL, a save whose update_fields names only related rows) must call ``renew()``.
"""

import threading
import uuid

from django.db.models.signals import post_delete, post_save

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models

from . import frontend_cache, memo
from .models import PublicationStamp

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
_locks = {}


def current():
    """The stamp now: one primary-key query, once per request (core/memo.py)."""
    return memo.per_request("publication-stamp", _read)


def _read():
    stamp = PublicationStamp.objects.filter(pk=1).values_list("stamp", flat=True).first()
    if stamp is None:
        stamp = PublicationStamp.objects.get_or_create(pk=1)[0].stamp
    return stamp


def renew():
    memo.drop("publication-stamp")
    if not PublicationStamp.objects.filter(pk=1).update(stamp=uuid.uuid4()):
        PublicationStamp.objects.get_or_create(pk=1)
    frontend_cache.ban_on_commit()


def remembered(key, build):
    """``build()``, kept per process until the stamp changes.

    One thread builds while the others with the same key wait for its result, so a publish
    costs each process one rebuild, not one per thread.
    """
    stamp = current()
    entry = _memo.get(key)
    if entry is not None and entry[0] == stamp:
        return entry[1]
    with _locks.setdefault(key, threading.Lock()):
        entry = _memo.get(key)
        if entry is None or entry[0] != stamp:
            entry = (stamp, build())
            _memo[key] = entry
    return entry[1]


def forget():
    """Drop every memo (tests and benchmarks that write behind the ORM's back)."""
    _memo.clear()


def _saved(sender, instance, created=False, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return
    if created and issubclass(sender, BaseSiteSetting):
        return  # made with its defaults on a site's first request: nothing shows yet
    renew()


def _deleted(sender, instance, **kwargs):
    renew()


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
