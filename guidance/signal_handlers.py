"""Keep the search index of themed pages in step with their themes.

Wagtail indexes a page as its row is saved; modelcluster writes the chosen themes after that
(sending m2m_changed), so the page is indexed again once its themes changed. A theme that is
published, renamed, unpublished or deleted changes the words of the pages of its language that
are linked to it (in any language: links follow the translation key).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from wagtail.search.backends import get_search_backends

from core.publication import DRAFT_FIELDS

from .models import Theme
from .models.base import ThemeLinkedPage

LINKS_CHANGED = ("post_add", "post_remove", "post_clear")


def themed_models():
    found, todo = [], list(ThemeLinkedPage.__subclasses__())
    while todo:
        model = todo.pop()
        todo.extend(model.__subclasses__())
        if not model._meta.abstract:
            found.append(model)
    return found


def reindex(model, pages):
    pages = list(pages)
    if pages:
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, pages)


def pages_showing(theme):
    """The pages whose theme names include ``theme``'s: its language, linked in any language."""
    return {
        model: list(
            model.objects.filter(
                locale_id=theme.locale_id, themes__translation_key=theme.translation_key
            ).distinct()
        )
        for model in themed_models()
    }


def themes_changed(sender, instance, action, reverse, **kwargs):
    if action in LINKS_CHANGED and not reverse and isinstance(instance, ThemeLinkedPage):
        reindex(type(instance), [instance])


def theme_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return  # a draft, a lock or a workflow step: the live name is unchanged
    for model, pages in pages_showing(instance).items():
        reindex(model, pages)


def theme_deleting(sender, instance, **kwargs):
    instance._pages_showing = pages_showing(instance)


def theme_deleted(sender, instance, **kwargs):
    for model, pages in getattr(instance, "_pages_showing", {}).items():
        reindex(model, pages)


def connect():
    for model in themed_models():
        m2m_changed.connect(
            themes_changed,
            sender=model.themes.through,
            dispatch_uid=f"guidance-reindex-{model._meta.label_lower}-themes",
        )
    post_save.connect(theme_saved, sender=Theme, dispatch_uid="guidance-reindex-theme-saved")
    pre_delete.connect(theme_deleting, sender=Theme, dispatch_uid="guidance-theme-deleting")
    post_delete.connect(theme_deleted, sender=Theme, dispatch_uid="guidance-theme-deleted")
