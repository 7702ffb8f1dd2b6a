"""The years a page's content belongs to, for the search's year facet.

Guidance written for a programme or a strategy belongs to its period (the factor framework to
2011–2020, from NOU 2011:15 to the end of «Bolig for velferd»), not to the day it was loaded
or published here. A page with a period is listed under each of its years; one without, under
no year, as its search hit shows none (search/hits.py), except an article, written for the
site, which is listed under the year it was first published.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]
# A period longer than this is a typing error, not guidance (and would flood the facet).
LONGEST_PERIOD = 30


def _period_panel(help_text):
    return MultiFieldPanel(
        [FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")])],
        heading=_("Period the content belongs to"),
        help_text=help_text,
    )


class ContentPeriodMixin(models.Model):
    period_start = models.PositiveSmallIntegerField(
        _("from year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The first year the content belongs to, e.g. a programme's first year."),
    )
    period_end = models.PositiveSmallIntegerField(
        _("to year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The last year. Empty: the first year only."),
    )

    has_period = True
    period_panels = [_period_panel(_("Empty: the search lists the page under no year."))]
    # An article is dated by its publishing when it states no period (articles.py).
    article_period_panels = [
        _period_panel(_("Empty: the search lists the page under the year it was first published."))
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        start, end = self.period_start, self.period_end
        if end is not None and start is None:
            raise ValidationError({"period_start": _("Give the first year too.")})
        if start is not None and end is not None:
            if end < start:
                raise ValidationError({"period_end": _("The last year comes before the first.")})
            if end - start >= LONGEST_PERIOD:
                raise ValidationError(
                    {
                        "period_end": _("A period is at most %(years)s years.")
                        % {"years": LONGEST_PERIOD}
                    }
                )

    @property
    def period_years(self):
        return period_years(self.period_start, self.period_end)


def period_years(start, end):
    """The years of a period, first to last; none without a first year."""
    if start is None:
        return []
    end = start if end is None or end < start else min(end, start + LONGEST_PERIOD - 1)
    return list(range(start, end + 1))
