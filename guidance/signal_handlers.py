"""Keep the search index of themed pages in step with their themes.

A page's themes are saved after the page row, so Wagtail's index of a page (made as the row
is saved) lacks the themes just chosen; and a theme that is published, renamed, unpublished
or deleted changes the words of every page linked to it, in every language.
"""

from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published

from .models import Theme
from .models.base import ThemedGuidancePage

DRAFT_FIELDS = frozenset({"latest_revision", "has_unpublished_changes", "locked", "locked_at"})


def all_themed_models():
    found, todo = [], list(ThemedGuidancePage.__subclasses__())
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


def pages_linked_to(translation_key):
    return {
        model: list(model.objects.filter(themes__translation_key=translation_key).distinct())
        for model in all_themed_models()
    }


def page_published_handler(sender, instance, **kwargs):
    if isinstance(instance, ThemedGuidancePage):
        reindex(type(instance), [instance])


def theme_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return  # a draft: the live name is unchanged
    for model, pages in pages_linked_to(instance.translation_key).items():
        reindex(model, pages)


def theme_deleting(sender, instance, **kwargs):
    instance._linked_pages = pages_linked_to(instance.translation_key)


def theme_deleted(sender, instance, **kwargs):
    for model, pages in getattr(instance, "_linked_pages", {}).items():
        reindex(model, (page for page in pages if page.pk))


def connect():
    page_published.connect(page_published_handler, dispatch_uid="guidance-reindex-published")
    post_save.connect(theme_saved, sender=Theme, dispatch_uid="guidance-reindex-theme-saved")
    pre_delete.connect(theme_deleting, sender=Theme, dispatch_uid="guidance-theme-deleting")
    post_delete.connect(theme_deleted, sender=Theme, dispatch_uid="guidance-theme-deleted")
