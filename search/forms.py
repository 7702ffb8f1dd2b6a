"""The search's parameters, validated by a Django form, as consumerfinance.gov filters lists.

Nothing a visitor puts in the address fails: text is cleaned (control characters such as NUL
become spaces) and cut, a facet value that names nothing is ignored with a message, an order
that is not offered falls back to relevance, and a page that is no number shows the first.
"""

import unicodedata

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from guidance.content_types import searchable_models

from .facet_index import FACETS
from .facets import FacetData

MAX_QUERY_LENGTH = 200
MAX_VALUE_LENGTH = 100
ORDERS = ("relevance", "newest")


def clean_text(raw, max_length=MAX_QUERY_LENGTH):
    """``raw`` without control characters (NUL included) or runs of white space, cut."""
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cs", "Co") else ch for ch in raw or ""
    )
    return " ".join(text.split())[:max_length].strip()


class CleanTextMixin:
    max_text_length = MAX_VALUE_LENGTH

    def to_python(self, value):
        return super().to_python(clean_text(value, self.max_text_length))


class QueryField(CleanTextMixin, forms.CharField):
    max_text_length = MAX_QUERY_LENGTH


class FacetChoiceField(CleanTextMixin, forms.ChoiceField):
    """One of the values offered; ``choices`` may be a callable, asked only for a value."""


class FacetCodeField(CleanTextMixin, forms.RegexField):
    """Four digits: a municipality number or a year."""

    def __init__(self, **kwargs):
        super().__init__(r"\A\d{4}\Z", **kwargs)


class SearchForm(forms.Form):
    q = QueryField(required=False)
    order = forms.ChoiceField(choices=[(order, order) for order in ORDERS], required=False)
    page = forms.IntegerField(
        required=False,
        min_value=1,
        error_messages={
            "invalid": _("«Page» must be a number; showing the first page."),
            "min_value": _("There is no such page of results; showing the first page."),
        },
    )
    factor = FacetChoiceField(required=False)
    theme = FacetChoiceField(required=False)
    type = FacetChoiceField(required=False)
    municipality = FacetCodeField(required=False)
    year = FacetCodeField(required=False)

    def __init__(self, data, locale):
        super().__init__(data)
        self.locale = locale
        # Factors and themes are those of the reader's language, asked of the facet data (kept
        # per process) and only when the address names one.
        self.fields["factor"].choices = lambda: [(n, n) for n in self.facet_data.factor_by_number]
        self.fields["theme"].choices = lambda: [(s, s) for s in self.facet_data.theme_by_slug]
        self.fields["type"].choices = [(m.search_key, m.search_key) for m in searchable_models()]

    @cached_property
    def facet_data(self):
        return FacetData.for_locale(self.locale)

    @property
    def query(self):
        return self.cleaned_data.get("q", "")

    @property
    def ordering(self):
        return self.cleaned_data.get("order") or "relevance"

    @property
    def filters(self):
        """The facet values asked for that name something, by facet."""
        return {name: self.cleaned_data[name] for name in FACETS if self.cleaned_data.get(name)}

    @property
    def new_search(self):
        """Not a further page of an earlier search (the address names no page at all)."""
        return "page" not in self.data

    def notes(self):
        """What the visitor should know about how the address was read."""
        notes = []
        if len(self.data.get("q") or "") > MAX_QUERY_LENGTH:
            notes.append(
                _("Your search was shortened to its first %(n)s characters.")
                % {"n": MAX_QUERY_LENGTH}
            )
        if any(name in self.errors for name in FACETS):
            notes.append(_("Some filters in the address were not recognised and were ignored."))
        return notes

    def page_number(self, num_pages):
        """The page of results asked for, and a note when it had to be corrected."""
        if "page" in self.errors:
            return 1, self.errors["page"][0]
        number = self.cleaned_data.get("page") or 1
        if number > num_pages:
            return num_pages, _("There are only %(n)s pages of results; showing the last one.") % {
                "n": num_pages
            }
        return number, ""
