"""The lexicons measured against the vocabulary decompounder (search/compounds.py): Apertium's
compound analysis on either database, hunspell-no through PostgreSQL's ispell dictionaries."""

import pytest

from django.db import connection

from search.analysis import stem
from search.analysis.forms import available
from search.compounds import Lexicon, apertium_analyses, hunspell_analyses, hunspell_available
from search.expansion import expand
from search.vocabulary import Vocabulary

needs_apertium = pytest.mark.skipif(
    not available(),
    reason="Apertium is not installed (Debian packages apertium, apertium-nno-nob)",
)
PUBLISHED = {"boligservicekontoret": 1, "kommuneplanleggingen": 2, "bolig": 9, "kontor": 1}


def test_a_lexicon_finds_compounds_by_their_parts_and_ends():
    analyses = {
        "boligservicekontoret": {("bolig", "service", "kontor")},
        "kommuneplanleggingen": {("kommune", "planlegging"), ("kommuneplan", "legging")},
        "boligkontor": {("bolig", "kontor")},
        "kommuneplan": {("kommuneplan",), ("kommune", "plan")},
    }
    lexicon = Lexicon(analyses, PUBLISHED)
    # Same first and last part; a compound nobody wrote also finds its parts on their own.
    assert lexicon.alternatives("boligkontor") == {
        (stem("boligservicekontoret"),),
        tuple(sorted({stem("bolig"), stem("kontor")})),
    }
    # A first part (kommuneplan + legging).
    assert (stem("kommuneplanleggingen"),) in lexicon.alternatives("kommuneplan")
    assert lexicon.alternatives("ukjent") == set()


def test_the_expansion_adds_a_lexicons_compounds_only_when_asked():
    vocabulary = Vocabulary("test", PUBLISHED, [])
    analyses = {"bolig": {("bolig",)}, "boligservicekontoret": {("bolig", "service", "kontor")}}
    lexicon = Lexicon(analyses, PUBLISHED)

    def stems_of(options):
        groups = expand("bolig", vocabulary, options).groups
        return {s for group in groups for alternative in group for s in alternative}

    without = stems_of({"compounds": False})
    assert stem("boligservicekontoret") not in without
    assert stem("boligservicekontoret") in stems_of({"compounds": False, "lexicon": lexicon})


def test_a_published_compound_finds_those_with_the_same_ends():
    """boligkontor (published) → boligservicekontoret, as an unpublished compound always did."""
    vocabulary = Vocabulary("test", {**PUBLISHED, "boligkontor": 1}, [])

    def stems_of(options):
        groups = expand("boligkontor", vocabulary, options).groups
        return {s for group in groups for alternative in group for s in alternative}

    assert stem("boligservicekontoret") in stems_of({})
    assert stem("boligservicekontoret") not in stems_of({"split_published": False})
    # Its parts on their own stay for compounds nobody wrote.
    assert stem("kontor") not in stems_of({})


@needs_apertium
def test_apertium_splits_compounds_in_both_written_forms():
    found = apertium_analyses(["boligservicekontoret", "bustadkontoret", "eigarskap", "xqzv"])
    assert ("bolig", "service", "kontor") in found["boligservicekontoret"]
    assert ("bustad", "kontor") in found["bustadkontoret"]
    assert ("eigarskap",) in found["eigarskap"]
    assert "xqzv" not in found


def test_hunspell_no_splits_compounds_through_postgresqls_ispell_dictionaries(db):
    if connection.vendor != "postgresql":
        assert not hunspell_available()  # a PostgreSQL feature: not measured on SQLite
        return
    if not hunspell_available():
        pytest.skip("hunspell-no is not installed for PostgreSQL (Debian package hunspell-no)")
    found = hunspell_analyses(["kommuneplanleggingen", "boligkontor", "bustader", "xqzv"])
    assert ("kommune", "planlegging") in found["kommuneplanleggingen"]
    assert ("bolig", "kontor") in found["boligkontor"]
    assert ("bustad",) in found["bustader"]
    assert "xqzv" not in found
