"""Addresses of the search page, built in one place for every app that links to it.

Here in core, below the apps, so that guidance (a factor page's «See all» links) and search
(facets, pagination, the corrected query) share one builder without importing upwards. It
names the search only by its URL name.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation

# The order parameters appear in, whatever order they were given in: one search, one address.
PARAMETERS = ("q", "order", "factor", "theme", "type", "municipality", "year", "page")


def _given(value):
    return value is not None and value != ""


class SearchLinks:
    """The search's address with ``params``, and variants of it with a parameter changed.

    The path is reversed once, so a search page can link its eighty facet options cheaply.
    ``language`` (a language code) chooses /sok/ or /nn/sok/; by default the active language.
    """

    def __init__(self, params=None, language=None):
        self.params = {name: value for name, value in (params or {}).items() if _given(value)}
        if language:
            with translation.override(language):
                self.path = reverse("search")
        else:
            self.path = reverse("search")

    def url(self, **changes):
        """The address with ``changes`` applied; a change to None or "" removes the parameter."""
        params = {**self.params, **changes}
        pairs = [(name, params[name]) for name in PARAMETERS if _given(params.get(name))]
        return f"{self.path}?{urlencode(pairs)}" if pairs else self.path


def search_url(language=None, **params):
    """The search with ``params``: ``search_url(factor=3, type="quote")``."""
    return SearchLinks(language=language).url(**params)
