"""«Hva er nytt» / «Kva er nytt»: recent published changes, in both languages."""

import pytest

from core import publication
from tests.factories.guidance import QuotePageFactory
from tests.helpers import publish

pytestmark = pytest.mark.django_db


def test_lists_recent_changes_newest_first(client, content):
    html = client.get("/nytt/").content.decode()
    assert "<h1" in html and "Hva er nytt" in html
    positions = [html.index(content[name].title) for name in ("case", "article", "quote")]
    assert positions == sorted(positions)  # published last, shown first
    assert 'href="/feed/"' in html


def test_nynorsk_marks_untranslated_pages(client, nynorsk):
    html = client.get("/nn/nytt/").content.decode()
    assert "Kva er nytt" in html
    assert 'lang="nb"' in html  # the aliases' bokmål titles
    assert "/nn/sitater/hamar-om-samarbeid/" in html


def test_drafts_and_private_pages_stay_out(client, content, hidden):
    html = client.get("/nytt/").content.decode()
    assert "Utkast om samarbeid" not in html
    assert "Lukket sitat om samarbeid" not in html


def test_footer_links_to_it(client, content):
    assert 'href="/nytt/"' in client.get("/").content.decode()
    assert 'href="/nn/nytt/"' in client.get("/nn/").content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "999", "²"])
def test_odd_page_numbers_show_a_page(client, content, page):
    assert client.get("/nytt/", {"page": page}).status_code == 200


def test_query_count_does_not_grow_with_the_content(
    client, content, tree, django_assert_max_num_queries
):
    # Cold: the per-process memos (locales, restrictions, menu, site) are built on this request.
    with django_assert_max_num_queries(25) as few:
        assert client.get("/nytt/").status_code == 200
    for _ in range(10):
        publish(QuotePageFactory(parent=tree.quote_index), factors=[content["factors"][2]])
    publication.forget()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/nytt/").status_code == 200
