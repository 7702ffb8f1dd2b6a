"""What the search page offers besides hits: the ways in for an empty search, and the ways on
when a search finds nothing (the filters to remove, the factors, the themes, the types).

All of it comes from the locale's ``FacetData`` (kept per process under the publication
stamp), so an empty or fruitless search costs no more queries than one with hits.
"""

from dataclasses import dataclass

from core.search_links import SearchLinks
from guidance.content_types import searchable_models

from .facets import FACET_LABELS


@dataclass
class Way:
    label: str
    url: str
    count: int = 0


def removable_filters(data, result):
    """A link per active filter that repeats the search without it (and one without them all)."""
    selected = result.selected
    links = SearchLinks(
        {
            "q": result.search_query,
            "order": result.order if result.order != "relevance" else None,
            **selected,
        }
    )
    ways = [
        Way(f"{FACET_LABELS[name]}: {data.label(name, value)}", links.url(**{name: None}))
        for name, value in selected.items()
    ]
    everything = links.url(**dict.fromkeys(selected)) if len(selected) > 1 else ""
    return ways, everything


def type_ways(data, links):
    """Each content type with pages in the language: the search filtered to it, with its count."""
    ways = []
    for model in searchable_models():
        count = data.index.masks["type"].get(model.search_key, 0).bit_count()
        if count:
            ways.append(Way(str(model.listing_label), links.url(type=model.search_key), count))
    return ways


def ways(form, result):
    """The template context for the ways in and on: factors, themes, types, filters to remove."""
    data = form.facet_data
    context = {
        "way_factors": data.factors,
        "way_themes": sorted(data.theme_by_slug.values(), key=lambda t: t.name.lower()),
        "way_types": type_ways(data, SearchLinks()),
    }
    if result.selected:
        context["removable_filters"], context["remove_all_filters_url"] = removable_filters(
            data, result
        )
    return context
