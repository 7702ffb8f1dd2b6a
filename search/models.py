"""Editor-maintained synonyms and a daily log of what people search for."""

import re
import unicodedata

from django.contrib.postgres.search import SearchVectorField
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

MAX_SYNONYM_VARIANTS = 8


def split_terms(text):
    """«bolig, bustad» → ["bolig", "bustad"]: lower-cased, de-duplicated, in order."""
    seen = []
    for term in re.split(r"[,;\n]", text or ""):
        term = " ".join(term.lower().split())
        if term and term not in seen:
            seen.append(term)
    return seen


@register_snippet
class Synonym(models.Model):
    """Words that mean the same to the people searching; a search for one finds all of them."""

    terms = models.TextField(
        _("terms"),
        help_text=_(
            "Words or phrases that should find each other, separated by commas, e.g. "
            "«utleiebolig, kommunal bolig». Applies to both written forms."
        ),
    )

    panels = [FieldPanel("terms")]

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        ordering = ["terms"]

    def __str__(self):
        return ", ".join(self.term_list)

    def save(self, *args, **kwargs):
        self.terms = ", ".join(split_terms(self.terms))
        super().save(*args, **kwargs)

    @property
    def term_list(self):
        return split_terms(self.terms)

    @classmethod
    def expand(cls, query):
        """The query and its variants with each known term swapped for its synonyms."""
        variants = [query]
        lowered = query.lower()
        for synonym in cls.objects.all():
            terms = synonym.term_list
            for term in terms:
                pattern = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)
                if not pattern.search(lowered):
                    continue
                for variant in list(variants):
                    for other in terms:
                        if other == term:
                            continue
                        replaced = pattern.sub(other, variant)
                        if replaced not in variants and len(variants) < MAX_SYNONYM_VARIANTS:
                            variants.append(replaced)
        return variants


# What looks like a reader's personal data is never logged: a national identity number
# (11 digits), a phone number (8 digits) or an e-mail address.
PERSONAL_DATA = re.compile(r"\d{6}\s?\d{5}|(?<!\d)\d{8}(?!\d)|\d{3}\s\d{2}\s\d{3}|\S@\S")
# Quotation marks and punctuation around a query do not make it another query.
SURROUNDING = "\"'«»“”‘’„‹›.,;:!?()[]{}"


def normalise_query(text):
    """The query as the log counts it: NFKC, lower case, single spaces, no quotes or
    punctuation around it, cut to 255 characters; "" for a query that is not to be logged."""
    text = " ".join(unicodedata.normalize("NFKC", text or "").lower().split())
    text = text.strip(SURROUNDING + " ")
    if not text or PERSONAL_DATA.search(text):
        return ""
    return text[:255].rstrip()


class SearchQueryDay(models.Model):
    """How often a query was searched for on one day in one language, and how often it found
    nothing: the whole search log. Counts only, never a row per search, never who searched
    (docs/operations.md, «Retention»); ``manage.py prune_search_log`` removes old days."""

    date = models.DateField(_("date"), db_index=True)
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("language"), on_delete=models.CASCADE, related_name="+"
    )
    query_string = models.CharField(_("query"), max_length=255)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    searches_without_hits = models.PositiveIntegerField(_("searches without hits"), default=0)

    class Meta:
        verbose_name = _("search query per day")
        verbose_name_plural = _("search queries per day")
        constraints = [
            models.UniqueConstraint(
                fields=["date", "locale", "query_string"], name="unique_search_query_per_day"
            )
        ]

    def __str__(self):
        return f"{self.query_string} ({self.date})"

    @classmethod
    def record(cls, query_string, locale, hits):
        """Count one search; two queries at most, safe against concurrent first searches."""
        query_string = normalise_query(query_string)
        if not query_string:
            return
        today = timezone.localdate()
        zero = 1 if hits == 0 else 0
        keys = {"date": today, "locale": locale, "query_string": query_string}
        changes = {
            "searches": F("searches") + 1,
            "searches_without_hits": F("searches_without_hits") + zero,
        }
        if cls.objects.filter(**keys).update(**changes):
            return
        try:
            with transaction.atomic():
                cls.objects.create(**keys, searches=1, searches_without_hits=zero)
        except IntegrityError:
            cls.objects.filter(**keys).update(**changes)


class FullTextEntry(models.Model):
    """PostgreSQL only: title || body of a search index entry, in the narrow table that
    migration 0003 creates and a trigger keeps in step with Wagtail's index."""

    entry_id = models.IntegerField(primary_key=True)
    content_type_id = models.IntegerField()
    object_id = models.IntegerField(null=True)  # NULL for objects with text keys
    fulltext = SearchVectorField()
    locale_id = models.IntegerField(null=True)  # the page's locale; NULL for other objects

    class Meta:
        managed = False
        db_table = "veiviser_search_fulltext"

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"


class Term(models.Model):
    """A word of the published guidance and in how many pages it occurs (``search/vocabulary.py``:
    typo correction, compounds). Rebuilt from the search index when what is public changes."""

    word = models.CharField(max_length=100, primary_key=True)
    documents = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word


class WordForm(models.Model):
    """A word and one of its other forms from Apertium: a lemma (virkemidler → virkemiddel) or
    the word in the other written form (eierskap → eigarskap). A word analysed without result
    has a row with itself as its form, so it is not analysed again."""

    word = models.CharField(max_length=100, db_index=True)
    form = models.CharField(max_length=100)

    class Meta:
        verbose_name = _("word form")
        verbose_name_plural = _("word forms")
        constraints = [models.UniqueConstraint(fields=["word", "form"], name="unique_word_form")]

    def __str__(self):
        return f"{self.word} → {self.form}"


class VocabularyState(models.Model):
    """The publication stamp the word list was built under, and its version (new when the words
    changed): processes reload their copy only when the version changes."""

    stamp = models.CharField(max_length=64, default="")
    version = models.CharField(max_length=64, default="")
    built_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("vocabulary state")
        verbose_name_plural = _("vocabulary states")

    def __str__(self):
        return self.version


class PageChange(models.Model):
    """A renewal of the publication stamp by saving or deleting one page: from which stamp to
    which, and the page (``search/changes.py``). A process whose facet bitmaps were built under
    an earlier stamp reads only the pages changed since, not every page."""

    previous = models.CharField(max_length=64, db_index=True)
    stamp = models.CharField(max_length=64)
    page_id = models.IntegerField(null=True)  # NULL: pages besides this one changed (a move)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("page change")
        verbose_name_plural = _("page changes")

    def __str__(self):
        return f"{self.previous} → {self.stamp}: {self.page_id}"
