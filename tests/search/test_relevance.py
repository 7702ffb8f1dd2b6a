"""The judged relevance set on the demo content: success@5 ≥ 0.9 on SQLite and PostgreSQL.

The demo is loaded once for the file (a ``TestCase`` class: rolled back afterwards, as in
tests/demo/test_demo_content.py), with its on-commit work (the word list) run.
"""

import io
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase

from search.matching import FEW
from search.relevance import OPTIONS, evaluate, lexicon_available, load

JUDGED = Path(__file__).with_name("judged_queries.yaml")


class JudgedSetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            call_command("load_initial_data", stdout=io.StringIO())

    def test_the_judged_set_is_realistic_and_balanced(self):
        judged = load(JUDGED)
        assert len(judged) >= 60
        languages = [item["lang"] for item in judged]
        assert languages.count("nb") == languages.count("nn")
        assert all(item["expect"] for item in judged)

    def test_success_at_5_is_at_least_0_9(self):
        score = evaluate(load(JUDGED))
        assert score.success >= 0.9, score.misses

    def test_the_compound_lexicons_are_measured_on_the_judged_set(self):
        """The benchmark's lexicon options (search/compounds.py) run on this database."""
        judged = load(JUDGED)
        for name, options in OPTIONS.items():
            if options.get("lexicon") and lexicon_available(options["lexicon"]):
                assert evaluate(judged, options).success >= 0.9, name

    def test_done_when(self):
        """Issue 12's done-when: the Alta quote, the factor 2 activity, the nynorsk factor."""
        for path, query, title in (
            ("/sok/", "boligkontor", "Alta kommune om boligservicekontoret"),
            ("/sok/", "kommuneplan", "Boligsosialt arbeid i kommuneplanleggingen"),
            ("/nn/sok/", "eierskap", "Forankring og eigarskap"),
        ):
            response = self.client.get(path, {"q": query})
            assert title in [hit.page.title for hit in response.context["hits"]], query

    def test_several_words_fall_back_to_most_words_and_say_so(self):
        response = self.client.get("/sok/", {"q": "involvere brukerne kaffemaskin"})
        assert response.context["hits"]
        assert response.context["all_words"] is False
        assert "hold most of them" in str(response.context["messages_for_search"][-1]) or (
            "flest" in str(response.context["messages_for_search"][-1])
        )
        response = self.client.get("/sok/", {"q": "sette brukerens behov"})
        assert response.context["all_words"] is True

    def test_a_common_word_does_not_hide_the_page_about_the_rest(self):
        """Three pages hold «få» and «ledelsen»; the page about involving the leaders holds
        only «ledelsen». The places a reader scans first are filled with the pages holding
        most of the words, after those holding all: in both languages."""
        for path, query in (
            ("/sok/", "hvordan få ledelsen med"),
            ("/nn/sok/", "korleis få leiinga med"),
        ):
            response = self.client.get(path, {"q": query})
            titles = [hit.page.title for hit in response.context["hits"]]
            assert response.context["all_words"] is True
            assert len(titles) >= FEW
            involve = next(
                t for t in titles if t.startswith(("Involvere ledelsen", "Involvere leiinga"))
            )
            assert titles.index(involve) < FEW, titles
