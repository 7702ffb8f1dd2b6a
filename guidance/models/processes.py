"""Work processes (arbeidsprosesser): ordered steps a municipality works through.

The steps are one StreamField of ``ProcessStepBlock`` rather than child pages: an editor sees and
reorders the whole process in one form, and wagtail-localize translates it as one page (one
translation, one approval) with each step's text as its own segments. Activities and factors a
step links to are resolved through ``translation_key`` into the reader's language, as everywhere.
"""

from dataclasses import dataclass, field

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from guidance.blocks import ProcessStepsBlock

from .base import GuidancePage, ListingIndexPage, live_in_locale


class ProcessIndexPage(ListingIndexPage):
    """«Arbeidsprosesser»: the work processes, as cards."""

    subpage_types = ["guidance.ProcessPage"]
    listing_context_name = "processes"
    listing_empty_text = _("No work processes yet.")
    listing_card_label = _("Work process")

    class Meta:
        verbose_name = _("work process overview")


@dataclass
class Step:
    """A step as the templates show it, with its links resolved into the reader's language."""

    number: int
    value: dict  # the block's text: title, what_to_do, participants, outcome, resources
    url: str
    activities: list = field(default_factory=list)
    factors: list = field(default_factory=list)

    @property
    def title(self):
        return self.value["title"]

    @property
    def anchor(self):
        return f"steg-{self.number}"


def _chosen_ids(raw_list):
    """Page ids of a ListBlock's raw data, in the list-of-dicts or the older plain format."""
    ids = []
    for item in raw_list or []:
        value = item.get("value") if isinstance(item, dict) else item
        if value:
            ids.append(value)
    return ids


class ProcessPage(RoutablePageMixin, GuidancePage):
    """One work process: an introduction and its ordered steps, whole or one step at a time."""

    lead = models.TextField(_("lead"), help_text=_("What the process is for, in a few sentences."))
    steps = StreamField(ProcessStepsBlock(), verbose_name=_("steps"))

    content_panels = GuidancePage.content_panels + [FieldPanel("lead"), FieldPanel("steps")]
    search_fields = GuidancePage.search_fields + [
        index.SearchField("lead", boost=1.5),
        index.SearchField("steps"),
    ]
    parent_page_types = ["guidance.ProcessIndexPage"]
    subpage_types = []
    search_key = "process"
    teaser_field = "lead"
    listing_label = _("Work processes")
    listing_position = 60
    card_template = "includes/cards/page.html"
    card_grid_class = "card-grid"

    class Meta:
        verbose_name = _("work process")
        verbose_name_plural = _("work processes")

    def step_list(self, request=None):
        """The steps, numbered from 1, with their activities and factors in this language.

        Read from the raw data: converting the blocks would fetch the chosen pages of every
        list once more, in the page's language only by chance.
        """
        raw_steps = [block["value"] for block in self.steps.raw_data]
        chosen = {
            pk
            for raw in raw_steps
            for pk in _chosen_ids(raw.get("activities")) + _chosen_ids(raw.get("factors"))
        }
        key_of = {}
        localized = {}
        if chosen:
            key_of = dict(Page.objects.filter(pk__in=chosen).values_list("pk", "translation_key"))
            pages = live_in_locale(Page, self.locale_id).filter(
                translation_key__in=set(key_of.values())
            )
            localized = {page.translation_key: page for page in pages}
        base_url = self.get_url(request)
        step_block = self.steps.stream_block.child_blocks["step"]

        def resolve(raw_list):
            pages = (localized.get(key_of.get(pk)) for pk in _chosen_ids(raw_list))
            return [page for page in pages if page is not None]

        def value(raw):
            # The text as the block gives it; only the resources are converted (page links).
            children = step_block.child_blocks
            return {
                "title": raw.get("title", ""),
                "what_to_do": children["what_to_do"].to_python(raw.get("what_to_do", "")),
                "participants": raw.get("participants", ""),
                "outcome": raw.get("outcome", ""),
                "resources": children["resources"].to_python(raw.get("resources") or []),
            }

        return [
            Step(
                number=number,
                value=value(raw),
                url=base_url + self.reverse_subpage("step", kwargs={"number": number}),
                activities=resolve(raw.get("activities")),
                factors=resolve(raw.get("factors")),
            )
            for number, raw in enumerate(raw_steps, 1)
        ]

    @path("")
    def whole(self, request):
        """The whole process, every step on one page: the printable version."""
        self._steps = self.step_list(request)
        return self.render(request, context_overrides={"steps": self._steps})

    @path("steg/<int:number>/", name="step")
    def step(self, request, number):
        """One step, with where it comes in the process and links to the previous and next."""
        steps = self._steps = self.step_list(request)
        if not 1 <= number <= len(steps):
            raise Http404
        return self.render(
            request,
            template="guidance/process_step_page.html",
            context_overrides={
                "steps": steps,
                "step": steps[number - 1],
                "previous_step": steps[number - 2] if number > 1 else None,
                "next_step": steps[number] if number < len(steps) else None,
            },
        )

    def json_ld(self, request):
        data = self.schema_org(request, "HowTo")
        data["step"] = [
            {
                "@type": "HowToStep",
                "position": step.number,
                "name": step.title,
                "url": step.url,
            }
            for step in getattr(self, "_steps", None) or self.step_list(request)
        ]
        return data
