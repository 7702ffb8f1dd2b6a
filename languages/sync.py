"""Keep the bokmål and nynorsk page trees in step.

Every page exists in both languages: a page written in one language gets an alias in the other,
which shows the original text until someone translates it with wagtail-localize. wagtail-localize's
own ``LocaleSynchronization`` syncs one direction only (and its ``after_create_page`` hook would
collide with a sync back), so Veiviser does not configure it and syncs both directions here, from
the admin hooks in ``website/wagtail_hooks.py`` and from the demo loader.
"""

import logging

from django.db import transaction

from wagtail.models import Locale, Page

logger = logging.getLogger(__name__)


def missing_locales(page):
    """The locales in which ``page`` has no page (translation or alias) yet."""
    present = Page.objects.filter(translation_key=page.translation_key).values("locale_id")
    return Locale.objects.exclude(pk__in=present).order_by("pk")


def ensure_counterparts(page):
    """Give ``page`` an alias in every language it is missing from; return the new aliases.

    Missing ancestors are created too (as aliases), so the alias always has a parent.
    """
    if page.depth < 2:  # the tree root belongs to no language
        return []
    created = []
    with transaction.atomic():
        for locale in missing_locales(page):
            alias = page.copy_for_translation(locale, copy_parents=True, alias=True)
            logger.info("Created %s alias %s of page %s", locale.language_code, alias.pk, page.pk)
            created.append(alias)
    return created


def ensure_subtree_counterparts(page):
    """``ensure_counterparts`` for ``page`` and all its descendants, parents first."""
    created = []
    for descendant in page.get_descendants(inclusive=True).order_by("path"):
        created += ensure_counterparts(descendant)
    return created


def synchronise_trees():
    """Every original page below the site roots exists in every language.

    Returns the number of aliases created. Used by the demo loader; safe to run any time.
    """
    created = 0
    originals = Page.objects.filter(depth__gt=1, alias_of__isnull=True).order_by("depth", "path")
    for page in originals:
        created += len(ensure_counterparts(page))
    return created


def follow_move(page):
    """After ``page`` moved, move its counterparts under the new parent's counterparts."""
    parent = page.get_parent()
    counterparts = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    new_parents = {
        p.locale_id: p
        for p in Page.objects.filter(translation_key=parent.translation_key).exclude(pk=parent.pk)
    }
    moved = []
    for counterpart in counterparts:
        new_parent = new_parents.get(counterpart.locale_id)
        if new_parent is None or counterpart.get_parent().pk == new_parent.pk:
            continue
        counterpart.move(new_parent, pos="last-child")
        moved.append(counterpart)
    return moved
