"""What changed lately: the live, public guidance a feed or «Hva er nytt» lists, newest first.

Aliases (pages that exist only in the other written form) are included: a nynorsk reader is
told of a bokmål page too, marked with its language.
"""

from django.db.models import Q, Subquery
from django.db.models.functions import Coalesce

from guidance.content_types import linked_to_factors, linked_to_themes, searchable_pages
from guidance.models import ActivityPage, FactorPage, Theme
from guidance.models.base import live_in_locale

FEED_LENGTH = 30


def changed_at(page):
    """When a page last changed for readers. An alias made after its source was published has
    no publishing dates of its own until the source is published again."""
    return page.last_published_at or page.first_published_at or page.latest_revision_created_at


def recent_pages(locale):
    """Every searchable page in ``locale``, most recently changed first (a Page queryset)."""
    return (
        searchable_pages(locale)
        .annotate(
            changed_at=Coalesce(
                "last_published_at", "first_published_at", "latest_revision_created_at"
            )
        )
        .exclude(changed_at=None)
        .order_by("-changed_at", "-pk")
    )


def factor_pages(factor):
    """The factor itself, its activities and the content linked to it, newest first."""
    activities = live_in_locale(ActivityPage, factor.locale).child_of(factor).values("pk")
    condition = Q(pk=factor.pk) | Q(pk__in=Subquery(activities))
    return recent_pages(factor.locale).filter(
        condition | linked_to_factors([factor.translation_key])
    )


def theme_pages(theme):
    """The pages linked to ``theme`` in its language, newest first."""
    return recent_pages(theme.locale).filter(linked_to_themes([theme.translation_key]))


def live_factor(locale, slug):
    return live_in_locale(FactorPage, locale).filter(slug=slug).first()


def live_theme(locale, slug):
    return Theme.objects.filter(locale=locale, slug=slug, live=True).first()
