"""What the search tests share besides fixtures (those are in tests/conftest.py)."""

import pytest

from django.db import connection

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="only in PostgreSQL (CI runs it)",
)


def titles(response):
    return [hit.page.title for hit in response.context["hits"]]


def facet_counts(response, name):
    facet = next(f for f in response.context["facets"] if f.name == name)
    return {o.value: o.count for o in facet.options}
