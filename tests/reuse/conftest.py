import pytest

from wagtail.models import PageViewRestriction

from tests.factories.guidance import QuotePageFactory
from tests.helpers import publish


@pytest.fixture
def hidden(content, tree):
    """A draft and a password-protected quote on factor 3 with the content's theme: never shown."""
    draft = QuotePageFactory(parent=tree.quote_index, title="Utkast om samarbeid", live=False)
    draft.factors.set([content["factors"][2]])
    draft.themes.set([content["themes"][0]])
    draft.save_revision()
    private = publish(
        QuotePageFactory(parent=tree.quote_index, title="Lukket sitat om samarbeid"),
        factors=[content["factors"][2]],
        themes=[content["themes"][0]],
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    return {"draft": draft, "private": private}
