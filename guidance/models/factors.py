"""The six success factors and the activities under each."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Window
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core import publication
from guidance import content_types, serializers
from guidance.blocks import GuidanceStreamBlock

from .base import GuidancePage, ThemeLinkedPage, live_in_locale
from .period import ContentPeriodMixin


class FactorIndexPage(ContentPeriodMixin, GuidancePage):
    """«Suksessfaktorer»: why the factors matter and where they come from."""

    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(GuidanceStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = (
        GuidancePage.content_panels
        + [FieldPanel("intro"), FieldPanel("body")]
        + ContentPeriodMixin.period_panels
    )
    search_fields = GuidancePage.search_fields + [
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
    ]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["guidance.FactorPage"]
    max_count_per_parent = 1
    teaser_field = "intro"

    class Meta:
        verbose_name = _("success factor overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["factors"] = FactorPage.with_activities(self.locale, parent=self)
        return context


@dataclass
class LinkedSection:
    """One content type's pages on a factor page: the newest few, and the total."""

    model: type
    pages: list
    total: int

    @property
    def search_key(self):
        return self.model.search_key

    @property
    def heading(self):
        return self.model.factor_section_heading

    @property
    def card_template(self):
        return self.model.card_template

    @property
    def card_grid_class(self):
        return self.model.card_grid_class

    @property
    def more(self):
        return self.total > len(self.pages)

    @property
    def see_all(self):
        return self.model.see_all_label(self.total)


class FactorPage(ContentPeriodMixin, GuidancePage):
    """One success factor: its number, its desired state, and everything linked to it."""

    number = models.PositiveSmallIntegerField(
        _("number"),
        validators=[MinValueValidator(1), MaxValueValidator(6)],
        help_text=_("The factor's number, 1 to 6, as in «Bolig for velferd»."),
    )
    desired_state = models.TextField(
        _("desired state"),
        help_text=_("One sentence that describes the desired state («ønsket tilstand»)."),
    )
    body = StreamField(GuidanceStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = GuidancePage.content_panels + [
        FieldPanel("number"),
        FieldPanel("desired_state"),
        FieldPanel("body"),
        *ContentPeriodMixin.period_panels,
    ]
    search_fields = GuidancePage.search_fields + [
        index.SearchField("desired_state", boost=1.5),
        index.SearchField("body"),
        index.FilterField("number"),
    ]
    api_fields = [
        APIField("number"),
        APIField("desired_state"),
        APIField("activities", serializer=serializers.activities_field()),
    ]

    parent_page_types = ["guidance.FactorIndexPage"]
    subpage_types = ["guidance.ActivityPage"]
    search_key = "factor"
    teaser_field = "desired_state"
    listing_label = _("Success factors")
    listing_position = 10
    LINKED_PER_SECTION = 6  # quotes, articles and case studies shown on the page, each

    class Meta:
        verbose_name = _("success factor")
        verbose_name_plural = _("success factors")

    def clean(self):
        super().clean()
        if self.number is None or not self.locale_id:
            return
        taken = (
            FactorPage.objects.filter(locale_id=self.locale_id, number=self.number)
            .exclude(translation_key=self.translation_key)
            .exists()
        )
        if taken:
            raise ValidationError(
                {
                    "number": _("Another success factor in this language already has number %(n)s.")
                    % {"n": self.number}
                }
            )

    @classmethod
    def in_locale(cls, locale):
        """The live, public factors of ``locale`` by number: six or so, kept under the stamp."""
        return publication.remembered(
            ("live-factors", locale.pk),
            lambda: list(live_in_locale(cls, locale).order_by("number")),
        )

    @classmethod
    def with_activities(cls, locale, parent=None):
        """The factors in ``locale``, each with ``.activity_list``, in two queries."""
        factors = live_in_locale(cls, locale).order_by("number")
        activities = live_in_locale(ActivityPage, locale).order_by("path")
        if parent is not None:
            factors = factors.child_of(parent)
            activities = activities.descendant_of(parent)
        factors = list(factors)
        by_parent_path = {}
        for activity in activities:
            by_parent_path.setdefault(ActivityPage.factor_path_of(activity.path), []).append(
                activity
            )
        for factor in factors:
            factor.activity_list = by_parent_path.get(factor.path, [])
        return factors

    def activities(self):
        return live_in_locale(ActivityPage, self.locale).child_of(self).order_by("path")

    def linked_sections(self):
        """The newest few of each content type linked to this factor, and how many there are.

        The types come from the registry (guidance.content_types), so this page lists case
        studies without knowing the cases app. The search, filtered on the factor, has the rest.
        """
        sections = []
        for model in content_types.factor_linked_models():
            # One query for the newest few and the total (a window count over every match).
            pages = list(
                model.linked_to_factor(self).annotate(listed_total=Window(Count("pk")))[
                    : self.LINKED_PER_SECTION
                ]
            )
            sections.append(LinkedSection(model, pages, pages[0].listed_total if pages else 0))
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The same for every reader until something is published: kept per process under the
        # publication stamp, so an uncached factor page costs no listing queries.
        context["activities"], context["linked_sections"] = publication.remembered(
            ("factor-listings", self.pk),
            lambda: (list(self.activities()), self.linked_sections()),
        )
        return context


class ActivityPage(ContentPeriodMixin, ThemeLinkedPage):
    """One activity that helps a municipality reach the factor's desired state."""

    summary = models.TextField(_("summary"), help_text=_("The activity in one or two sentences."))
    body = StreamField(
        GuidanceStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("How to do it: methods, tools and links."),
    )

    content_panels = ThemeLinkedPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("themes"),
        *ContentPeriodMixin.period_panels,
    ]
    search_fields = ThemeLinkedPage.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("factors", serializer=serializers.factors_field()),
        *ThemeLinkedPage.api_fields,
    ]

    parent_page_types = ["guidance.FactorPage"]
    subpage_types = []
    search_key = "activity"
    teaser_field = "summary"
    listing_label = _("Activities")
    listing_position = 20

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    @classmethod
    def factor_path_of(cls, path):
        """The tree path of the factor an activity at ``path`` sits under."""
        return path[: -cls.steplen]

    def localized_factors(self):
        # An activity belongs to the factor it sits under.
        path = self.factor_path_of(self.path)
        return [factor for factor in FactorPage.in_locale(self.locale) if factor.path == path]
