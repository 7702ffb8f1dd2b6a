"""Which pages match a query: every word first, else the most words, on either database.

The query and each synonym variant (``Synonym.expand``) are expanded into groups of stems
(``expansion.expand``); one backend per database (``postgresql``, ``sqlite``) answers «which
pages of this locale hold every group, best first». Pages that hold all the words of a query
of several come first; when fewer than ``FEW`` do, the pages that hold most of the words follow
(the best ranked among equals), so the first places a reader scans are filled. When none
holds them all, ``Matches.all_words`` is False so the page can say so.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.db import DatabaseError, connection, transaction

from core import publication

from . import postgresql, sqlite, vocabulary
from .expansion import expand
from .models import Synonym

# More matches than this are not read for facets: a query this broad says nothing anyway.
MAX_MATCHES = 10_000
BACKENDS = {"postgresql": postgresql, "sqlite": sqlite}
# Fewer pages than this holding every word of a query of several: add those holding most.
# Five, the places a reader scans first: one common word of a question («få» in «hvordan få
# ledelsen med») must not leave them to three pages that happen to hold it and hide the page
# about the rest (docs/search.md).
FEW = 5
# The matches of the last queries, kept per process: a further page or another facet of a
# search does not match and rank it again. Keyed by everything the matches depend on.
RECENT = 32
_recent = OrderedDict()
_lock = threading.Lock()


@dataclass
class Matches:
    ids: list
    variants: list  # the query and its synonym variants, for highlighting
    corrected: str | None = None  # the query with misspelt words replaced, when that was used
    all_words: bool = True  # False when the pages shown hold only some of the words


def _ranked(backend, locale, groups, visible, all_groups=True):
    """The visible matches, best first, at most ``MAX_MATCHES``."""
    try:
        with transaction.atomic():
            return backend.ranked_ids(locale, groups, visible, MAX_MATCHES, all_groups)
    except DatabaseError:
        # A query the full-text engine cannot digest finds nothing rather than failing.
        return []


def _holding(backend, locale, group, visible):
    """The visible pages that hold ``group``, unranked."""
    try:
        with transaction.atomic():
            return backend.matching_ids(locale, [group], visible)
    except DatabaseError:
        return set()


def _most_words(backend, locale, groups, visible):
    """Pages holding any of the groups: those with most groups first, then by rank."""
    ranked = _ranked(backend, locale, groups, visible, all_groups=False)
    held = dict.fromkeys(ranked, 0)
    for group in groups:
        for pk in _holding(backend, locale, group, visible):
            if pk in held:
                held[pk] += 1
    order = {pk: i for i, pk in enumerate(ranked)}
    return sorted(ranked, key=lambda pk: (-held[pk], order[pk]))


def find(locale, query, visible, options=None):
    """The ``Matches`` for ``query`` among the ``visible`` ids (``LocaleFacets.position``).

    Kept for the next searches of the same query under the same publication stamp (what is
    public and indexed), word list and synonyms, and the same ``visible`` pages."""
    words = vocabulary.current()
    variants = Synonym.expand(query)
    key = (
        publication.current(),
        words.version,
        connection.alias,
        locale.pk,
        tuple(variants),
        tuple(sorted((options or {}).items())),
    )
    with _lock:
        entry = _recent.get(key)
        if entry is not None and entry[0] is visible:
            _recent.move_to_end(key)
            return entry[1]
    matches = _find(locale, query, visible, options, words, variants)
    with _lock:
        _recent[key] = (visible, matches)
        while len(_recent) > RECENT:
            _recent.popitem(last=False)
    return matches


def forget():
    """Drop the kept matches (benchmarks timing a query as if new; tests writing behind the
    ORM)."""
    with _lock:
        _recent.clear()


def _find(locale, query, visible, options, words, variants):
    backend = BACKENDS[connection.vendor]
    expansions = [expand(variant, words, options) for variant in variants]
    first = expansions[0]
    # In order, without repeats: the query's matches, then its synonym variants' ones.
    found = dict.fromkeys(_ranked(backend, locale, first.groups, visible))
    for expansion in expansions[1:]:
        found.update(dict.fromkeys(_ranked(backend, locale, expansion.groups, visible)))
    ids, seen = list(found), found
    all_words = True
    if len(ids) < FEW and len(first.groups) > 1:
        # Few or no pages hold every word: those that hold most of them come after.
        more = [pk for pk in _most_words(backend, locale, first.groups, visible) if pk not in seen]
        all_words = bool(ids) or not more
        ids += more
    corrected = first.corrected(query) if ids else None
    return Matches(ids[:MAX_MATCHES], variants, corrected, all_words)
