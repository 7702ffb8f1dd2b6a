"""Case studies, reports and municipal examples."""

import datetime
import re

from modelcluster.fields import ParentalManyToManyField

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from guidance import serializers
from guidance.blocks import RICH_TEXT_FEATURES
from guidance.models import FactorLinkedPage
from guidance.models.base import ListingIndexPage

EARLIEST_YEAR = 1945
AUTHOR_SEPARATORS = re.compile(r",|;|\s+(?:og|and|&)\s+")


def validate_year(value):
    latest = datetime.date.today().year + 1
    if not EARLIEST_YEAR <= value <= latest:
        raise ValidationError(
            _("Give a year between %(first)s and %(last)s.")
            % {"first": EARLIEST_YEAR, "last": latest}
        )


def people(names):
    """«A. Aas, B. Berg og C. Crow» → three schema.org Person objects."""
    return [
        {"@type": "Person", "name": name.strip()}
        for name in AUTHOR_SEPARATORS.split(names)
        if name.strip()
    ]


class CaseStudyIndexPage(ListingIndexPage):
    subpage_types = ["cases.CaseStudyPage"]
    listing_context_name = "case_studies"
    listing_empty_text = _("No case studies yet.")
    listing_order = ("-year", "title")

    class Meta:
        verbose_name = _("case study overview")


class CaseStudyPage(FactorLinkedPage):
    class PublicationType(models.TextChoices):
        CASE_STUDY = "case_study", _("Case study")
        REPORT = "report", _("Report")
        MUNICIPAL_EXAMPLE = "municipal_example", _("Municipal example")

    publication_type = models.CharField(
        _("type of publication"),
        max_length=20,
        choices=PublicationType.choices,
        default=PublicationType.CASE_STUDY,
    )
    authors = models.CharField(_("authors"), max_length=500, blank=True)
    publisher = models.CharField(_("published by"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year of publication"), null=True, blank=True, validators=[validate_year]
    )
    commissioned_by = models.CharField(_("commissioned by"), max_length=200, blank=True)
    performed_by = models.CharField(_("performed by"), max_length=200, blank=True)
    summary = RichTextField(_("about the publication"), features=RICH_TEXT_FEATURES)
    main_findings = StreamField(
        [("finding", blocks.TextBlock(label=_("Finding")))],
        verbose_name=_("main findings"),
        blank=True,
    )
    report_url = models.URLField(_("link to the report"), blank=True, max_length=500)
    report_link_text = models.CharField(_("link text"), max_length=200, blank=True)
    municipalities = ParentalManyToManyField(
        "guidance.Municipality",
        verbose_name=_("municipalities studied"),
        blank=True,
        related_name="+",
    )

    content_panels = (
        FactorLinkedPage.content_panels
        + [
            FieldPanel("publication_type"),
            MultiFieldPanel(
                [
                    FieldPanel("authors"),
                    FieldPanel("publisher"),
                    FieldPanel("year"),
                    FieldPanel("commissioned_by"),
                    FieldPanel("performed_by"),
                ],
                heading=_("Bibliographic details"),
            ),
            FieldPanel("summary"),
            FieldPanel("main_findings"),
            MultiFieldPanel(
                [FieldPanel("report_url"), FieldPanel("report_link_text")],
                heading=_("Link to more information"),
            ),
            FieldPanel("municipalities"),
        ]
        + FactorLinkedPage.taxonomy_panels
    )
    # The bibliographic record is the publication's, not the page's: the same in both written
    # forms, never machine-translated; only its labels are translated (in the template).
    override_translatable_fields = FactorLinkedPage.override_translatable_fields + [
        SynchronizedField("authors", overridable=False),
        SynchronizedField("publisher", overridable=False),
        SynchronizedField("year", overridable=False),
        SynchronizedField("commissioned_by", overridable=False),
        SynchronizedField("performed_by", overridable=False),
        SynchronizedField("report_url"),
    ]
    search_fields = FactorLinkedPage.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("main_findings"),
        index.SearchField("authors"),
        index.SearchField("publisher"),
        index.FilterField("year"),
        index.FilterField("publication_type"),
        index.RelatedFields("municipalities", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("publication_type"),
        APIField("authors"),
        APIField("publisher"),
        APIField("year"),
        APIField("commissioned_by"),
        APIField("performed_by"),
        APIField("summary"),
        APIField("main_findings"),
        APIField("report_url"),
        APIField("report_link_text"),
        APIField("municipalities", serializer=serializers.municipality_field(many=True)),
        *FactorLinkedPage.api_fields,
    ]

    parent_page_types = ["cases.CaseStudyIndexPage"]
    subpage_types = []
    search_key = "case"
    teaser_field = "summary"
    listing_label = _("Case studies")
    listing_position = 50
    teaser_is_html = True
    year_field = "year"
    municipality_field = "municipalities"
    newest_first = ("-year", "-pk")  # dated by the year of publication
    card_template = "includes/cards/case_study.html"
    factor_section_heading = _("Case studies and reports")

    class Meta:
        verbose_name = _("case study or report")
        verbose_name_plural = _("case studies and reports")

    @classmethod
    def see_all_label(cls, count):
        return ngettext(
            "See all %(counter)s case study or report",
            "See all %(counter)s case studies and reports",
            count,
        ) % {"counter": count}

    def clean(self):
        super().clean()
        if self.report_link_text and not self.report_url:
            raise ValidationError({"report_url": _("Give the address the link text points to.")})

    def json_ld(self, request):
        is_report = self.publication_type == self.PublicationType.REPORT
        data = self.schema_org(request, "Report" if is_report else "ScholarlyArticle")
        if self.authors:
            data["author"] = people(self.authors)
        if self.publisher:
            data["publisher"] = {"@type": "Organization", "name": self.publisher}
        if self.year:
            data["datePublished"] = str(self.year)
            data["copyrightYear"] = self.year
        if self.commissioned_by:
            data["funder"] = {"@type": "Organization", "name": self.commissioned_by}
        if self.report_url:
            data["sameAs"] = self.report_url
        return data
