"""The same slug in both written forms: Norwegian letters transliterated (ø→o, æ→ae, å→a, é→e).

Wagtail's page editor makes ASCII slugs in the browser (``WAGTAIL_ALLOW_UNICODE_SLUGS = False``
downcodes ø, æ and å the same way). wagtail-localize runs Django's ``slugify`` over a translated
slug, which drops ø and æ («bodø» became «bod»), so a translated slug is transliterated when it is
stored, and any page slug with non-ASCII letters is transliterated when it is saved. A changed
slug of a published page leaves a redirect (wagtail.contrib.redirects, on publish).
"""

from django.db.models.signals import pre_save

from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from core.text import norwegian_slug


def transliterate_page_slug(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.slug and not instance.slug.isascii():
        instance.slug = norwegian_slug(instance.slug) or instance.slug


def transliterate_translated_slug(sender, instance, **kwargs):
    if instance.data and not instance.data.isascii() and instance.context.path == "slug":
        instance.data = norwegian_slug(instance.data) or instance.data


def connect():
    pre_save.connect(transliterate_page_slug, dispatch_uid="languages.transliterate_page_slug")
    pre_save.connect(
        transliterate_translated_slug,
        sender=StringTranslation,
        dispatch_uid="languages.transliterate_translated_slug",
    )
