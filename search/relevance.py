"""The judged relevance set: success@5 and MRR of the search on the content in the database.

``tests/search/judged_queries.yaml`` lists what a caseworker types and the pages (by the slug
of the bokmål page, whatever the query's language) that belong in its top 5. ``evaluate``
runs each query through the same matching as the search page (``matching.find``); the test
(tests/search/test_relevance.py) and ``benchmarks/relevance_bench.py`` read it. ``OPTIONS``
are the analyses the benchmark compares (issue 12, item 2).
"""

from dataclasses import dataclass, field

import yaml

from wagtail.models import Locale, Page

from .facets import FacetData
from .matching import find

TOP = 5
OPTIONS = {
    "stems only": {"forms": False, "compounds": False, "typos": False},
    "stems + typos": {"forms": False, "compounds": False},
    "+ vocabulary compounds, no Apertium": {"forms": False},
    "+ Apertium forms, no compounds": {"compounds": False},
    "all (stems, typos, compounds, Apertium)": {},
}


@dataclass
class Score:
    success: float = 0.0  # the share of queries with a judged page in the top 5
    mrr: float = 0.0  # mean reciprocal rank of the first judged page (0 when absent)
    misses: list = field(default_factory=list)


def load(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def evaluate(judged, options=None):
    locales = {lang: Locale.objects.get(language_code=lang) for lang in ("nb", "nn")}
    # Each page counts by the slug of its bokmål original (nynorsk slugs follow translation).
    nb_slug = dict(Page.objects.filter(locale=locales["nb"]).values_list("translation_key", "slug"))
    slugs = {
        pk: nb_slug.get(key, slug)
        for pk, key, slug in Page.objects.values_list("pk", "translation_key", "slug")
    }
    hits, reciprocal, misses = 0, 0.0, []
    for item in judged:
        locale = locales[item["lang"]]
        visible = FacetData.for_locale(locale).index.position
        found = [slugs.get(pk) for pk in find(locale, item["q"], visible, options).ids]
        rank = next((i for i, slug in enumerate(found) if slug in item["expect"]), None)
        if rank is not None:
            reciprocal += 1 / (rank + 1)
        if rank is not None and rank < TOP:
            hits += 1
        else:
            misses.append((item["lang"], item["q"], found[:TOP]))
    count = len(judged) or 1
    return Score(hits / count, reciprocal / count, misses)
