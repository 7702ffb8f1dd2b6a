"""The words of the published guidance, their compounds and other forms, held per process.

The word list (``Term``) is rebuilt from the search index of the live, public pages when the
publication stamp changes, by the background job that a publish asks for (``search/tasks.py``)
or, failing that, the first search that finds it stale, so drafts and private pages never
lend a word. New words are sent through Apertium in one batch (``analysis/forms.py``) and
their lemmas and other written form kept in ``WordForm``. Each process keeps a ``Vocabulary``
built from the two tables until their version changes (a publish that adds or removes no word
keeps it).
"""

import bisect
import threading
import uuid
from collections import Counter, defaultdict

from django.db import connection, transaction

from wagtail.models import Page

from core import publication
from guidance.content_types import searchable_models

from .analysis import STOP_WORDS, stem, words
from .analysis.forms import word_forms
from .models import Term, VocabularyState, WordForm
from .tasks import enqueue

MAX_WORD_LENGTH = 100
LINKS = ("", "s", "e")  # the joints of Norwegian compounds: bolig|kontor, ansvar|s|fordeling
_memo = {}
_lock = threading.Lock()


def _page_texts():
    """The title and body text of each live, public searchable page's index entry."""
    from wagtail.search.models import IndexEntry

    pages = Page.objects.live().public().type(*searchable_models())
    ids = {str(pk): ct for pk, ct in pages.values_list("pk", "content_type_id")}
    text = ("title_text", "body_text") if connection.vendor == "postgresql" else ("title", "body")
    rows = IndexEntry.objects.filter(object_id__in=list(ids)).values_list(
        "object_id", "content_type_id", *text
    )
    for object_id, content_type_id, title, body in rows.iterator(chunk_size=2000):
        if ids.get(object_id) == content_type_id:
            yield f"{title or ''} {body or ''}"


def count_words():
    """{word: number of pages} over the live, public pages."""
    documents = Counter()
    for text in _page_texts():
        documents.update({w for w in words(text) if len(w) <= MAX_WORD_LENGTH and not w.isdigit()})
    return documents


@transaction.atomic
def rebuild(stamp=None):
    """Rebuild the word list and analyse new words; returns the ``VocabularyState``."""
    stamp = stamp or str(publication.current())
    state = VocabularyState.objects.select_for_update().filter(pk=1).first()
    if state is None:
        state = VocabularyState.objects.create(pk=1)
    if state.stamp == stamp:
        return state
    documents = count_words()
    known = dict(Term.objects.values_list("word", "documents"))
    if set(known) != set(documents):
        Term.objects.all().delete()
        Term.objects.bulk_create(
            [Term(word=w, documents=n) for w, n in documents.items()], batch_size=2000
        )
        analysed = set(WordForm.objects.values_list("word", flat=True).distinct())
        new = sorted(w for w in documents if w not in analysed and w not in STOP_WORDS)
        pairs = word_forms(new)
        with_form = {word for word, _form in pairs}
        pairs += [(w, w) for w in new if w not in with_form]
        WordForm.objects.bulk_create(
            [WordForm(word=w, form=f[:MAX_WORD_LENGTH]) for w, f in pairs],
            batch_size=2000,
            ignore_conflicts=True,
        )
        state.version = uuid.uuid4().hex
    state.stamp = stamp
    state.save()
    return state


def current():
    """The process's ``Vocabulary``. When what is public changed since the word list was
    built, the background job is asked to rebuild it (``search/tasks.py``); until it has run,
    the previous words serve (where jobs run at once, they are rebuilt before this returns)."""
    stamp = str(publication.current())
    state = VocabularyState.objects.filter(pk=1).first()
    # Asked once per process and stamp: the job, once queued, sees the latest content anyway.
    if (state is None or state.stamp != stamp) and _memo.get("asked") != stamp:
        _memo["asked"] = stamp
        enqueue()  # where jobs run at once, the words are current when it returns
        state = VocabularyState.objects.filter(pk=1).first() or state
    if state is None:
        return Vocabulary("", {}, [])  # no word list yet: stems alone, until the job has run
    entry = _memo.get("vocabulary")
    if entry is None or entry.version != state.version:
        with _lock:
            entry = _memo.get("vocabulary")
            if entry is None or entry.version != state.version:
                entry = Vocabulary.load(state.version)
                _memo["vocabulary"] = entry
    return entry


def forget():
    _memo.clear()


class Vocabulary:
    """The published words with their page counts, stems, compounds and other forms."""

    def __init__(self, version, documents, forms):
        self.version = version
        self.documents = documents
        self.sorted = sorted(documents)
        self.stems = {w: stem(w) for w in documents}
        self.known_stems = set(self.stems.values())
        by_reversed = sorted((s[::-1], w) for w, s in self.stems.items())
        self.reversed_stems = [r for r, _w in by_reversed]
        self.reversed_words = [w for _r, w in by_reversed]
        # Words that share a lemma or a translation find each other.
        self.groups = defaultdict(set)
        for word, form in forms:
            if word in documents:
                self.groups[word].add(word)
                self.groups[form].add(word)
        self.forms_of = defaultdict(set)
        for word, form in forms:
            self.forms_of[word].add(form)

    @classmethod
    def load(cls, version):
        documents = dict(Term.objects.values_list("word", "documents"))
        return cls(version, documents, list(WordForm.objects.values_list("word", "form")))

    def is_known(self, word):
        """A published word, one with a published stem, or the lemma or translation of one."""
        return word in self.documents or stem(word) in self.known_stems or word in self.groups

    def is_head(self, part):
        """A word that can start a compound: a known word, or one with its joint (s, e)."""
        if len(part) < 3:
            return False
        return any(
            part.endswith(link) and self.is_known(part[: len(part) - len(link)])
            for link in LINKS
            if len(part) - len(link) >= 3
        )

    def related(self, word):
        """The published words that share a lemma or a written-form translation with ``word``."""
        keys = {word, *self.forms_of.get(word, ())}
        found = set()
        for key in keys:
            found |= self.groups.get(key, set())
        return found

    def starting_with(self, head, limit):
        """Compounds with ``head`` as their first part (kommuneplan → kommuneplanleggingen)."""
        i = bisect.bisect_left(self.sorted, head)
        found = []
        while i < len(self.sorted) and self.sorted[i].startswith(head):
            word = self.sorted[i]
            rest = word[len(head) :]
            if len(rest) >= 3 and (rest[0] not in "se" or len(rest) >= 4):
                found.append(word)
            i += 1
        return self._most_used(found, limit)

    def ending_with(self, tail_stem, limit, head=""):
        """Compounds whose last part stems to ``tail_stem`` and whose first part is a word
        (``head`` when given): kontor → boligservicekontoret."""
        key = tail_stem[::-1]
        i = bisect.bisect_left(self.reversed_stems, key)
        found = []
        while i < len(self.reversed_stems) and self.reversed_stems[i].startswith(key):
            word = self.reversed_words[i]
            first = self.stems[word][: len(self.stems[word]) - len(tail_stem)]
            if head:
                if word.startswith(head) and len(first) > len(head):
                    found.append(word)
            elif self.is_head(first):
                found.append(word)
            i += 1
        return self._most_used(found, limit)

    def _most_used(self, found, limit):
        return sorted(found, key=lambda w: -self.documents.get(w, 0))[:limit]

    def split(self, word):
        """(head, tail) of an unknown compound made of a known first part: bolig|kontor."""
        for i in range(len(word) - 3, 2, -1):
            head, tail = word[:i], word[i:]
            if self.is_head(head) and len(tail) >= 3:
                return head, tail
        return None

    def nearest(self, word):
        """The published word most like ``word`` (a typo), or None."""
        from rapidfuzz import fuzz, process

        if len(word) < 4 or not self.sorted:
            return None
        cutoff = 80 if len(word) >= 7 else 75
        best = process.extractOne(word, self.sorted, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None:
            return None
        candidates = process.extract(
            word, self.sorted, scorer=fuzz.ratio, score_cutoff=best[1] - 0.01, limit=5
        )
        return max([best, *candidates], key=lambda c: (c[1], self.documents.get(c[0], 0)))[0]
