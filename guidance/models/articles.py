"""Experience and guidance articles."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from guidance.blocks import GuidanceStreamBlock

from .base import FactorLinkedPage, ListingIndexPage
from .period import ContentPeriodMixin


class ArticleIndexPage(ListingIndexPage):
    subpage_types = ["guidance.ArticlePage"]
    listing_context_name = "articles"
    listing_empty_text = _("No articles yet.")
    listing_card_label = _("Article")
    listing_order = ("-first_published_at",)

    class Meta:
        verbose_name = _("article overview")


class ArticlePage(ContentPeriodMixin, FactorLinkedPage):
    lead = models.TextField(_("lead"), help_text=_("The introduction, in two or three sentences."))
    body = StreamField(GuidanceStreamBlock(), verbose_name=_("body"))

    content_panels = (
        FactorLinkedPage.content_panels
        + [
            FieldPanel("lead"),
            FieldPanel("body"),
        ]
        + FactorLinkedPage.taxonomy_panels
        + ContentPeriodMixin.article_period_panels
    )
    search_fields = FactorLinkedPage.search_fields + [
        index.SearchField("lead", boost=1.5),
        index.SearchField("body"),
    ]
    api_fields = [APIField("lead"), APIField("body"), *FactorLinkedPage.api_fields]

    parent_page_types = ["guidance.ArticleIndexPage"]
    subpage_types = []
    search_key = "article"
    teaser_field = "lead"
    dated_by_publishing = True  # written for the site: published is when it was written
    listing_label = _("Articles")
    listing_position = 40
    factor_section_heading = _("Articles")

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @classmethod
    def see_all_label(cls, count):
        return ngettext("See all %(counter)s article", "See all %(counter)s articles", count) % {
            "counter": count
        }

    def json_ld(self, request):
        data = self.schema_org(request, "Article")
        if self.first_published_at:
            data["datePublished"] = self.first_published_at
        if self.directorate_id:
            owner = {"@type": "GovernmentOrganization", "name": self.owning_directorate.name}
            data["publisher"] = owner
            data["author"] = owner
        return data
