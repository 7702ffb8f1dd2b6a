"""Facets: what the hits of a search are about, with counts, and the links that narrow it.

Wagtail's search cannot filter on many-to-many relations, so the search finds the ids of
every match and filters and counts them here, against the bitmaps of the locale
(``facet_index``), which are built once per content version (the publication stamp).
"""

import copy
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.models import Locale

from core import publication
from guidance.content_types import model_for_search_key
from guidance.models import FactorPage, Municipality, Theme
from guidance.models.base import live_in_locale

from . import changes
from .facet_index import FACETS, collect, locale_facets

CACHE_SECONDS = 24 * 3600
# The shape of what is cached: a deploy that changes it must not read the old one (v2: the
# stated years became (first, last) pairs; v3: only an article is listed under its publishing's
# year when it states none).
CACHE_PREFIX = "veiviser-search-facets-v3"
FACET_LABELS = {
    "factor": _("Success factor"),
    "theme": _("Theme"),
    "type": _("Type of content"),
    "municipality": _("Municipality"),
    "year": _("Year"),
}


@dataclass
class FacetOption:
    value: str
    label: str
    count: int = 0
    selected: bool = False
    url: str = ""  # the search with this option chosen (or, when chosen, removed)
    count_text: str = ""


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)


class FacetData:
    """The factor, theme, type, municipality and year of the pages of a locale.

    Internally themes are keyed by translation key and municipalities by id; in URLs they
    appear as slug and municipality number. Built once per process and locale under the
    publication stamp (``for_locale``). Its ``index.position`` is what search may show: the
    live, public pages of the locale, so every change to what is public must renew the stamp
    (core/publication.py); the hits shown are asked live and public once more.
    """

    _latest = {}  # {locale pk: the newest FacetData this process has}, to update from

    @classmethod
    def for_locale(cls, locale):
        """The facet data under the current stamp: this process's copy, else the one in
        Django's cache (put there by the process that made it), else this process's previous
        copy updated with the pages changed since (``search/changes.py``), else built here."""
        return publication.remembered(("facet_data", locale.pk), lambda: cls.shared(locale))

    @classmethod
    def shared(cls, locale, stamp=None):
        stamp = stamp or publication.current()
        key = f"{CACHE_PREFIX}:{locale.pk}:{stamp}"
        data = cache.get(key)
        if data is None:
            data = cls._updated(locale, stamp) or cls(locale, stamp)
            cache.set(key, data, CACHE_SECONDS)
            # The newest one's stamp, not a second copy: pickled once per publish, not twice.
            cache.set(f"{CACHE_PREFIX}:{locale.pk}:latest", str(stamp), CACHE_SECONDS)
        cls._latest[locale.pk] = data
        return data

    @classmethod
    def _updated(cls, locale, stamp):
        """The previous facet data (this process's, else the cache's newest) with the pages
        changed since read again; None when the changes are not known page by page."""
        previous = cls._latest.get(locale.pk)
        if previous is None:
            latest = cache.get(f"{CACHE_PREFIX}:{locale.pk}:latest")
            previous = latest and cache.get(f"{CACHE_PREFIX}:{locale.pk}:{latest}")
        if previous is None or getattr(previous, "stamp", None) is None:
            return None
        if str(previous.stamp) == str(stamp):
            return previous
        pks = changes.pages_changed(previous.stamp, stamp)
        if pks is None:
            return None
        factors = {f.pk for f in previous.factors}
        found = collect(locale, previous.factors, pks)
        if factors & pks or FactorPage.search_key in found.values["type"]:
            return None  # a factor changed: what activities belong to may have too
        data = copy.copy(previous)
        data.stamp = stamp
        data.index = previous.index.patched(pks, found)
        return data

    @classmethod
    def prebuild(cls):
        """Each language's facet data under the current stamp, into the cache."""
        stamp = publication.current()
        for locale in Locale.objects.all():
            cls.shared(locale, stamp)

    @classmethod
    def forget(cls):
        cls._latest.clear()

    def __init__(self, locale, stamp=None):
        self.stamp = stamp
        self.locale = locale
        self.factors = list(live_in_locale(FactorPage, locale).order_by("number"))
        self.factor_by_number = {str(f.number): f for f in self.factors}
        themes = list(Theme.objects.filter(locale=locale, live=True))
        self.theme_by_key = {str(t.translation_key): t for t in themes}
        self.theme_by_slug = {t.slug: t for t in themes}
        self.municipalities = {str(m.pk): m for m in Municipality.objects.all()}
        self.municipality_by_number = {m.number: m for m in self.municipalities.values()}
        self.index = locale_facets(locale, self.factors)

    def to_internal(self, facet, value):
        """The URL value of a facet as stored in the bitmaps (None when it names nothing)."""
        if facet == "theme":
            theme = self.theme_by_slug.get(value)
            return str(theme.translation_key) if theme else None
        if facet == "municipality":
            municipality = self.municipality_by_number.get(value)
            return str(municipality.pk) if municipality else None
        return value

    def to_public(self, facet, value):
        """The stored value of a facet as it appears in URLs (None when it names nothing)."""
        if facet == "theme":
            theme = self.theme_by_key.get(value)
            return theme.slug if theme else None
        if facet == "municipality":
            municipality = self.municipalities.get(value)
            return municipality.number if municipality else None
        return value

    def label(self, facet, value):
        if facet == "factor":
            factor = self.factor_by_number.get(value)
            return f"{factor.number}. {factor.title}" if factor else value
        if facet == "theme":
            theme = self.theme_by_slug.get(value)
            return theme.name if theme else value
        if facet == "type":
            model = model_for_search_key(value)
            return str(model._meta.verbose_name).capitalize() if model else value
        if facet == "municipality":
            municipality = self.municipality_by_number.get(value)
            return municipality.name if municipality else value
        return value

    def factors_of(self, pk):
        """The factors page ``pk`` is about, by number."""
        numbers = sorted(int(n) for n in self.index.values_of(pk, "factor"))
        return [self.factor_by_number[str(n)] for n in numbers]


def apply_facets(ids, data, selected):
    """The ids that pass every selected filter, and the facets with their counts.

    A facet's counts apply the other facets' filters but not its own, so each option says how
    many hits choosing it instead would give.
    """
    index = data.index
    match = index.mask_of(ids)
    wanted = {
        name: index.masks[name].get(data.to_internal(name, value), 0)
        for name, value in selected.items()
    }

    def narrowed(skip=None):
        mask = match
        for name, value_mask in wanted.items():
            if name != skip:
                mask &= value_mask
        return mask

    kept_mask = narrowed()
    kept = index.select(ids, kept_mask) if wanted else list(ids)
    facets = []
    for name in FACETS:
        base = narrowed(skip=name) if name in wanted else kept_mask
        counts = {value: (base & mask).bit_count() for value, mask in index.masks[name].items()}
        public_counts = {}
        for value, count in counts.items():
            public = data.to_public(name, value)
            if count and public is not None:
                public_counts[public] = count
        if name in selected:
            public_counts.setdefault(selected[name], 0)
        options = [
            FacetOption(value, data.label(name, value), count, selected.get(name) == value)
            for value, count in public_counts.items()
        ]
        if name == "factor":
            options.sort(key=lambda o: int(o.value))
        elif name == "year":
            options.sort(key=lambda o: o.value, reverse=True)
        else:
            options.sort(key=lambda o: (-o.count, o.label.lower()))
        facets.append(Facet(name, FACET_LABELS[name], options))
    return kept, facets


def link_options(facets, links):
    """Each option's address (choosing it, or removing it when chosen) and its count in words.

    ``links`` is the search's ``SearchLinks``. Done once here rather than by a template tag per
    option: a search shows some eighty options.
    """
    for facet in facets:
        for option in facet.options:
            option.url = links.url(**{facet.name: None if option.selected else option.value})
            option.count_text = ngettext(
                "%(counter)s result", "%(counter)s results", option.count
            ) % {"counter": option.count}
