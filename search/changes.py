"""Which pages changed between two publication stamps, so facets are updated, not rebuilt.

Each save or deletion of a page that renews the stamp (core/publication.py) writes a
``PageChange`` in the same transaction: the stamp before, the stamp after and the page. A
process holding facet bitmaps built under stamp A that now reads stamp B follows the rows from
A to B; when they chain unbroken, it reads only those pages again (``FacetData.for_locale``).

Whatever else renews the stamp writes no row and so breaks the chain: a theme, a municipality,
a view restriction, a bulk change that calls ``renew()`` itself. So does a move (its row names
no page: the descendants moved with it) and a publish raced by another one. The bitmaps are
then built in full, as before.
"""

import threading
from datetime import timedelta

from django.db.models import Subquery
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from wagtail.models import Page, get_page_models
from wagtail.signals import pre_page_move

from core import memo, publication
from core.publication import DRAFT_FIELDS

from .models import PageChange

MAX_PAGES = 200  # more changed pages than this: building in full costs about as much
KEPT_FOR = timedelta(days=2)
_state = threading.local()


def _renews(update_fields):
    """Whether core/publication.py renews the stamp for a save with these ``update_fields``."""
    return not (update_fields and set(update_fields) <= DRAFT_FIELDS)


def _before(sender, instance, update_fields=None, **kwargs):
    if _renews(update_fields):
        _state.before = str(publication.current())


def _after(sender, instance, update_fields=None, **kwargs):
    if not _renews(update_fields):
        return
    moved = getattr(_state, "moving", None) == instance.pk
    _state.moving = None
    # Receivers run in the order they were connected: core's renewal has run already.
    before, after = getattr(_state, "before", None), str(publication.current())
    if before is None or before == after:
        return
    PageChange.objects.create(previous=before, stamp=after, page_id=None if moved else instance.pk)
    # The deletion of a subtree sends every pre_delete first: the next row follows on this one.
    _state.before = after


def _moving(sender, instance, **kwargs):
    _state.moving = instance.pk


def pages_changed(since, now):
    """The ids of the pages changed from stamp ``since`` to stamp ``now``, or None when the
    rows do not say (a change that wrote none, a move, more than ``MAX_PAGES`` pages).
    Read once per request: the facets and SQLite's map of index entries ask the same."""
    since, now = str(since), str(now)
    return memo.per_request(("pages-changed", since, now), lambda: _pages_changed(since, now))


def _pages_changed(since, now):
    first = PageChange.objects.filter(previous=since).order_by("id").values("id")[:1]
    rows = (
        PageChange.objects.filter(id__gte=Subquery(first))
        .order_by("id")
        .values_list("previous", "stamp", "page_id")[: MAX_PAGES + 1]
    )
    pages, expected = set(), since
    for previous, stamp, page_id in rows:
        if previous != expected or page_id is None:
            return None
        pages.add(page_id)
        if stamp == now:
            return pages
        expected = stamp
    return None


def prune():
    """Forget rows older than ``KEPT_FOR``: a process that old builds its facets in full."""
    PageChange.objects.filter(created_at__lt=timezone.now() - KEPT_FOR).delete()


def connect():
    """Write a row for each page save or deletion; connected after core's renewal (the search
    app comes after core in INSTALLED_APPS), so the stamp after it is the new one."""
    for model in {Page, *get_page_models()}:
        uid = f"veiviser-page-change-{model._meta.label_lower}"
        pre_save.connect(_before, sender=model, dispatch_uid=f"{uid}-pre-save")
        post_save.connect(_after, sender=model, dispatch_uid=f"{uid}-saved")
        pre_delete.connect(_before, sender=model, dispatch_uid=f"{uid}-pre-delete")
        post_delete.connect(_after, sender=model, dispatch_uid=f"{uid}-deleted")
    pre_page_move.connect(_moving, dispatch_uid="veiviser-page-change-move")
