"""Experience and guidance articles."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from guidance.blocks import GuidanceStreamBlock

from .base import GuidancePage, TaggedGuidancePage, live_in_locale


class ArticleIndexPage(GuidancePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = GuidancePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["guidance.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("article overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = (
            live_in_locale(ArticlePage, self.locale).child_of(self).order_by("-first_published_at")
        )
        return context


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
