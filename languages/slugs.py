"""Slugs in each written form: Norwegian letters transliterated (ø→o, æ→ae, å→a, é→e), and an
address in its own language for a page not yet translated.

Wagtail's page editor makes ASCII slugs in the browser (``WAGTAIL_ALLOW_UNICODE_SLUGS = False``
downcodes ø, æ and å the same way). wagtail-localize runs Django's ``slugify`` over a translated
slug, which drops ø and æ («bodø» became «bod»), so a translated slug is transliterated when it is
stored, and any page slug with non-ASCII letters is transliterated when it is saved. A changed
slug of a published page leaves a redirect (wagtail.contrib.redirects, on publish).

The alias that stands for a page in the other language until someone translates it
(``sync.ensure_counterparts``) shows the original's text, but its address is in its own
language: /nn/sitat/hamar-tverrfagleg/, not …/hamar-tverrfaglig/ (``translate_alias_slugs``,
the source slug word by word through Apertium). Wagtail keeps an alias's own slug when its
source is published again, and ``keep_address_on_translation`` keeps it when the alias is
translated, so the address a reader has is never changed by either.
"""

import logging

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_save, pre_save

from wagtail.models import Page
from wagtail.signals import page_slug_changed
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue

from core.text import norwegian_slug

from .apertium import ApertiumError
from .protected import protected_terms

logger = logging.getLogger(__name__)


def transliterate_page_slug(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.slug and not instance.slug.isascii():
        instance.slug = norwegian_slug(instance.slug) or instance.slug


def transliterate_translated_slug(sender, instance, **kwargs):
    if instance.data and not instance.data.isascii() and instance.context.path == "slug":
        instance.data = norwegian_slug(instance.data) or instance.data


def _slug_words(slug, names):
    """The words of ``slug``, with each protected name written as the name is (``names``: its
    slug's words → the name), so Apertium leaves it: «hamar tverrfagleg» → «Hamar tverrfagleg»."""
    text = f" {slug.replace('-', ' ')} "
    for words, name in names:
        text = text.replace(f" {words} ", f" {name} ")
    return text.strip()


def _machine_slugs(source_locale, target_locale, slugs):
    """{slug: the slug translated word by word}; {} when no translator can."""
    translator = get_machine_translator()
    if translator is None or not translator.can_translate(source_locale, target_locale):
        return {}
    # Longest first, as the protector does («hamar kommune» before «hamar»).
    names = [(norwegian_slug(name).replace("-", " "), name) for name in protected_terms()]
    values = {slug: StringValue.from_plaintext(_slug_words(slug, names)) for slug in slugs}
    try:
        results = translator.translate(source_locale, target_locale, list(values.values()))
    except ApertiumError as error:
        logger.warning("Alias slugs left as they are: %s", error)
        return {}
    translated = {}
    for slug, value in values.items():
        result = results.get(value)
        if result is not None and result.data:
            translated[slug] = norwegian_slug(result.render_text())
    return translated


def translate_alias_slugs(aliases):
    """Give each untranslated alias that still has its source's slug that slug in its own
    language (one translator run per pair of languages); return the aliases changed.

    A site's root keeps its slug (it is in no address). A slug taken by a sibling is left as
    it was. A live alias's old address redirects to the new one (wagtail.contrib.redirects).
    """
    pending = {}
    for alias in aliases:
        source = alias.alias_of
        if source is None or alias.depth <= 2 or alias.slug != source.slug:
            continue
        pending.setdefault((source.locale, alias.locale), []).append(alias)
    changed = []
    for (source_locale, target_locale), group in pending.items():
        slugs = _machine_slugs(source_locale, target_locale, {a.slug for a in group})
        for alias in group:
            slug = slugs.get(alias.slug)
            parent = alias.get_parent()
            if not slug or slug == alias.slug or not Page._slug_is_available(slug, parent, alias):
                continue
            before = Page.objects.get(pk=alias.pk).specific
            alias = alias.specific
            alias.slug = slug
            alias.save(clean=False)  # Wagtail renews the url_path of the alias and below it
            if alias.live:
                page_slug_changed.send(sender=type(alias), instance=alias, instance_before=before)
            changed.append(alias)
    return changed


def keep_address_on_translation(sender, instance, created, **kwargs):
    """A translation begun from an alias keeps the alias's address: its slug is taken as the
    slug's translation, unless someone translated the slug already."""
    if not created:
        return
    source = instance.source
    try:
        target = source.get_translated_instance(instance.target_locale)
    except ObjectDoesNotExist:
        return
    if not isinstance(target, Page):
        return
    segment = (
        StringSegment.objects.filter(source=source, context__path="slug")
        .select_related("string")
        .first()
    )
    if segment is None or segment.string.data == target.slug:
        return
    StringTranslation.objects.get_or_create(
        translation_of_id=segment.string_id,
        locale=instance.target_locale,
        context_id=segment.context_id,
        defaults={
            "data": target.slug,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "has_error": False,
            "field_error": "",
        },
    )


def connect():
    pre_save.connect(transliterate_page_slug, dispatch_uid="languages.transliterate_page_slug")
    pre_save.connect(
        transliterate_translated_slug,
        sender=StringTranslation,
        dispatch_uid="languages.transliterate_translated_slug",
    )
    post_save.connect(
        keep_address_on_translation,
        sender=Translation,
        dispatch_uid="languages.keep_address_on_translation",
    )
