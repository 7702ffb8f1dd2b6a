"""The one builder of the search's addresses (facets, pagination, a factor page's «See all»)."""

from core.search_links import SearchLinks, search_url


def test_parameters_come_in_one_order_and_empty_ones_are_left_out():
    links = SearchLinks({"theme": "ledelse", "q": "bolig", "page": ""})
    assert links.url() == "/sok/?q=bolig&theme=ledelse"
    assert links.url(page=2, factor=3) == "/sok/?q=bolig&factor=3&theme=ledelse&page=2"
    assert links.url(theme=None) == "/sok/?q=bolig"
    assert SearchLinks().url() == "/sok/"


def test_addresses_in_the_language_asked_for():
    assert search_url(type="quote", factor=1) == "/sok/?factor=1&type=quote"
    assert search_url(language="nn", type="quote", factor=1) == "/nn/sok/?factor=1&type=quote"
    assert SearchLinks({"q": "bustad"}, language="nn").url() == "/nn/sok/?q=bustad"


def test_values_are_encoded():
    assert search_url(q="bolig & <b>") == "/sok/?q=bolig+%26+%3Cb%3E"
