"""The facet values of every searchable page of a locale, as bitmaps.

A bitmap is an int with bit ``position[pk]`` set for each page that has the value, so the pages
of a search that have it are counted with one AND and ``int.bit_count``. What a value means
for a content type (a case study's year, a quote's municipality) the model declares
(``year_field``, ``has_period``, ``municipality_field``); the types come from guidance's
registry.
"""

import bisect
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from guidance.content_types import (
    factor_linked_models,
    relation_querysets,
    searchable_models,
    searchable_pages,
    theme_linked_models,
    union_all,
)
from guidance.models import ActivityPage, FactorPage
from guidance.models.period import period_years

FACETS = ("factor", "theme", "type", "municipality", "year")


class LocaleFacets:
    """The searchable pages of a locale, and a bitmap per facet value."""

    def __init__(self, published, stated_years, positions):
        self._published = published  # {pk: first publishing as a timestamp}
        self.stated_years = stated_years  # {pk: (first, last year)} the content states
        self.position = {pk: i for i, pk in enumerate(published)}
        self.capacity = len(published)  # positions handed out, gaps of removed pages included
        # What filters without a query narrow: every searchable page, newest first.
        self.newest_first = sorted(published, key=lambda pk: (published[pk], pk), reverse=True)
        self.size = len(published) // 8 + 1  # bytes
        self.masks = {
            name: {value: self.mask(found) for value, found in by_value.items()}
            for name, by_value in positions.items()
        }

    def patched(self, pks, found):
        """A copy in which the pages ``pks`` are as ``found`` (a ``Found`` of those of them
        still searchable) says: their old bits cleared, a new position for each new page.

        The copy is new: other threads may still be counting with this one.
        """
        new = object.__new__(LocaleFacets)
        gone = self.mask_of(pks)
        new.position = dict(self.position)
        new._published = dict(self._published)
        new.stated_years = dict(self.stated_years)
        new.capacity = self.capacity
        for pk in pks:
            new._published.pop(pk, None)
            new.stated_years.pop(pk, None)
            if pk not in found.published:
                new.position.pop(pk, None)
        for pk in found.published:
            if pk not in new.position:
                new.position[pk] = new.capacity
                new.capacity += 1
        new._published.update(found.published)
        new.stated_years.update(found.stated_years)
        new.size = new.capacity // 8 + 1
        new.masks = {
            name: {value: mask & ~gone for value, mask in by_value.items()}
            for name, by_value in self.masks.items()
        }
        for facet, by_value in found.values.items():
            masks = new.masks[facet]
            for value, ids in by_value.items():
                masks[value] = masks.get(value, 0) | new.mask_of(ids)
        for by_value in new.masks.values():
            for value in [value for value, mask in by_value.items() if not mask]:
                del by_value[value]
        new.newest_first = self._reordered(pks, new._published)
        return new

    def _reordered(self, pks, published):
        """``newest_first`` with the pages ``pks`` as ``published`` has them now: the same
        list when none came, went or changed its date (a page published again keeps its first
        publishing), else the others with each of them put in its place (a few bisections:
        merging all 10,000 again cost more than the rest of the update)."""
        before = self._published
        if all(before.get(pk) == published.get(pk) for pk in pks):
            return self.newest_first
        changed = set(pks)
        pages = [pk for pk in self.newest_first if pk not in changed]
        for pk in changed & published.keys():
            bisect.insort(pages, pk, key=lambda pk: (-published[pk], -pk))
        return pages

    def sort_newest(self, ids):
        """``ids`` newest first; pages published at the same moment keep their order."""
        published = self._published
        return sorted(ids, key=lambda pk: published.get(pk, 0), reverse=True)

    def mask(self, positions):
        bits = bytearray(self.size)
        for i in positions:
            bits[i >> 3] |= 1 << (i & 7)
        return int.from_bytes(bits, "little")

    def mask_of(self, ids):
        position = self.position
        return self.mask(position[pk] for pk in ids if pk in position)

    def select(self, ids, mask):
        """The ids (in their order) whose bit is set in ``mask``."""
        bits, position = mask.to_bytes(self.size, "little"), self.position
        return [
            pk for pk in ids if (i := position.get(pk)) is not None and bits[i >> 3] >> (i & 7) & 1
        ]

    def values_of(self, pk, facet):
        """The values of one facet that page ``pk`` has (a test per value: for a few hits)."""
        i = self.position.get(pk)
        if i is None:
            return []
        return [value for value, mask in self.masks[facet].items() if mask >> i & 1]


class Found:
    """The facet values of some searchable pages, as ``collect`` reads them."""

    def __init__(self):
        self.published = {}  # {pk: first publishing as a timestamp}, in the order read
        self.stated_years = {}
        self.values = {name: defaultdict(list) for name in FACETS}  # {facet: {value: [pk]}}


def _stated_years(pages, models):
    """{pk: (first year, last year)} of the pages that state the years of their content, by a
    field (``year_field``) or a period (``has_period``), and {pk: [years]} of them, in one
    query."""
    querysets = [
        model.objects.filter(**pages, **{f"{model.year_field}__isnull": False})
        .values_list("pk", model.year_field, model.year_field)
        .order_by()
        for model in models
        if model.year_field
    ] + [
        model.objects.filter(**pages, period_start__isnull=False)
        .values_list("pk", "period_start", "period_end")
        .order_by()
        for model in models
        if model.has_period and not model.year_field
    ]
    stated, periods = {}, {}
    for pk, start, end in union_all(querysets):
        years = period_years(start, end)
        stated[pk] = (years[0], years[-1])
        periods[pk] = years
    return stated, periods


def _municipality_querysets(pages, models):
    """(page id, municipality id) of the chosen pages, per model that has a municipality."""
    querysets = []
    for model in models:
        name = model.municipality_field
        if not name:
            continue
        if model._meta.get_field(name).many_to_many:
            querysets += relation_querysets([model], name, "municipality_id", lambda _model: pages)
        else:
            querysets.append(
                model.objects.filter(**pages, **{f"{name}__isnull": False})
                .values_list("pk", f"{name}_id")
                .order_by()
            )
    return querysets


def collect(locale, factors, pks=None):
    """The facet values of the searchable pages of ``locale`` (of those in ``pks`` when given),
    as a ``Found``; pages not searchable (unpublished, private, deleted) are not in it."""
    by_model = ContentType.objects.get_for_models(*searchable_models())
    model_by_ct = {ct.pk: model for model, ct in by_model.items()}
    factor_by_key = {f.translation_key: str(f.number) for f in factors}
    factor_by_path = {f.path: str(f.number) for f in factors}
    # By id alone when ids are given: pages of another locale are left out with their rows.
    pages = {"locale": locale} if pks is None else {"pk__in": list(pks)}
    rows = searchable_pages(locale)
    if pks is not None:
        rows = rows.filter(pk__in=list(pks))
    rows = list(rows.values_list("pk", "content_type_id", "path", "first_published_at"))
    models = searchable_models()
    if pks is not None:  # ask only the tables of the types these pages are of
        present = {model_by_ct.get(ct_id) for _pk, ct_id, _path, _published in rows}
        models = tuple(model for model in models if model in present)
    stated_years, periods = _stated_years(pages, models)
    found = Found()
    values, published_at = found.values, found.published
    for pk, ct_id, path, published in rows:
        model = model_by_ct.get(ct_id)
        values["type"][model.search_key if model else ""].append(pk)
        published_at[pk] = published.timestamp() if published else 0
        # The content's own years (a report's year, a programme's period); else, for a type its
        # publishing dates (an article), first publishing's; else none, as its hit shows none.
        years = periods.get(pk)
        if not years and published and getattr(model, "dated_by_publishing", False):
            years = [published.year]
        for year in years or ():
            values["year"][str(year)].append(pk)
        # A factor is its own factor; an activity belongs to the factor it sits under.
        factor_path = ActivityPage.factor_path_of(path) if model is ActivityPage else path
        if model in (FactorPage, ActivityPage) and factor_path in factor_by_path:
            values["factor"][factor_by_path[factor_path]].append(pk)
    found.stated_years = {pk: year for pk, year in stated_years.items() if pk in published_at}

    def add(facet, querysets, value_of=str):
        by_value = values[facet]
        for pk, value in union_all(querysets):
            value = value_of(value)
            if pk in published_at and value is not None:
                by_value[value].append(pk)

    def chosen(model):
        return pages if model in models else None

    factor_rows = relation_querysets(
        factor_linked_models(), "factors", "factorpage__translation_key", chosen
    )
    add("factor", factor_rows, factor_by_key.get)
    add(
        "theme",
        relation_querysets(theme_linked_models(), "themes", "theme__translation_key", chosen),
    )
    add("municipality", _municipality_querysets(pages, models))
    return found


def locale_facets(locale, factors):
    """The ``LocaleFacets`` of ``locale``: the facet values of each of its searchable pages."""
    found = collect(locale, factors)
    position = {pk: i for i, pk in enumerate(found.published)}
    positions = {
        facet: {value: [position[pk] for pk in pks] for value, pks in by_value.items()}
        for facet, by_value in found.values.items()
    }
    return LocaleFacets(found.published, found.stated_years, positions)
