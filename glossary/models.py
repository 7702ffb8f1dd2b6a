"""The glossary («Ordliste»): translatable terms, the page that lists them, and exclusions.

A term is marked up where it first occurs in a page's rich text (``glossary.markup``), with no
tagging by the editor; an editor who does not want that on a page excludes the term in the
page's settings («Ordliste»).
"""

from modelcluster.fields import ParentalKey

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.text import norwegian_slug
from guidance.models import GuidancePage
from guidance.models.base import live_in_locale

ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzæøå"
FOLDED = str.maketrans({"é": "e", "è": "e", "ê": "e", "ó": "o", "ä": "æ", "ö": "ø", "ü": "y"})


def norwegian_sort_key(text):
    """Sorts A–Å as Norwegian dictionaries do: æ, ø and å after z; é as e, ä as æ, ö as ø."""
    folded = text.casefold().translate(FOLDED)
    return ([ALPHABET.index(c) for c in folded if c in ALPHABET], text)


@register_snippet
class Term(TranslatableMixin, index.Indexed, models.Model):
    """A term and its definition, in one language; translated with wagtail-localize."""

    term = models.CharField(_("term"), max_length=100)
    definition = models.TextField(_("definition"))
    variants = models.TextField(
        _("variants"),
        blank=True,
        help_text=_(
            "Other forms of the term that should be marked up too, one a line: inflected forms "
            "(«forankringen») and synonyms."
        ),
    )

    panels = [FieldPanel("term"), FieldPanel("definition"), FieldPanel("variants")]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]

    def __str__(self):
        return self.term

    @property
    def slug(self):
        return norwegian_slug(self.term)

    def forms(self):
        """The term and its variants, as they are looked for in text."""
        lines = [self.term, *self.variants.splitlines()]
        return [line.strip() for line in lines if line.strip()]


class GlossaryExclusion(Orderable):
    """A term an editor does not want marked up on a page."""

    page = ParentalKey("wagtailcore.Page", related_name="glossary_exclusions")
    term = models.ForeignKey(
        Term, verbose_name=_("term"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("term")]

    class Meta(Orderable.Meta):
        verbose_name = _("term not marked up on this page")
        verbose_name_plural = _("terms not marked up on this page")


class GlossaryPage(GuidancePage):
    """«Ordliste»: every term of its language, A–Å."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = GuidancePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    teaser_field = "intro"

    class Meta:
        verbose_name = _("glossary page")

    def terms_by_letter(self):
        """``[(letter, [terms])]``, A–Å, of the terms in this page's language."""
        terms = sorted(
            Term.objects.filter(locale_id=self.locale_id), key=lambda t: norwegian_sort_key(t.term)
        )
        groups = {}
        for term in terms:
            groups.setdefault(term.term[:1].upper(), []).append(term)
        return list(groups.items())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["letters"] = self.terms_by_letter()
        return context


def glossary_page_in(locale_id):
    return live_in_locale(GlossaryPage, locale_id).first()
