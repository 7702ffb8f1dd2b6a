"""A query as groups of stems: each word of the query becomes the stems that may stand for it.

For each word that is not a stop word (``analysis``), its group holds:
- its Snowball stem (kommunen → kommun), the same on PostgreSQL and SQLite;
- the published words that share a lemma or a translation with it (Apertium's map,
  ``vocabulary.Vocabulary.related``): virkemiddel → virkemidler, eierskap → eigarskap;
- compounds of the published text that start with it or end with it (kommuneplan →
  kommuneplanleggingen, ansvar → ansvarsfordeling), the compounds with the same first and
  last part (boligkontor → boligservicekontoret), and, for a compound nobody wrote, both
  parts on their own;
- for a word the guidance never uses, the nearest published word (a typo), reported as the
  correction.
A page matches a group when it holds any of its stems; ``matching.find`` asks first for pages
that match every group.
"""

from dataclasses import dataclass, field

from .analysis import STOP_WORDS, stem, words

MAX_WORDS = 12
MAX_COMPOUNDS = 25


@dataclass
class Expansion:
    """The groups of one query; each alternative is a tuple of stems that must all occur."""

    groups: list = field(default_factory=list)
    corrections: dict = field(default_factory=dict)  # typed word → published word

    def corrected(self, query):
        if not self.corrections:
            return None
        return " ".join(self.corrections.get(w, w) for w in words(query))


def _word_alternatives(word, vocabulary, options, split=True):
    alternatives = {(stem(word),)}
    forms = {word}
    if options.get("forms", True):
        forms |= vocabulary.related(word)
    alternatives.update((stem(form),) for form in forms)
    if lexicon := options.get("lexicon"):
        # A lexicon's compounds (``compounds.Lexicon``), measured alone and with the rest.
        for form in forms:
            alternatives |= lexicon.alternatives(form)
    if not options.get("compounds", True):
        return alternatives
    for form in forms:
        if len(form) >= 4:
            alternatives.update((stem(w),) for w in vocabulary.starting_with(form, MAX_COMPOUNDS))
        if len(stem(form)) >= 4:
            alternatives.update(
                (stem(w),) for w in vocabulary.ending_with(stem(form), MAX_COMPOUNDS)
            )
    known = vocabulary.is_known(word)
    # A published compound finds those with the same ends too (boligkontor →
    # boligservicekontoret): better ranks on PostgreSQL, the same on SQLite (docs/search.md).
    split_published = options.get("split_published", True)
    if split and (split_published or not known) and (parts := vocabulary.split(word)):
        head, tail = parts
        found = vocabulary.ending_with(stem(tail), MAX_COMPOUNDS, head=head)
        alternatives.update((stem(w),) for w in found)
        if not known and vocabulary.is_known(tail):
            bare = head[:-1] if head[-1] in "se" and vocabulary.is_known(head[:-1]) else head
            alternatives.add(tuple(sorted({stem(bare), stem(tail)})))
    return alternatives


def expand(query, vocabulary, options=None):
    """The ``Expansion`` of ``query`` against the published ``vocabulary``.

    ``options`` turns parts off for the relevance benchmark: {"forms": False, "compounds":
    False, "typos": False, "split_published": False}, or adds a lexicon's compounds:
    {"lexicon": compounds.Lexicon}.
    """
    options = options or {}
    expansion = Expansion()
    for word in [w for w in words(query) if w not in STOP_WORDS][:MAX_WORDS]:
        alternatives = None
        # Numbers (a year, a municipality number) are never «corrected».
        if not vocabulary.is_known(word) and word.isalpha() and options.get("typos", True):
            nearest = vocabulary.nearest(word)
            if nearest:
                expansion.corrections[word] = nearest
                alternatives = _word_alternatives(nearest, vocabulary, options, split=False)
                alternatives |= _word_alternatives(word, vocabulary, options, split=False)
        if alternatives is None:
            alternatives = _word_alternatives(word, vocabulary, options)
        expansion.groups.append(sorted(alternatives))
    return expansion
