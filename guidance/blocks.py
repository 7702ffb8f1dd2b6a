"""The shared StreamField block library used by every guidance and case page body."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "guidance/blocks/heading_block.html"
        preview_value = {"text": "Kommunens planarbeid", "level": "h2"}
        description = _("A section heading.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "guidance/blocks/paragraph_block.html"
        preview_value = "<p>Kommuneplanen inneholder en samfunnsdel med handlingsdel.</p>"
        description = _("Formatted text with links and lists.")


class QuoteBlock(blocks.StructBlock):
    """Either a QuotePage (the same quote everywhere it is used) or an inline quote."""

    quote_page = blocks.PageChooserBlock(
        label=_("Quote page"),
        page_type="guidance.QuotePage",
        required=False,
        help_text=_("Choose a saved quote, or write an inline quote below."),
    )
    text = blocks.TextBlock(label=_("Inline quote"), required=False)
    attribution = blocks.CharBlock(label=_("Said by"), required=False, max_length=200)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("quote_page") and not value.get("text"):
            raise StructBlockValidationError(
                block_errors={"quote_page": ValidationError(_("Choose a quote or write one."))}
            )
        if value.get("text") and not value.get("attribution"):
            raise StructBlockValidationError(
                block_errors={"attribution": ValidationError(_("Say who said the quote."))}
            )
        return value

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "guidance/blocks/quote_block.html"
        preview_value = {
            "text": "Boligsosialt arbeid er summen av ulike aktørers bidrag.",
            "attribution": "Kristiansand kommune",
        }
        description = _("A quote from a municipality or organisation.")


class ActivityListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    activities = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="guidance.ActivityPage"), label=_("Activities")
    )

    class Meta:
        icon = "list-ul"
        label = _("Activity list")
        template = "guidance/blocks/activity_list_block.html"
        preview_value = {"heading": "Aktiviteter", "activities": []}
        description = _("A list of activities that link to their pages.")


class QuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("Question"))
    reflection = blocks.RichTextBlock(
        label=_("Reflection"), features=RICH_TEXT_FEATURES, required=False
    )

    class Meta:
        icon = "help"
        label = _("Question for reflection")
        template = "guidance/blocks/question_block.html"
        preview_value = {
            "question": "Hvordan skal kommunen sikre fortsatt forankring av arbeidet?",
            "reflection": "",
        }
        description = _("A question the reader's municipality should ask itself.")


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    tone = blocks.ChoiceBlock(
        label=_("Tone"),
        choices=[("info", _("Information")), ("warning", _("Important"))],
        default="info",
    )

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "guidance/blocks/callout_block.html"
        preview_value = {"title": "Viktig", "text": "<p>Husk behovsmeldingen.</p>", "tone": "info"}
        description = _("A highlighted notice.")


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Link text"), max_length=200)
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose a page or give an address, not both."))
                }
            )
        return value

    class Meta:
        icon = "link"
        label = _("Link")


class RelatedLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"))

    class Meta:
        icon = "link"
        label = _("Related links")
        template = "guidance/blocks/related_links_block.html"
        preview_value = {
            "heading": "Andre relevante kilder",
            "links": [
                {
                    "label": "Fra Helsebiblioteket: Forankring i ledelsen",
                    "url": "https://www.helsebiblioteket.no/",
                }
            ],
        }
        description = _("Links to other pages or sources.")


class KeyFindingsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    findings = blocks.ListBlock(blocks.TextBlock(), label=_("Findings"))

    class Meta:
        icon = "tick"
        label = _("Key findings")
        template = "guidance/blocks/key_findings_block.html"
        preview_value = {"heading": "Hovedfunn", "findings": ["Planene må være godt forankret."]}
        description = _("A list of the most important findings.")


class ReportLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Link text"), max_length=200)
    document = DocumentChooserBlock(label=_("Document"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("document")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose a document or give an address, not both."))
                }
            )
        return value

    class Meta:
        icon = "doc-full"
        label = _("Document or report")
        template = "guidance/blocks/report_link_block.html"
        preview_value = {"label": "Les rapporten", "url": "https://www.husbanken.no/"}
        description = _("A link to a document or a report.")


class GuidanceStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    activity_list = ActivityListBlock()
    question = QuestionBlock()
    callout = CalloutBlock()
    related_links = RelatedLinksBlock()
    key_findings = KeyFindingsBlock()
    report_link = ReportLinkBlock()


class ProcessStepBlock(blocks.StructBlock):
    """One step of a work process (ProcessPage): what to do, who, what comes out of it."""

    title = blocks.CharBlock(label=_("Step title"), max_length=200)
    what_to_do = blocks.RichTextBlock(label=_("What to do"), features=RICH_TEXT_FEATURES)
    participants = blocks.TextBlock(label=_("Who takes part"), required=False)
    outcome = blocks.TextBlock(label=_("What comes out of it"), required=False)
    activities = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="guidance.ActivityPage"),
        label=_("Linked activities"),
        default=[],
    )
    factors = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="guidance.FactorPage"),
        label=_("Linked success factors"),
        default=[],
    )
    resources = blocks.ListBlock(LinkBlock(), label=_("Resources"), default=[])

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "guidance/blocks/process_step_block.html"
        preview_value = {
            "title": "Forankre arbeidet",
            "what_to_do": "<p>Involver politisk og administrativ ledelse.</p>",
            "participants": "Kommunedirektørens ledergruppe",
            "outcome": "Et forankret mandat",
        }
        description = _("A step of a work process.")


class ProcessStepsBlock(blocks.StreamBlock):
    step = ProcessStepBlock()

    class Meta:
        min_num = 1
