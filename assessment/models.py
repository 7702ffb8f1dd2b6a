"""«Hvor står vi?»: a self-assessment per success factor, answered in the browser.

The answers travel in the address of a GET form and are never stored, so the result can be
shared as a link and the server keeps no personal data. The result is printed (or saved as a
PDF) with the browser's print, styled by the page's print stylesheet.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from guidance import content_types
from guidance.models import GuidancePage
from guidance.models.base import live_in_locale

from .answers import read_answers
from .statements import SCALE, statements_for

LINKED_PER_TYPE = 4  # quotes, articles, case studies shown for the weakest factors, each


class AssessmentPage(GuidancePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = GuidancePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    teaser_field = "intro"

    class Meta:
        verbose_name = _("self-assessment")

    def weakest(self, groups):
        """The factors with the lowest average below «to a large extent»: at most two."""
        answered = [g for g in groups if g.average is not None and g.level != "strength"]
        return sorted(answered, key=lambda g: (g.average, g.factor.number))[:2]

    def linked_for(self, factors):
        """Quotes, articles and case studies on any of ``factors``, newest first, by type."""
        keys = [group.factor.translation_key for group in factors]
        sections = []
        for model in content_types.factor_linked_models():
            linked = model.objects.filter(factors__translation_key__in=keys).values("pk")
            pages = list(
                live_in_locale(model, self.locale_id)
                .filter(pk__in=linked)
                .order_by(*model.newest_first)[:LINKED_PER_TYPE]
            )
            if pages:
                sections.append((model.listing_label, pages))
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = statements_for(self.locale_id)
        submitted, messages = read_answers(request.GET, groups)
        context.update(groups=groups, scale=SCALE, submitted=submitted, problems=messages)
        if submitted and not messages:
            weakest = self.weakest(groups)
            context.update(
                result=True,
                strengths=[g for g in groups if g.level == "strength"],
                gaps=[g for g in groups if g.level == "gap"],
                weakest=weakest,
                linked=self.linked_for(weakest) if weakest else [],
            )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", {}).get("problems"):
            response.status_code = 400  # the answers are kept; the reader is told what is wrong
        return response
