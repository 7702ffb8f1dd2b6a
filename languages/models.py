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
        """The language the visible text is in: an untranslated alias shows its source's text."""
        if self.alias_of_id and self.original_language:
            return self.original_language
        return self.locale.language_code

    def get_sitemap_urls(self, request=None):
        # Aliases repeat another page's text; the source page is the one to index.
        return [] if self.alias_of_id else super().get_sitemap_urls(request)
