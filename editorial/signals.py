"""Give a newly published guidance page its default «review by» date."""

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
