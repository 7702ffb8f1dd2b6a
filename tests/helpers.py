"""Helpers the tests share (fixtures are in conftest.py)."""

import os
import shutil

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import publication

# In CI every test must run: a missing browser or translator is a failure, not a skip.
STRICT = os.environ.get("VEIVISER_STRICT_SKIPS") == "1"


def require_binary(path, packages):
    """Skip (or in CI, fail) when a Debian-packaged binary the test needs is missing."""
    if shutil.which(path) or os.path.exists(path):
        return
    reason = f"{path} is not installed (Debian packages: {packages})"
    if STRICT:
        pytest.fail(reason)
    pytest.skip(reason)


def nynorsk_alias(page, nn):
    """The page's nynorsk counterpart as the site creates it before translation: an alias."""
    return page.copy_for_translation(nn, copy_parents=True, alias=True).specific


def publish(page, **relations):
    for name, values in relations.items():
        getattr(page, name).set(values)
    page.save_revision().publish()
    return page


def count_queries(client, url, params):
    publication.forget()  # measure the cold path: the facet values are built too
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params).status_code == 200
    return len(context)
