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

from . import compounds, vocabulary
from .analysis import forms, words
from .facets import FacetData
from .matching import find

TOP = 5
OPTIONS = {
    "stems only": {"forms": False, "compounds": False, "typos": False},
    "stems + typos": {"forms": False, "compounds": False},
    "+ vocabulary compounds, no Apertium": {"forms": False},
    "+ Apertium forms, no compounds": {"compounds": False},
    "all (stems, typos, compounds, Apertium)": {},
    # Before: only a compound nobody published was split into its ends.
    "all, only unpublished compounds split": {"split_published": False},
    # A lexicon's compounds (search/compounds.py) instead of the vocabulary's, and with them;
    # the published words are split in one batch, and a query's words only by the last row.
    "all, Apertium lt-proc -e compounds instead": {"compounds": False, "lexicon": "apertium"},
    "all + Apertium lt-proc -e compounds": {"lexicon": "apertium"},
    "all + Apertium, query words split too": {"lexicon": "apertium", "split_queries": True},
    "all, hunspell-no compounds instead": {"compounds": False, "lexicon": "hunspell"},
    "all + hunspell-no compounds": {"lexicon": "hunspell"},
    "all + hunspell-no, query words split too": {"lexicon": "hunspell", "split_queries": True},
}


@dataclass
class Score:
    success: float = 0.0  # the share of queries with a judged page in the top 5
    mrr: float = 0.0  # mean reciprocal rank of the first judged page (0 when absent)
    misses: list = field(default_factory=list)
    ranks: list = field(default_factory=list)  # per query: the first judged page's rank or None


def load(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def lexicon_available(name):
    """Apertium on either database; hunspell-no through PostgreSQL's ispell dictionaries."""
    return compounds.hunspell_available() if name == "hunspell" else forms.available()


def _with_lexicon(judged, options):
    """``options`` with the lexicon named in them built over the published words in one
    batch, as a refresh of the word list would; with ``split_queries`` the words of the judged
    queries join the batch, as if the lexicon were asked per query (an upper bound)."""
    name = (options or {}).get("lexicon")
    if not name:
        return options
    queries = set()
    if options.get("split_queries"):
        queries = {word for item in judged for word in words(item["q"])}
    lexicon = compounds.Lexicon.build(name, vocabulary.current().documents, queries)
    return {**options, "lexicon": lexicon}


def evaluate(judged, options=None):
    locales = {lang: Locale.objects.get(language_code=lang) for lang in ("nb", "nn")}
    # Each page counts by the slug of its bokmål original (nynorsk slugs follow translation).
    nb_slug = dict(Page.objects.filter(locale=locales["nb"]).values_list("translation_key", "slug"))
    slugs = {
        pk: nb_slug.get(key, slug)
        for pk, key, slug in Page.objects.values_list("pk", "translation_key", "slug")
    }
    options = _with_lexicon(judged, options)
    hits, reciprocal, misses, ranks = 0, 0.0, [], []
    for item in judged:
        locale = locales[item["lang"]]
        visible = FacetData.for_locale(locale).index.position
        found = [slugs.get(pk) for pk in find(locale, item["q"], visible, options).ids]
        rank = next((i for i, slug in enumerate(found) if slug in item["expect"]), None)
        ranks.append(rank)
        if rank is not None:
            reciprocal += 1 / (rank + 1)
        if rank is not None and rank < TOP:
            hits += 1
        else:
            misses.append((item["lang"], item["q"], found[:TOP]))
    count = len(judged) or 1
    return Score(hits / count, reciprocal / count, misses, ranks)
