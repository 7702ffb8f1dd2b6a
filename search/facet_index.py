"""The facet values of every searchable page of a locale, as bitmaps.

A bitmap is an int with bit ``position[pk]`` set for each page that has the value, so the pages
of a search that have it are counted with one AND and ``int.bit_count``. What a value means
for a content type (a case study's year, a quote's municipality) the model declares
(``year_field``, ``has_period``, ``municipality_field``); the types come from guidance's
registry.
"""

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
        self.stated_years = stated_years  # {pk: year} of pages dated by a field of their own
        self.position = {pk: i for i, pk in enumerate(published)}
        # What filters without a query narrow: every searchable page, newest first.
        self.newest_first = sorted(published, key=lambda pk: (published[pk], pk), reverse=True)
        self.size = len(published) // 8 + 1  # bytes
        self.masks = {
            name: {value: self.mask(found) for value, found in by_value.items()}
            for name, by_value in positions.items()
        }

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


def _stated_years(locale):
    """{pk: year} of the pages whose model dates them by a field (``year_field``), and
    {pk: [years]} of those with a period (``has_period``), in one query."""
    querysets = [
        model.objects.filter(locale=locale, **{f"{model.year_field}__isnull": False})
        .values_list("pk", model.year_field, model.year_field)
        .order_by()
        for model in searchable_models()
        if model.year_field
    ] + [
        model.objects.filter(locale=locale, period_start__isnull=False)
        .values_list("pk", "period_start", "period_end")
        .order_by()
        for model in searchable_models()
        if model.has_period and not model.year_field
    ]
    stated, periods = {}, {}
    for pk, start, end in union_all(querysets):
        if end == start:
            stated[pk] = start
        periods[pk] = period_years(start, end)
    return stated, periods


def _municipality_querysets(locale):
    """(page id, municipality id) of the pages of ``locale``, per model that has a municipality."""
    querysets = []
    for model in searchable_models():
        name = model.municipality_field
        if not name:
            continue
        if model._meta.get_field(name).many_to_many:
            querysets += relation_querysets(
                [model], name, "municipality_id", lambda _model: {"locale": locale}
            )
        else:
            querysets.append(
                model.objects.filter(locale=locale, **{f"{name}__isnull": False})
                .values_list("pk", f"{name}_id")
                .order_by()
            )
    return querysets


def locale_facets(locale, factors):
    """The ``LocaleFacets`` of ``locale``: the facet values of each of its searchable pages."""
    by_model = ContentType.objects.get_for_models(*searchable_models())
    model_by_ct = {ct.pk: model for model, ct in by_model.items()}
    factor_by_key = {f.translation_key: str(f.number) for f in factors}
    factor_by_path = {f.path: str(f.number) for f in factors}
    stated_years, periods = _stated_years(locale)
    positions = {name: defaultdict(list) for name in FACETS}
    published_at, position = {}, {}
    rows = searchable_pages(locale).values_list(
        "pk", "content_type_id", "path", "first_published_at"
    )
    for i, (pk, ct_id, path, published) in enumerate(rows):
        position[pk] = i
        model = model_by_ct.get(ct_id)
        positions["type"][model.search_key if model else ""].append(i)
        published_at[pk] = published.timestamp() if published else 0
        # The content's own years (a report's year, a programme's period), else first publishing's.
        years = periods.get(pk) or ([published.year] if published else [])
        for year in years:
            positions["year"][str(year)].append(i)
        # A factor is its own factor; an activity belongs to the factor it sits under.
        factor_path = ActivityPage.factor_path_of(path) if model is ActivityPage else path
        if model in (FactorPage, ActivityPage) and factor_path in factor_by_path:
            positions["factor"][factor_by_path[factor_path]].append(i)

    def add(facet, querysets, value_of=str):
        found = positions[facet]
        for pk, value in union_all(querysets):
            i, value = position.get(pk), value_of(value)
            if i is not None and value is not None:
                found[value].append(i)

    def in_locale(_model):
        return {"locale": locale}

    factor_rows = relation_querysets(
        factor_linked_models(), "factors", "factorpage__translation_key", in_locale
    )
    add("factor", factor_rows, factor_by_key.get)
    add(
        "theme",
        relation_querysets(theme_linked_models(), "themes", "theme__translation_key", in_locale),
    )
    add("municipality", _municipality_querysets(locale))
    return LocaleFacets(published_at, stated_years, positions)
