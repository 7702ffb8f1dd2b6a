"""The Norwegian analysis and the query expansion, without the database where none is needed."""

import pytest

from django.db import connection

from search.analysis import stem, stems
from search.expansion import expand
from search.vocabulary import Vocabulary
from tests.search.helpers import postgres_only

WORDS = {
    "bolig": 9,
    "boligservicekontoret": 1,
    "kommuneplanleggingen": 2,
    "ansvarsfordeling": 2,
    "ansvar": 4,
    "virkemidler": 3,
    "eigarskap": 1,
    "eierskap": 2,
    "brukerens": 1,
    "behov": 5,
    "boligsosialt": 6,
    "rapport": 1,
}
FORMS = [
    ("virkemidler", "virkemiddel"),
    ("eierskap", "eigarskap"),
    ("eigarskap", "eierskap"),
    ("brukerens", "bruker"),
]


@pytest.fixture
def vocabulary():
    return Vocabulary("test", WORDS, FORMS)


def alternatives(query, vocabulary):
    return {s for group in expand(query, vocabulary).groups for alt in group for s in alt}


def test_stems_drop_stop_words_in_both_written_forms():
    assert stems("Kommunen og brukarane, korleis?") == f"{stem('kommunen')} {stem('brukarane')}"
    assert stem("kommunene") == stem("kommunen") == "kommun"


@postgres_only
def test_the_stems_are_postgresqls_norwegian_lexemes(db):
    text = "Kommunene samarbeider om boligsosiale tjenester og ansvarsfordelingen i planene"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_to_string(tsvector_to_array(to_tsvector('norwegian', %s)), ' ')", [text]
        )
        lexemes = set(cursor.fetchone()[0].split())
    assert set(stems(text).split()) == lexemes


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("boligkontor", "boligservicekontoret"),  # parts → compound
        ("kommuneplan", "kommuneplanleggingen"),  # first part → compound
        ("ansvar", "ansvarsfordeling"),  # with its joint
        ("virkemiddel", "virkemidler"),  # lemma
        ("eierskap", "eigarskap"),  # the other written form
        ("brukernes", "brukerens"),  # a typo of a genitive, corrected
        ("boligsosalt", "boligsosialt"),  # a typo
    ],
)
def test_expansion(vocabulary, query, found):
    assert stem(found) in alternatives(query, vocabulary)


def test_numbers_and_known_words_are_never_corrected(vocabulary):
    assert expand("rapport 2011", vocabulary).corrections == {}
    assert expand("boligsosalt", vocabulary).corrections == {"boligsosalt": "boligsosialt"}
    assert expand("og i på", vocabulary).groups == []
