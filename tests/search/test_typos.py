"""Typo tolerance on both databases: unknown words become the nearest published word."""

from tests.factories.guidance import ActivityPageFactory
from tests.helpers import publish
from tests.search.helpers import titles


def test_typo_tolerance(client, tree):
    publish(
        ActivityPageFactory(
            parent=tree.factors[0], title="Boligsosialt arbeid i planene", summary="Plan."
        )
    )
    response = client.get("/sok/", {"q": "boligsosalt"})
    assert titles(response) == ["Boligsosialt arbeid i planene"]
    assert response.context["corrected"] == "boligsosialt"
    assert "«boligsosalt»" in response.content.decode()
    # The corrected query is stemmed like any other: a misspelt plural finds the singular.
    response = client.get("/sok/", {"q": "planne arbeid"})
    assert titles(response) == ["Boligsosialt arbeid i planene"]
    assert response.context["corrected"] == "planene arbeid"
    # Exact matches are never «corrected».
    assert client.get("/sok/", {"q": "planene"}).context["corrected"] is None


def test_typo_correction_never_reveals_unpublished_or_private_words(client, tree):
    from wagtail.models import PageViewRestriction

    publish(ActivityPageFactory(parent=tree.factors[0], title="Bustøtte", summary="Om støtte."))
    draft = ActivityPageFactory(
        parent=tree.factors[0], title="Hemmeligplan", summary="Utkast.", live=False
    )
    private = publish(
        ActivityPageFactory(parent=tree.factors[1], title="Lukketplan", summary="Privat.")
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    for typo in ("hemmeligpla", "lukketpla"):
        response = client.get("/sok/", {"q": typo})
        assert response.context["corrected"] is None, typo
        assert titles(response) == []
    # The word list follows publishing: once published, the draft's word is offered.
    publish(draft)
    assert client.get("/sok/", {"q": "hemmeligpla"}).context["corrected"] == "hemmeligplan"
