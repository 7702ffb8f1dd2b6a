"""Full text on both databases: Norwegian stemming, ranking, and the narrow copy of the index."""

import pytest

from search import matching
from tests.factories.guidance import ActivityPageFactory, ArticlePageFactory, QuotePageFactory
from tests.helpers import nynorsk_alias, publish
from tests.search.helpers import titles


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("kommunane", "Kommunene samarbeider"),
        ("kommunene", "Kommunane samarbeider"),
        ("boligkontoret", "Et boligkontor for alle"),
        ("boligkontor", "Boligkontoret svarer"),
    ],
)
def test_norwegian_stemming(client, tree, query, title):
    publish(ActivityPageFactory(parent=tree.factors[0], title=title, summary="Tekst."))
    assert title in titles(client.get("/sok/", {"q": query}))


def test_stemming_in_nynorsk_site(client, tree, nn):
    activity = publish(
        ActivityPageFactory(parent=tree.factors[0], title="Kommunene samarbeider", summary="T.")
    )
    nynorsk_alias(tree.factors[0], nn)
    alias = nynorsk_alias(activity, nn)
    assert [h.page.pk for h in client.get("/nn/sok/", {"q": "kommunane"}).context["hits"]] == [
        alias.pk
    ]


def test_stored_full_text_follows_edits(client, tree):
    # The match reads a generated column: it must change with the page, not at reindexing.
    activity = publish(
        ActivityPageFactory(parent=tree.factors[0], title="Startlån", summary="Om lån.")
    )
    assert titles(client.get("/sok/", {"q": "startlån"})) == ["Startlån"]
    activity.title = "Bostøtte for leietakere"
    publish(activity)
    assert titles(client.get("/sok/", {"q": "startlån"})) == []
    assert titles(client.get("/sok/", {"q": "leietakerne"})) == ["Bostøtte for leietakere"]


def test_title_ranks_above_summary_and_body(client, tree):
    publish(
        ArticlePageFactory(
            parent=tree.article_index,
            title="Om arbeidet",
            lead="Noe om bostøtte her.",
            body=[("paragraph", "<p>Bostøtte bostøtte.</p>")],
        )
    )
    publish(ActivityPageFactory(parent=tree.factors[0], title="Bostøtte", summary="Noe annet."))
    assert titles(client.get("/sok/", {"q": "bostøtte"}))[0] == "Bostøtte"


def test_drafts_never_crowd_out_visible_matches(client, tree, monkeypatch):
    # Matches are read ranked in windows of 2 × MAX_MATCHES; here the first window holds
    # only drafts (same text, newer ids), the visible pages come in the second.
    monkeypatch.setattr(matching, "MAX_MATCHES", 2)
    for n in range(2):
        publish(QuotePageFactory(parent=tree.quote_index, title=f"Sitat {n}", quote="Kommunen."))
    for n in range(4):
        QuotePageFactory(
            parent=tree.quote_index, title=f"Utkast {n}", quote="Kommunen.", live=False
        )
    response = client.get("/sok/", {"q": "kommunen"})
    assert sorted(titles(response)) == ["Sitat 0", "Sitat 1"]
    assert response.context["corrected"] is None
