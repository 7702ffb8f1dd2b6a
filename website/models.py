"""Site-level models: the home page and the settings shared by every page."""

import copy

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Page,
    RevisionMixin,
    Site,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core import publication
from core.pages import route_in_one_query
from guidance.blocks import GuidanceStreamBlock
from guidance.models import FactorPage, GuidancePage, Theme
from guidance.models.base import live_in_locale


class HomePage(GuidancePage):
    accepts_feedback = False  # it leads on to the guidance; readers rate the pages themselves

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    featured = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        verbose_name=_("featured content"),
        blank=True,
        max_num=6,
    )

    content_panels = GuidancePage.content_panels + [FieldPanel("intro"), FieldPanel("featured")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "guidance.FactorIndexPage",
        "guidance.QuoteIndexPage",
        "guidance.ArticleIndexPage",
        "cases.CaseStudyIndexPage",
        "guidance.ProcessIndexPage",
        "glossary.GlossaryPage",
        "assessment.AssessmentPage",
        "website.InformationPage",
    ]
    max_count_per_parent = 1
    teaser_field = "intro"

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        # The whole path in one query instead of one per level (core/pages.py).
        found = route_in_one_query(self, request, path_components)
        return found if found is not None else super().route(request, path_components)

    def localized_featured(self):
        """The featured pages in this page's language, in the editor's order."""
        chosen_ids = [block["value"] for block in self.featured.raw_data if block["value"]]
        if not chosen_ids:
            return []
        key_by_pk = dict(
            Page.objects.filter(pk__in=chosen_ids).values_list("pk", "translation_key")
        )
        order = {key_by_pk[pk]: i for i, pk in enumerate(chosen_ids) if pk in key_by_pk}
        pages = (
            Page.objects.live()
            .public()
            .filter(locale_id=self.locale_id, translation_key__in=list(order))
            .specific(defer=True)
        )
        return sorted(pages, key=lambda page: order.get(page.translation_key, 0))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["factors"] = live_in_locale(FactorPage, self.locale).order_by("number")
        context["featured"] = self.localized_featured()
        # The reader's themes, also where the home page is shown untranslated.
        context["themes"] = Theme.objects.filter(locale=Locale.get_active(), live=True)
        return context


class InformationPage(GuidancePage):
    """A plain content page about the site itself, e.g. the accessibility statement."""

    lead = models.TextField(_("lead"), blank=True)
    body = StreamField(GuidanceStreamBlock(), verbose_name=_("body"))

    content_panels = GuidancePage.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = GuidancePage.search_fields + [
        index.SearchField("lead", boost=1.5),
        index.SearchField("body"),
    ]
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    teaser_field = "lead"

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")


@register_snippet
class Notice(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model
):
    """The «Viktig informasjon» banner; translated like any other snippet.

    Changes go live through the «Godkjenning» workflow; only a ``live`` notice is shown.
    """

    title = models.CharField(_("title"), max_length=200, default=_("Important information"))
    text = RichTextField(_("text"), features=["bold", "italic", "link"])
    shown_from = models.DateTimeField(
        _("shown from"), null=True, blank=True, help_text=_("Empty: as soon as it is published.")
    )
    shown_until = models.DateTimeField(
        _("shown until"),
        null=True,
        blank=True,
        help_text=_("Empty: until it is removed from the site settings."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel("shown_from"), FieldPanel("shown_until")], heading=_("Display period")
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.shown_from and self.shown_until and self.shown_until <= self.shown_from:
            raise ValidationError(
                {"shown_until": _("The notice must end after it starts.")}, code="period"
            )

    def is_current(self, now=None):
        """True while the display period lasts (an open end lasts for ever)."""
        now = now or timezone.now()
        starts, ends = self.shown_from, self.shown_until
        return (starts is None or starts <= now) and (ends is None or now < ends)


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("Shown as «Har du spørsmål? Send en e-post til …» on every page."),
    )
    notice = models.ForeignKey(
        Notice,
        verbose_name=_("notice banner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown at the top of every page, in the reader's language, during its display "
            "period. Empty: no banner."
        ),
    )

    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page, in the reader's language."),
    )

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("notice"),
        FieldPanel("accessibility_statement"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_request(cls, request):
        """The site's settings for a page view: read once per process under the stamp, and
        a copy per request (editing forms in the admin go through ``for_site``)."""
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        kept = publication.remembered(
            ("site-settings", site.pk), lambda: cls.for_site(site), frame=True, shared=True
        )
        site_settings = copy.copy(kept)
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings
