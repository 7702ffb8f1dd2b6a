"""Translate the demo content through wagtail-localize, as an editor would, with Apertium.

For each page: a TranslationSource and a Translation, machine translation with Apertium into
StringTranslations, then the corrections below (where Apertium leaves bokmål, picks the wrong
infinitive, or translates a proper name), then ``save_target(publish=True)``, which turns the
alias into a real translation. A page that is already translated is never touched, so running
the loader again changes nothing and never overwrites an editor's work; strings an editor has
already translated in an unfinished translation are kept too.

The corrections are reviewed text, kept as data in ``demo/content/translation.yaml``: keyed by the
exact source string (titles, desired states and summaries) or, for running text, as (wrong, right)
replacements.
"""

import logging

from django.db import transaction

from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from core.text import norwegian_slug
from demo import content
from languages.apertium import ApertiumError, apertium_available

logger = logging.getLogger(__name__)

# Target language -> (whole strings, replacements), from demo/content/translation.yaml.
CORRECTIONS = content.corrections()
NYNORSK = CORRECTIONS["nn"][0]  # nb source string -> reviewed nynorsk

MISSING_APERTIUM = (
    "Apertium is not installed (Debian packages apertium, apertium-nno-nob): the pages stay "
    "untranslated aliases, so the nynorsk pages show bokmål (and the bokmål case study "
    "nynorsk) until they are translated."
)


def correct(text, language):
    """The reviewed text for a machine-translated string into ``language``."""
    _whole, fixes = CORRECTIONS.get(language, ({}, []))
    for wrong, right in fixes:
        text = text.replace(wrong, right)
    return text


def untranslated_segments(translations, target_locale):
    """``(translation, segment, value to send to Apertium)`` for each string not yet translated."""
    work = []
    for translation in translations:
        source = translation.source
        done = set(
            StringTranslation.objects.filter(
                locale=target_locale, context__object_id=source.object_id
            ).values_list("translation_of_id", "context_id")
        )
        for segment in source.stringsegment_set.select_related("context", "string"):
            if (segment.string_id, segment.context_id) in done:
                continue
            value = segment.string.as_value()
            if segment.context.path == "slug":
                value = StringValue.from_plaintext(segment.string.data.replace("-", " "))
            work.append((translation, segment, value))
    return work


def machine_translate(translations, translator):
    """Machine-translate every string of ``translations`` that has no translation yet.

    Like wagtail-localize's «Translate with Apertium» button, with all pages in one Apertium run,
    plus the corrections. A slug made from its title follows the translated title; any other
    slug is translated word by word. Returns the number of strings translated.
    """
    if not translations:
        return 0
    source_locale = translations[0].source.locale
    target_locale = translations[0].target_locale
    language = target_locale.language_code
    whole, _fixes = CORRECTIONS.get(language, ({}, []))

    work = untranslated_segments(translations, target_locale)
    if not work:
        return 0

    results = translator.translate(
        source_locale, target_locale, list(dict.fromkeys(value for _t, _s, value in work))
    )

    def final(value):
        translated = results.get(value)
        if translated is None or translated.data is None:
            return None  # left for the editor
        if value.data in whole:
            return whole[value.data]
        return correct(translated.data, language)

    titles = {}
    for translation, segment, value in work:
        if segment.context.path == "title":
            titles[translation.pk] = (segment.string.data, final(value))

    count = 0
    for translation, segment, value in work:
        if segment.context.path == "slug":
            source_title, title = titles.get(translation.pk, ("", None))
            if title and segment.string.data == norwegian_slug(source_title):
                data = norwegian_slug(StringValue(title).render_text())
            else:
                data = final(value)
                data = norwegian_slug(StringValue(data).render_text()) if data else None
        else:
            data = final(value)
        if not data:
            continue
        StringTranslation.objects.get_or_create(
            translation_of_id=segment.string_id,
            locale=target_locale,
            context_id=segment.context_id,
            defaults={
                "data": data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                "tool_name": translator.display_name,
                "has_error": False,
                "field_error": "",
            },
        )
        count += 1
    return count


def needs_translation(page, target_locale):
    """False when ``page`` is translated already, perhaps by an editor: never overwritten."""
    target = page.get_translation_or_none(target_locale)
    return target is None or bool(getattr(target, "alias_of_id", None))


def translate_demo_pages(pages, target_locale, output=None):
    """Translate ``pages`` (or snippets) into ``target_locale`` with Apertium, parents first.

    Returns the number of pages translated now.
    """
    write = output or (lambda message: None)
    pages = [
        page.specific if isinstance(page, Page) else page
        for page in sorted(pages, key=lambda p: getattr(p, "path", str(p.pk)))
        if needs_translation(page, target_locale)
    ]
    if not pages:
        return 0
    translations = []
    with transaction.atomic():
        for page in pages:
            source, _created = TranslationSource.update_or_create_from_instance(page)
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=target_locale
            )
            translations.append(translation)
        try:
            machine_translate(translations, get_machine_translator())
        except ApertiumError as error:
            write(f"  {error}")
            logger.warning("Demo translation failed: %s", error)
            return 0
    for page, translation in zip(pages, translations, strict=True):
        # Publishes on commit of the outermost transaction, as in the editor.
        with transaction.atomic():
            translation.save_target(publish=True)
        write(f"  {target_locale.language_code}: {page}")
    return len(pages)


def framework_pages(home):
    """The factor framework in its original language: home, overview, factors, activities,
    and the quote, article and case study index pages."""
    from cases.models import CaseStudyIndexPage
    from guidance.models import ArticleIndexPage, FactorIndexPage, QuoteIndexPage

    index_types = [FactorIndexPage, QuoteIndexPage, ArticleIndexPage, CaseStudyIndexPage]
    indexes = Page.objects.child_of(home).type(*index_types).filter(alias_of__isnull=True)
    factor_index = indexes.type(FactorIndexPage).first()
    pages = [home, *indexes]
    if factor_index is not None:
        pages += list(factor_index.get_descendants().filter(alias_of__isnull=True))
    return pages


def renew_superseded(output=None):
    """Pages whose field an earlier demo wrote and this one corrects (``superseded`` in
    translation.yaml), published with the new text; returns how many."""
    write = output or (lambda message: None)
    renewed = 0
    for language, data in content.read("translation").items():
        items = data.get("superseded", [])
        if not items:
            continue
        pages = Page.objects.filter(locale__language_code=language, alias_of__isnull=True)
        for page in pages.specific():
            changed = False
            for item in items:
                if getattr(page, item["field"], None) == item["old"]:
                    setattr(page, item["field"], item["new"])
                    changed = True
            if changed:
                page.save_revision().publish()
                write(f"  {language}: {page.title}")
                renewed += 1
    return renewed


def translate_demo(output=None):
    """Translate the demo framework and notice nb→nn, and the nynorsk case studies nn→nb.

    Returns the number of pages translated now, or None when Apertium is missing.
    """
    from wagtail.models import Locale, Site

    from cases.models import CaseStudyPage

    write = output or (lambda message: None)
    if not apertium_available():
        write(MISSING_APERTIUM)
        return None
    nb = Locale.objects.get(language_code="nb")
    nn = Locale.objects.get(language_code="nn")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return 0
    home = site.root_page.get_translation_or_none(nb) or site.root_page
    from website.models import Notice

    translated = translate_demo_pages(framework_pages(home), nn, write)
    translated += translate_demo_pages(Notice.objects.filter(locale=nb), nn, write)
    nynorsk_cases = CaseStudyPage.objects.filter(locale=nn, alias_of__isnull=True).filter(
        original_language="nn"
    )
    translated += translate_demo_pages(nynorsk_cases, nb, write)
    return translated
