"""What every guidance page shares: its written form, its owner, and links to factors and themes.

Factor and theme links are stored as many-to-many relations and copied unchanged to translations
(wagtail-localize does so anyway). They are therefore always resolved through ``translation_key``
into the language being read, never followed directly: an nn page that points at the nb factor
still shows, and is listed under, the nn factor.
"""

from modelcluster.fields import ParentalManyToManyField

from django.apps import apps
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Subquery
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core import publication
from core.text import page_description
from editorial.models import OwnedPage
from guidance import serializers
from guidance.forms import GuidancePageForm
from languages.models import WrittenFormPage

from .snippets import Theme


def live_in_locale(model, locale):
    """Public, live pages of ``model`` in ``locale``, ready for a listing."""
    return (
        model.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("locale")
        .defer_streamfields()
    )


def live_themes(locale_id):
    """The live themes of a language, by name: few, and kept until something is published."""
    return publication.remembered(
        ("live-themes", locale_id),
        lambda: list(Theme.objects.filter(locale_id=locale_id, live=True).order_by("name")),
    )


class GuidancePage(WrittenFormPage, OwnedPage, Page):
    """Abstract base for all guidance content pages: a written form and an owner."""

    # What the rest of the site needs to know about a content type, declared once here and read
    # through guidance.content_types: search, facets, factor pages, cards and the dashboard.
    search_key = None  # its ?type= value in the search; None: not searched
    teaser_field = None  # the field that sums a page up in cards, excerpts and descriptions
    listing_label = None  # what a list of them is called («Sitater»)
    listing_position = 0  # where it comes in the type facet, on factor pages and the dashboard
    # What the search's facets read of it:
    teaser_is_html = False  # the teaser field is rich text (stripped for excerpts)
    year_field = None  # a field with the year it is listed under, instead of first publishing's
    has_period = False  # has the years its content belongs to (period.ContentPeriodMixin)
    # What its search hit shows as its date, when it states no years (search/hits.py):
    dated_by_publishing = False  # True: the day it was first published here (an article)
    municipality_field = None  # its foreign key or many-to-many to Municipality

    base_form_class = GuidancePageForm

    ownership_panels = [
        MultiFieldPanel(
            [
                OwnedPage.owner_panels[0],
                *WrittenFormPage.written_form_panels,
                *OwnedPage.owner_panels[1:],
            ],
            heading=_("Ownership and language"),
        )
    ]
    # The glossary (an app above this one) keeps its exclusions in a child relation of Page.
    glossary_panels = [
        InlinePanel(
            "glossary_exclusions",
            heading=_("Glossary"),
            label=_("Term not marked up on this page"),
            help_text=_("Glossary terms are marked up where they first occur, unless named here."),
        )
    ]
    settings_panels = Page.settings_panels + ownership_panels + glossary_panels

    override_translatable_fields = (
        WrittenFormPage.written_form_translatable_fields + OwnedPage.ownership_translatable_fields
    )

    class Meta:
        abstract = True

    @property
    def teaser(self):
        """The page summed up: its teaser field, or its search description."""
        value = getattr(self, self.teaser_field, "") if self.teaser_field else ""
        return value or self.search_description

    def json_ld(self, request):
        """The page in schema.org terms for search engines (a dict), or None to say nothing.

        Publications override it, starting from ``schema_org()``; base.html serialises it.
        """
        return None

    def schema_org(self, request, schema_type):
        """What every schema.org description of a page says: its title, language and address."""
        data = {
            "@context": "https://schema.org",
            "@type": schema_type,
            "headline": self.title[:110],
            "name": self.title,
            "description": page_description(self),
            "inLanguage": self.content_language,
            "url": self.get_full_url(request),
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at
        return data


class ListingIndexPage(GuidancePage):
    """An overview that lists its live children (``subpage_types[0]``) in its own language."""

    accepts_feedback = False

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = GuidancePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    max_count_per_parent = 1
    teaser_field = "intro"
    listing_context_name = "items"
    listing_order = ("title",)
    listing_page_size = 24
    listing_card_label = None  # a label above each card's title («Artikkel»)
    listing_empty_text = None  # what the page says while it has nothing to list

    class Meta:
        abstract = True

    def listing_model(self):
        return apps.get_model(self.subpage_types[0])

    def listing(self):
        model = self.listing_model()
        return live_in_locale(model, self.locale).child_of(self).order_by(*self.listing_order)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # get_page() answers «page=abc» with the first page and a page past the end with the last.
        listing_page = Paginator(self.listing(), self.listing_page_size).get_page(
            request.GET.get("page")
        )
        context[self.listing_context_name] = listing_page
        context["listing_page"] = listing_page
        # Each child is drawn by the card its model declares (FactorLinkedPage.card_template).
        model = self.listing_model()
        context["card_template"] = model.card_template
        context["card_grid_class"] = model.card_grid_class
        return context

    def get_template(self, request, *args, **kwargs):
        # One template for every overview: Wagtail would look for one per model.
        return "guidance/listing_index_page.html"


class ThemeLinkedPage(GuidancePage):
    """A guidance page linked to themes."""

    themes = ParentalManyToManyField(
        "guidance.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )

    override_translatable_fields = GuidancePage.override_translatable_fields + [
        SynchronizedField("themes"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("theme_names"),
        index.FilterField("original_language"),
    ]
    api_fields = [APIField("themes", serializer=serializers.themes_field())]

    class Meta:
        abstract = True

    def theme_names(self):
        """The names of its live themes in its own language, for the search index.

        Kept up to date by guidance.signal_handlers: themes are written after the page row
        (so after Wagtail indexes it), and a theme's publication changes pages it is linked to.
        """
        chosen = (
            type(self)
            .themes.through.objects.filter(**{f"{self._meta.model_name}_id": self.pk})
            .values("theme__translation_key")
        )
        names = Theme.objects.filter(
            locale_id=self.locale_id, live=True, translation_key__in=chosen
        ).values_list("name", flat=True)
        return " ".join(names)  # one query: update_index reads every page

    def localized_themes(self):
        """The page's themes in its own language, by name (live ones only)."""
        keys = {theme.translation_key for theme in self.themes.all()}
        return [theme for theme in live_themes(self.locale_id) if theme.translation_key in keys]

    @classmethod
    def linked_to_theme(cls, theme):
        """Live pages of this type in the theme's language, linked to the theme in any language."""
        linked = cls.objects.filter(themes__translation_key=theme.translation_key)
        return live_in_locale(cls, theme.locale).filter(pk__in=Subquery(linked.values("pk")))


class FactorLinkedPage(ThemeLinkedPage):
    """A guidance page linked to success factors, and like every ThemeLinkedPage to themes.

    Each concrete subclass is listed on the factor pages it links to, newest first; the factor
    page finds them through ``guidance.content_types``, not by importing them.
    """

    newest_first = ("-first_published_at", "-pk")
    listing_related = ()  # foreign keys a listing of them shows
    card_template = "includes/cards/page.html"
    card_grid_class = "card-grid"
    factor_section_heading = None  # the heading of their section on a factor page

    @classmethod
    def see_all_label(cls, count):
        """The link from a factor page to all ``count`` of them in the search."""
        raise NotImplementedError

    factors = ParentalManyToManyField(
        "guidance.FactorPage",
        verbose_name=_("success factors"),
        blank=True,
        related_name="+",
        help_text=_("The success factor(s) this content illuminates."),
    )

    taxonomy_panels = [
        MultiFieldPanel(
            [FieldPanel("factors"), FieldPanel("themes")],
            heading=_("Success factors and themes"),
        )
    ]
    override_translatable_fields = ThemeLinkedPage.override_translatable_fields + [
        SynchronizedField("factors"),
    ]
    api_fields = [
        APIField("factors", serializer=serializers.factors_field()),
        *ThemeLinkedPage.api_fields,
    ]

    class Meta:
        abstract = True

    def localized_factors(self):
        """The page's factors in its own language, by number (live and public ones only)."""
        keys = {factor.translation_key for factor in self.factors.all()}
        factors = self._meta.get_field("factors").related_model.in_locale(self.locale)
        return [factor for factor in factors if factor.translation_key in keys]

    @classmethod
    def linked_to_factor(cls, factor):
        """Live pages of this type in the factor's language, linked to it in any language."""
        linked = cls.objects.filter(factors__translation_key=factor.translation_key)
        return (
            live_in_locale(cls, factor.locale)
            .filter(pk__in=Subquery(linked.values("pk")))
            .select_related(*cls.listing_related)
            .order_by(*cls.newest_first)
        )
