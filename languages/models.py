"""The written form a page was written in: bokmål or nynorsk (språklova § 13)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField

LANGUAGE_CHOICES = [(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES]


class WrittenFormPage(models.Model):
    """A page that records its written form; its aliases show the text in that form."""

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

    written_form_panels = [FieldPanel("original_language")]
    written_form_translatable_fields = [SynchronizedField("original_language")]

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

    @property
    def content_language(self):
        """The language the visible text is in: an untranslated alias shows its source's text,
        and so does a translation that is live with no approved revision of its own yet.

        (When a page is first submitted for translation, wagtail-localize turns its alias into a
        translation that still holds the source's text, and the translation goes live only when
        an approver publishes a revision: until then ``live_revision`` is empty.)
        """
        if self.original_language and (
            self.alias_of_id
            or (
                self.live
                and self.live_revision_id is None
                and self.original_language != self.locale.language_code
            )
        ):
            return self.original_language
        return self.locale.language_code

    def get_sitemap_urls(self, request=None):
        # Aliases repeat another page's text; the source page is the one to index.
        return [] if self.alias_of_id else super().get_sitemap_urls(request)


class ProtectedTerm(models.Model):
    """A word or name that machine translation must leave as it is (languages/protected.py)."""

    term = models.CharField(
        _("word or name"),
        max_length=200,
        unique=True,
        help_text=_(
            "Left as written when Apertium translates, e.g. the name of a person, place, "
            "organisation or publication. Municipalities, the authors of case studies and the "
            "directorates are protected without being listed here."
        ),
    )

    written_form = models.CharField(
        _("written form"),
        max_length=5,
        choices=LANGUAGE_CHOICES,
        blank=True,
        help_text=_(
            "For a name or title in one written form, such as the report «Bolig for velferd»: "
            "on pages in the other form it is marked with its language."
        ),
    )

    panels = [FieldPanel("term"), FieldPanel("written_form")]

    class Meta:
        verbose_name = _("protected word")
        verbose_name_plural = _("protected words")
        ordering = ["term"]

    def __str__(self):
        return self.term
