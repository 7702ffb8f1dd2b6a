"""Ownership and review: which pages are due, and marking a page as reviewed."""

import datetime

from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import Page, Revision, get_page_models

from .models import OwnedPage

MARK_REVIEWED_ACTION = "editorial.mark_reviewed"
DUE_SOON_DAYS = 30
# annotation name: field of the guidance page, for ``with_review_fields``
REVIEW_ANNOTATIONS = {
    "owner_review_by": "review_by",
    "owner_last_reviewed": "last_reviewed",
    "owner_directorate_id": "directorate",
    "owner_directorate_name": "directorate__name",
    "owner_contact_name": "contact_name",
}


def one_year_after(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def today():
    return timezone.localdate()


def owned_page_models():
    return [model for model in get_page_models() if issubclass(model, OwnedPage)]


def with_review_fields(queryset=None):
    """``Page`` rows annotated with the ownership fields of whichever guidance type they are.

    Every guidance type has its own table; one LEFT JOIN per type keeps this a single query
    that can be filtered and ordered like any other.
    """
    queryset = Page.objects.all() if queryset is None else queryset
    lookups = [model._meta.model_name for model in owned_page_models()]
    annotations = {
        name: Coalesce(*[F(f"{lookup}__{field}") for lookup in lookups])
        for name, field in REVIEW_ANNOTATIONS.items()
    }
    is_guidance = Q()
    for lookup in lookups:
        is_guidance |= Q(**{f"{lookup}__isnull": False})
    return queryset.filter(is_guidance).annotate(**annotations)


def due_for_review(day=None, within_days=DUE_SOON_DAYS):
    """Live, non-alias guidance pages whose review date is past or within ``within_days``."""
    day = day or today()
    return (
        with_review_fields(Page.objects.live().filter(alias_of__isnull=True))
        .filter(owner_review_by__lte=day + datetime.timedelta(days=within_days))
        .select_related("locale")
        .order_by("owner_review_by", "path")
    )


@transaction.atomic
def mark_reviewed(page, user, day=None):
    """Record that the content of ``page`` (in every language) was checked on ``day``.

    No new revision is made: the page rows are updated in place, and so are their latest
    revisions, so that the next publish or the editor form does not bring the old dates back.
    """
    day = day or today()
    values = {"last_reviewed": day, "review_by": one_year_after(day)}
    model = page.specific_class
    versions = model.objects.filter(translation_key=page.translation_key)
    versions.update(**values)
    revision_ids = [pk for pk in versions.values_list("latest_revision_id", flat=True) if pk]
    for revision in Revision.objects.filter(pk__in=revision_ids):
        revision.content.update({key: value.isoformat() for key, value in values.items()})
        revision.save(update_fields=["content"])
    log(
        instance=page.specific,
        action=MARK_REVIEWED_ACTION,
        user=user,
        data={key: value.isoformat() for key, value in values.items()},
    )
    return values
