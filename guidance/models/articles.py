"""Experience and guidance articles."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from guidance.blocks import GuidanceStreamBlock

from .base import ListingIndexPage, TaggedGuidancePage


class ArticleIndexPage(ListingIndexPage):
    subpage_types = ["guidance.ArticlePage"]
    listing_context_name = "articles"
    listing_order = ("-first_published_at",)

    class Meta:
        verbose_name = _("article overview")


class ArticlePage(TaggedGuidancePage):
    lead = models.TextField(_("lead"), help_text=_("The introduction, in two or three sentences."))
    body = StreamField(GuidanceStreamBlock(), verbose_name=_("body"))

    content_panels = (
        TaggedGuidancePage.content_panels
        + [
            FieldPanel("lead"),
            FieldPanel("body"),
        ]
        + TaggedGuidancePage.taxonomy_panels
    )
    search_fields = TaggedGuidancePage.search_fields + [
        index.SearchField("lead", boost=1.5),
        index.SearchField("body"),
    ]

    parent_page_types = ["guidance.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
