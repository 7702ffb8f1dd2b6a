"""Give a newly published guidance page its default «review by» date; a new page's owning
directorate (``section_directorate``)."""

from django.dispatch import receiver

from wagtail.signals import page_published

from .models import OwnedPage
from .review import one_year_after, today


@receiver(page_published)
def default_review_date(sender, instance, **kwargs):
    if not isinstance(instance, OwnedPage) or instance.review_by:
        return
    review_by = one_year_after(today())
    # All languages of the page share the review date; an update() makes no new revision.
    type(instance).objects.filter(
        translation_key=instance.translation_key, review_by__isnull=True
    ).update(review_by=review_by)
    instance.review_by = review_by


def section_directorate(parent):
    """The owning directorate for a new page under ``parent``: the nearest of ``parent`` and its
    ancestors with an owning directorate, else the directorate whose groups (``grant_section``)
    hold that part of the tree. The page create form starts with it (guidance/forms.py)."""
    from django.contrib.auth.models import Group

    from wagtail.models import GroupPagePermission, Page

    from .models import Directorate
    from .roles import EDITOR, section_group_name

    ancestors = Page.objects.filter(
        path__in=[parent.path[: i * Page.steplen] for i in range(1, parent.depth + 1)]
    ).order_by("-depth")
    for ancestor in ancestors.specific():
        if getattr(ancestor, "directorate_id", None):
            return ancestor.directorate_id
    for ancestor_id in ancestors.values_list("pk", flat=True):
        groups = Group.objects.filter(
            pk__in=GroupPagePermission.objects.filter(page_id=ancestor_id).values("group_id")
        ).values_list("name", flat=True)
        for directorate in Directorate.objects.all():
            suffix = section_group_name(directorate.name, EDITOR)
            if any(name.lower() == suffix.lower() for name in groups):
                return directorate.pk
    return None
