"""Quotes from municipalities and other bodies, reused wherever they are cited."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from guidance import serializers

from .base import FactorLinkedPage, ListingIndexPage
from .period import ContentPeriodMixin


class QuoteIndexPage(ListingIndexPage):
    subpage_types = ["guidance.QuotePage"]
    listing_context_name = "quotes"
    listing_empty_text = _("No quotes yet.")

    class Meta:
        verbose_name = _("quote overview")

    def listing(self):
        return super().listing().select_related("municipality")


class QuotePage(ContentPeriodMixin, FactorLinkedPage):
    quote = models.TextField(
        _("quote"), help_text=_("The quote, verbatim, without quotation marks.")
    )
    municipality = models.ForeignKey(
        "guidance.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Who said it, when it is not a municipality."),
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the quote comes from, e.g. «Erfaringer fra kommuneprogrammet»."),
    )

    content_panels = (
        FactorLinkedPage.content_panels
        + [
            FieldPanel("quote"),
            MultiFieldPanel(
                [
                    FieldPanel("municipality"),
                    FieldPanel("organisation"),
                    FieldPanel("role"),
                    FieldPanel("source"),
                ],
                heading=_("Who said it"),
            ),
        ]
        + FactorLinkedPage.taxonomy_panels
        + ContentPeriodMixin.period_panels
    )
    search_fields = FactorLinkedPage.search_fields + [
        index.SearchField("quote", boost=1.5),
        index.SearchField("organisation"),
        index.RelatedFields("municipality", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("quote"),
        APIField("municipality", serializer=serializers.municipality_field()),
        APIField("organisation"),
        APIField("role"),
        APIField("source"),
        *FactorLinkedPage.api_fields,
    ]

    parent_page_types = ["guidance.QuoteIndexPage"]
    subpage_types = []
    search_key = "quote"
    teaser_field = "quote"
    listing_label = _("Quotes")
    listing_position = 30
    municipality_field = "municipality"
    listing_related = ("municipality",)
    card_template = "includes/cards/quote.html"
    card_grid_class = "quote-grid"
    factor_section_heading = _("Experiences from the municipalities")

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")

    @classmethod
    def see_all_label(cls, count):
        return ngettext("See all %(counter)s quote", "See all %(counter)s quotes", count) % {
            "counter": count
        }

    def clean(self):
        super().clean()
        if not self.municipality_id and not self.organisation:
            raise ValidationError(
                {"municipality": _("Choose a municipality or name the organisation that said it.")}
            )

    @property
    def speaker(self):
        return self.municipality.name if self.municipality_id else self.organisation
