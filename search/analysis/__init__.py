"""One Norwegian analysis for both databases: words, stop words and Snowball stems.

PostgreSQL's ``norwegian`` text search configuration lower-cases each word, drops the Snowball
stop words (bokmål and nynorsk, listed in ``STOP_WORDS``) and stems the rest with the Snowball
Norwegian stemmer. ``stems()`` does the same in Python with PyStemmer (the same Snowball
algorithm), so the SQLite index (``search/sqlite.py``) holds the stems PostgreSQL's
``tsvector`` holds, and a query is stemmed alike on both databases.
"""

import functools
import re

import Stemmer

WORD = re.compile(r"[^\W_]+")
# PostgreSQL's tsearch_data/norwegian.stop (from Snowball): bokmål and nynorsk.
STOP_WORDS = frozenset(
    """
    og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg seg men
    ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans
    hvor eller hva skal selv sjøl her alle vil bli ble blei blitt kunne inn når være kom noen
    noe ville dere deres kun ja etter ned skulle denne for deg si sine sitt mot å meget
    hvorfor dette disse uten hvordan ingen din ditt blir samme hvilken hvilke sånn inni mellom
    vår hver hvem vors hvis både bare enn fordi før mange også slik vært båe begge siden dykk
    dykkar dei deira deires deim di då eg ein eit eitt elles honom hjå ho hoe henne hennar
    hennes hoss hossen ingi inkje korleis korso kva kvar kvarhelst kven kvi kvifor me medan mi
    mine mykje no nokon noka nokor noko nokre sia sidan so somt somme um upp vere vore verte
    vort varte vart
    """.split()  # noqa: SIM905 (the list as PostgreSQL ships it)
)
_stemmer = Stemmer.Stemmer("norwegian")


def words(text):
    """The lower-cased words of ``text``, digits included, in order."""
    return WORD.findall((text or "").lower())


@functools.lru_cache(maxsize=100_000)
def stem(word):
    return _stemmer.stemWord(word)


def content_words(text):
    """The words of ``text`` that are not stop words."""
    return [word for word in words(text) if word not in STOP_WORDS]


def stems(text):
    """The stems of the content words of ``text``, separated by spaces (what SQLite indexes)."""
    return " ".join(stem(word) for word in content_words(text))
