"""The search app's migrations on PostgreSQL: the unused word view (0004, 0006) is gone (0010),
and reversing 0010 makes it again."""

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db


def view_exists():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_matviews WHERE matviewname = 'veiviser_search_word'")
        return cursor.fetchone() is not None


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate([("veiviser_search", target)])


def test_the_word_view_is_dropped_and_made_again_when_reversed():
    if connection.vendor != "postgresql":
        pytest.skip("a materialized view: only in PostgreSQL")
    assert not view_exists()
    migrate("0009_sqlite_stems")
    assert view_exists()
    migrate("0010_drop_word_view")
    assert not view_exists()
