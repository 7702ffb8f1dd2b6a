"""What every guidance page shares: its written form, its owner, and links to factors and themes.

Factor and theme links are stored as many-to-many relations and copied unchanged to translations
(wagtail-localize does so anyway). They are therefore always resolved through ``translation_key``
into the language being read, never followed directly: an nn page that points at the nb factor
still shows, and is listed under, the nn factor.
"""

from modelcluster.fields import ParentalManyToManyField

from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Subquery
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from editorial.permissions import EditorialPagePermissionTester
from guidance.forms import GuidancePageForm

LANGUAGE_CHOICES = [(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES]


def live_in_locale(model, locale):
    """Public, live pages of ``model`` in ``locale``, ready for a listing."""
    return (
        model.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("locale")
        .defer_streamfields()
    )


class GuidancePage(Page):
    """Abstract base for all guidance content pages."""

    original_language = models.CharField(
        _("written form"),
        max_length=5,
        choices=LANGUAGE_CHOICES,
        blank=True,
        help_text=_(
            "The written form the text was originally written in. Set automatically when the "
            "page is created; counted for the language law (språklova § 13)."
        ),
    )
    directorate = models.ForeignKey(
        "guidance.Directorate",
        verbose_name=_("owning directorate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Ownership and review (issue 6). The review state belongs to the page in all its languages:
    # it is synchronised to translations and «mark as reviewed» updates every language at once.
    contact_name = models.CharField(
        _("contact person"),
        max_length=100,
        blank=True,
        help_text=_("The named person at the directorate who answers for this page."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("When the content must be checked again. Default: one year after publishing."),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    base_form_class = GuidancePageForm

    ownership_panels = [
        MultiFieldPanel(
            [
                FieldPanel("directorate"),
                FieldPanel("original_language"),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("review_by"),
                FieldPanel("last_reviewed", read_only=True),
            ],
            heading=_("Ownership and language"),
        )
    ]
    settings_panels = Page.settings_panels + ownership_panels

    override_translatable_fields = [
        SynchronizedField("original_language"),
        SynchronizedField("directorate"),
        SynchronizedField("contact_name", overridable=False),
        SynchronizedField("contact_email", overridable=False),
        SynchronizedField("review_by", overridable=False),
        SynchronizedField("last_reviewed", overridable=False),
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.original_language:
            # A new page gets its locale from its parent only in Wagtail's pre_save signal.
            locale = self.locale if self.locale_id else self.get_default_locale()
            self.original_language = locale.language_code
        super().save(*args, **kwargs)

    @property
    def is_source(self):
        """Written in its tree's language: neither a translation nor an alias of another page."""
        return not self.alias_of_id and self.original_language in ("", self.locale.language_code)

    def permissions_for_user(self, user):
        return EditorialPagePermissionTester(user, self)

    @property
    def content_language(self):
        """The language the visible text is in: an untranslated alias shows its source's text."""
        if self.alias_of_id and self.original_language:
            return self.original_language
        return self.locale.language_code

    def get_sitemap_urls(self, request=None):
        # Aliases repeat another page's text; the source page is the one to index.
        return [] if self.alias_of_id else super().get_sitemap_urls(request)


class ListingIndexPage(GuidancePage):
    """An overview that lists its live children (``subpage_types[0]``) in its own language."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = GuidancePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    max_count_per_parent = 1
    listing_context_name = "items"
    listing_order = ("title",)
    listing_page_size = 24

    class Meta:
        abstract = True

    def listing(self):
        model = apps.get_model(self.subpage_types[0])
        return live_in_locale(model, self.locale).child_of(self).order_by(*self.listing_order)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # get_page() answers «page=abc» with the first page and a page past the end with the last.
        listing_page = Paginator(self.listing(), self.listing_page_size).get_page(
            request.GET.get("page")
        )
        context[self.listing_context_name] = listing_page
        context["listing_page"] = listing_page
        return context


class ThemedGuidancePage(GuidancePage):
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

    class Meta:
        abstract = True

    def theme_names(self):
        """The names of its live themes in its own language, for the search index.

        Kept up to date by guidance.signal_handlers: themes are written after the page row
        (so after Wagtail indexes it), and a theme's publication changes pages it is linked to.
        """
        from .snippets import Theme

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
        from .snippets import Theme

        return Theme.objects.filter(
            locale_id=self.locale_id,
            live=True,
            translation_key__in=[theme.translation_key for theme in self.themes.all()],
        )

    @classmethod
    def linked_to_theme(cls, theme):
        """Live pages of this type in the theme's language, linked to the theme in any language."""
        linked = cls.objects.filter(themes__translation_key=theme.translation_key)
        return live_in_locale(cls, theme.locale).filter(pk__in=Subquery(linked.values("pk")))


class TaggedGuidancePage(ThemedGuidancePage):
    """A guidance page linked to success factors and themes."""

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
    override_translatable_fields = ThemedGuidancePage.override_translatable_fields + [
        SynchronizedField("factors"),
    ]

    class Meta:
        abstract = True

    def localized_factors(self):
        from .factors import FactorPage

        return (
            live_in_locale(FactorPage, self.locale)
            .filter(translation_key__in=[factor.translation_key for factor in self.factors.all()])
            .order_by("number")
        )

    @classmethod
    def linked_to_factor(cls, factor):
        """Live pages of this type in the factor's language, linked to it in any language."""
        linked = cls.objects.filter(factors__translation_key=factor.translation_key)
        return live_in_locale(cls, factor.locale).filter(pk__in=Subquery(linked.values("pk")))
