"""Compounds split by a real lexicon, measured against the vocabulary decompounder (issue 12, 2).

Two lexicons split a word into the lemmas of its parts (boligservicekontoret → bolig + service
+ kontor), each in one batch over a word list:
- ``apertium``: the compound analysis of the bokmål and nynorsk analysers of
  ``apertium-nno-nob`` (``lt-proc -e``), on either database;
- ``hunspell``: Debian's ``hunspell-no`` dictionaries (nb_NO, nn_NO) as PostgreSQL ``ispell``
  text search dictionaries, which split a word by the affix file's compound flag
  (``COMPOUNDFLAG z``); PostgreSQL only. Debian's ``pg_updatedicts`` converts the files to
  UTF-8 into ``tsearch_data`` (``nb_no.dict``, ``nb_no.affix``) when the package is installed.

``Lexicon`` indexes the published words by their parts; ``alternatives`` gives, for a word of
a query, the published compounds that begin or end with its parts, or share its first and last
part, and for a compound nobody wrote its parts on their own. ``search/relevance.py`` measures
each lexicon alone and with the vocabulary decompounder.
"""

import re
from collections import defaultdict

from django.db import DatabaseError, connection, transaction

from .analysis import stem
from .analysis.forms import DATA, _run

APERTIUM_ANALYSERS = (f"{DATA}/nob-nno.automorf.bin", f"{DATA}/nno-nob.automorf.bin")
HUNSPELL = {"nb": "nb_no", "nn": "nn_no"}  # tsearch_data file names of hunspell-no
MAX_COMPOUNDS = 25
_LEXEME = re.compile(r"'((?:[^']|'')*)'")


def _lemma(segment):
    return segment.split("<", 1)[0].lower().strip()


def apertium_analyses(words):
    """{word: {(lemma of each part, ...), ...}} from ``lt-proc -e`` (one ``^…$`` a line):
    «kommune<n>…<cmp>+planlegging<n>…» is (kommune, planlegging)."""
    found = defaultdict(set)
    for analyser in APERTIUM_ANALYSERS:
        lines = _run(["lt-proc", "-e", "-w", analyser], words)
        for word, line in zip(words, lines or [], strict=False):
            for analysis in line.strip().strip("^$").split("/")[1:]:
                segments = analysis.split("+")
                if analysis.startswith("*") or any("<cmp" not in s for s in segments[:-1]):
                    continue
                parts = tuple(_lemma(s) for s in segments)
                if all(p.isalpha() for p in parts):
                    found[word].add(parts)
    return found


def hunspell_available():
    """hunspell-no's files in the PostgreSQL server's ``tsearch_data`` (a savepoint, so a
    missing file leaves the transaction usable)."""
    if connection.vendor != "postgresql":
        return False
    try:
        with transaction.atomic():
            ensure_hunspell_configurations()
    except DatabaseError:
        return False
    return True


def ensure_hunspell_configurations():
    """``veiviser_hunspell_nb`` and ``_nn``: text search configurations whose words go to the
    ispell dictionary of hunspell-no (made once per database)."""
    with connection.cursor() as cursor:
        for lang, files in HUNSPELL.items():
            name = f"veiviser_hunspell_{lang}"
            cursor.execute("SELECT 1 FROM pg_catalog.pg_ts_config WHERE cfgname = %s", [name])
            if cursor.fetchone():
                continue
            cursor.execute(
                f"CREATE TEXT SEARCH DICTIONARY {name} "
                f"(TEMPLATE = ispell, DictFile = {files}, AffFile = {files})"
            )
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = simple)")
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR asciiword, word, "
                f"asciihword, hword, hword_part, hword_asciipart WITH {name}"
            )


def hunspell_analyses(words):
    """{word: {(lemma of each part, ...), ...}}: each variant of ``plainto_tsquery`` with the
    ispell dictionaries («'kommuneplan' | 'kommune' & 'plan'»)."""
    ensure_hunspell_configurations()
    found = defaultdict(set)
    with connection.cursor() as cursor:
        for lang in HUNSPELL:
            cursor.execute(
                "SELECT w, plainto_tsquery(%s::regconfig, w)::text FROM unnest(%s::text[]) w",
                [f"veiviser_hunspell_{lang}", list(words)],
            )
            for word, query in cursor.fetchall():
                for variant in (query or "").split(" | "):
                    parts = tuple(p.replace("''", "'") for p in _LEXEME.findall(variant))
                    if parts and all(p.isalpha() for p in parts):
                        found[word].add(parts)
    return found


ANALYSERS = {"apertium": apertium_analyses, "hunspell": hunspell_analyses}


class Lexicon:
    """The published words (``documents``: word → pages) indexed by the parts a lexicon gives."""

    def __init__(self, analyses, documents):
        self.analyses = analyses
        self.documents = documents
        # A compound's first parts and last parts (bolig | service + kontor, bolig + service |
        # kontor), and its first and last part together.
        self.by_edge = defaultdict(set)
        self.by_ends = defaultdict(set)
        for word in documents:
            for parts in analyses.get(word, ()):
                if len(parts) < 2:
                    continue
                for i in range(1, len(parts)):
                    self.by_edge[parts[:i]].add(word)
                    self.by_edge[parts[i:]].add(word)
                self.by_ends[(parts[0], parts[-1])].add(word)

    @classmethod
    def build(cls, name, documents, extra=()):
        """The lexicon ``name`` over the published words and ``extra`` words, in one batch."""
        words = sorted(set(documents) | set(extra))
        return cls(ANALYSERS[name](words) if words else {}, documents)

    def _most_used(self, found):
        return sorted(found, key=lambda w: (-self.documents.get(w, 0), w))[:MAX_COMPOUNDS]

    def alternatives(self, word):
        """Stems (tuples that must all occur) the lexicon adds for ``word`` of a query."""
        found = set()
        result = set()
        for parts in self.analyses.get(word, ()):
            found |= self.by_edge.get(parts, set())
            if len(parts) >= 2:
                found |= self.by_ends.get((parts[0], parts[-1]), set())
                if word not in self.documents:
                    result.add(tuple(sorted({stem(p) for p in parts})))
        result.update((stem(w),) for w in self._most_used(found))
        return result
