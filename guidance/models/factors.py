"""The six success factors and the activities under each."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from guidance.blocks import GuidanceStreamBlock

from .base import GuidancePage, ThemedGuidancePage, live_in_locale


class FactorIndexPage(GuidancePage):
    """«Suksessfaktorer»: why the factors matter and where they come from."""

    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(GuidanceStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = GuidancePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = GuidancePage.search_fields + [
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
    ]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["guidance.FactorPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("success factor overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["factors"] = FactorPage.with_activities(self.locale, parent=self)
        return context


class FactorPage(GuidancePage):
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
    ]
    search_fields = GuidancePage.search_fields + [
        index.SearchField("desired_state", boost=1.5),
        index.SearchField("body"),
        index.FilterField("number"),
    ]

    parent_page_types = ["guidance.FactorIndexPage"]
    subpage_types = ["guidance.ActivityPage"]
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
            by_parent_path.setdefault(activity.path[: -cls.steplen], []).append(activity)
        for factor in factors:
            factor.activity_list = by_parent_path.get(factor.path, [])
        return factors

    def activities(self):
        return live_in_locale(ActivityPage, self.locale).child_of(self).order_by("path")

    def get_context(self, request, *args, **kwargs):
        from cases.models import CaseStudyPage

        from .articles import ArticlePage
        from .quotes import QuotePage

        context = super().get_context(request, *args, **kwargs)
        context["activities"] = self.activities()
        # The newest few of each kind; the search, filtered on this factor, has the rest.
        linked = {
            "quotes": QuotePage.linked_to_factor(self)
            .select_related("municipality")
            .order_by("-first_published_at", "-pk"),
            "articles": ArticlePage.linked_to_factor(self).order_by("-first_published_at", "-pk"),
            "case_studies": CaseStudyPage.linked_to_factor(self).order_by("-year", "-pk"),
        }
        for name, pages in linked.items():
            context[name] = list(pages[: self.LINKED_PER_SECTION])
            context[f"{name}_total"] = pages.count()
        return context


class ActivityPage(ThemedGuidancePage):
    """One activity that helps a municipality reach the factor's desired state."""

    summary = models.TextField(_("summary"), help_text=_("The activity in one or two sentences."))
    body = StreamField(
        GuidanceStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("How to do it: methods, tools and links."),
    )

    content_panels = ThemedGuidancePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("themes"),
    ]
    search_fields = ThemedGuidancePage.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
    ]

    parent_page_types = ["guidance.FactorPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def localized_factors(self):
        # An activity belongs to the factor it sits under.
        return live_in_locale(FactorPage, self.locale).filter(path=self.path[: -self.steplen])
