"""The language law (språklova § 13) on the admin dashboard.

Central state bodies must publish at least 25 % of their public text in each written form. Every
guidance page is counted once, in the written form it was originally written in: the page of its
translation group whose locale is its ``original_language`` and that is not an alias. Its text is
counted in words: the title and every translatable text field and StreamField.

The report runs one query per page model plus one for all counterparts, however many pages exist.
"""

import html
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.ui.components import Component
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail_localize.fields import TranslatableField, get_translatable_fields

from editorial.models import OwnedPage

from .models import WrittenFormPage

MINIMUM_SHARE = 25  # per cent, for each written form
LISTED_PAGES = 50  # pages needing translation listed on the dashboard; the rest are counted

TAG_RE = re.compile(r"<[^>]*>")
WORD_RE = re.compile(r"\w+(?:[-'’.:]\w+)*")


def count_words(text):
    """Words in a piece of plain text or HTML: «Boligsosialt arbeid i 2020» is four."""
    if not text:
        return 0
    return len(WORD_RE.findall(html.unescape(TAG_RE.sub(" ", str(text)))))


def count_block_words(block, value):
    """Words in the raw (JSON) value of a StreamField block: text blocks only, not URLs."""
    if value is None:
        return 0
    if isinstance(block, blocks.StreamBlock):
        return sum(
            count_block_words(block.child_blocks[child["type"]], child.get("value"))
            for child in value
            if child.get("type") in block.child_blocks
        )
    if isinstance(block, blocks.StructBlock):
        return sum(
            count_block_words(child_block, value.get(name))
            for name, child_block in block.child_blocks.items()
        )
    if isinstance(block, blocks.ListBlock):
        return sum(
            count_block_words(
                block.child_block,
                item["value"] if isinstance(item, dict) and item.get("type") == "item" else item,
            )
            for item in value
        )
    if isinstance(block, blocks.RichTextBlock | blocks.CharBlock | blocks.TextBlock):
        return count_words(value)
    return 0


def text_fields(model):
    """The model's translatable fields that hold running text, title included, slug excluded."""
    names = []
    for translatable in get_translatable_fields(model):
        if not isinstance(translatable, TranslatableField):
            continue
        try:
            model_field = model._meta.get_field(translatable.field_name)
        except LookupError:
            continue
        if isinstance(model_field, models.SlugField | models.URLField) or getattr(
            model_field, "choices", None
        ):
            continue
        if isinstance(model_field, StreamField | models.TextField | models.CharField):
            names.append(model_field)
    return names


def page_word_count(page):
    """Words of a page's own text (title, text fields, StreamFields), without queries."""
    total = 0
    for model_field in text_fields(type(page)):
        value = getattr(page, model_field.name)
        if isinstance(model_field, StreamField):
            total += count_block_words(model_field.stream_block, list(value.raw_data))
        else:
            total += count_words(value)
    return total


@dataclass
class Shares:
    """Words of original text per written form, for the whole site or one directorate."""

    name: str
    words: dict = field(default_factory=dict)

    def add(self, language, count):
        self.words[language] = self.words.get(language, 0) + count

    @property
    def total(self):
        return sum(self.words.values())

    def share(self, language):
        """Per cent of the words originally written in ``language`` (0 when nothing counted)."""
        return 100 * self.words.get(language, 0) / self.total if self.total else 0

    def forms(self):
        return [
            {
                "code": code,
                "name": name,
                "words": self.words.get(code, 0),
                "share": self.share(code),
                "below_minimum": bool(self.total) and self.share(code) < MINIMUM_SHARE,
            }
            for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        ]

    @property
    def below_minimum(self):
        return any(form["below_minimum"] for form in self.forms())


@dataclass
class PageNeedingTranslation:
    page: Page
    language: str  # the language the translation is needed in
    status: str  # "missing" or "outdated"

    @property
    def language_name(self):
        return dict(settings.WAGTAIL_CONTENT_LANGUAGES)[self.language]

    @property
    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])


def owned_written_page_models():
    """Concrete page models with a written form and an owning directorate."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, WrittenFormPage) and issubclass(model, OwnedPage)
    ]


def original_pages():
    """Every page in its original written form (not an alias, not a translation)."""
    pages = []
    for model in owned_written_page_models():
        queryset = model.objects.filter(alias_of__isnull=True).select_related(
            "locale", "directorate"
        )
        for page in queryset:
            if (page.original_language or page.locale.language_code) == page.locale.language_code:
                pages.append(page)
    return pages


def language_report():
    """Shares overall and per directorate, and the pages whose translation is missing or old."""
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    originals = sorted(original_pages(), key=lambda page: page.path)

    overall = Shares(name=str(_("All directorates")))
    by_directorate = {}
    for page in originals:
        if not page.live:
            continue  # only published text counts
        language = page.locale.language_code
        words = page_word_count(page)
        overall.add(language, words)
        owner = page.directorate.name if page.directorate_id else str(_("No owning directorate"))
        by_directorate.setdefault(owner, Shares(name=owner)).add(language, words)

    counterparts = {}
    for row in Page.objects.filter(depth__gt=1).values(
        "translation_key", "locale_id", "alias_of_id", "live", "last_published_at"
    ):
        counterparts[(row["translation_key"], languages[row["locale_id"]])] = row

    needing = []
    for page in originals:
        if not page.live:
            continue
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            if code == page.locale.language_code:
                continue
            other = counterparts.get((page.translation_key, code))
            if other is None or other["alias_of_id"] or not other["live"]:
                needing.append(PageNeedingTranslation(page, code, "missing"))
            elif page.last_published_at and (
                other["last_published_at"] is None
                or other["last_published_at"] < page.last_published_at
            ):
                needing.append(PageNeedingTranslation(page, code, "outdated"))

    return {
        "overall": overall,
        "directorates": [by_directorate[name] for name in sorted(by_directorate)],
        "needing_translation": needing,
    }


class LanguageLawPanel(Component):
    name = "language_law"
    order = 150
    template_name = "languages/admin/language_law_panel.html"

    def get_context_data(self, parent_context=None):
        report = language_report()
        needing = report["needing_translation"]
        return {
            **report,
            "minimum": MINIMUM_SHARE,
            "needing_translation": needing[:LISTED_PAGES],
            "needing_count": len(needing),
            "missing_count": sum(1 for item in needing if item.status == "missing"),
            "outdated_count": sum(1 for item in needing if item.status == "outdated"),
            "not_listed": max(0, len(needing) - LISTED_PAGES),
        }
