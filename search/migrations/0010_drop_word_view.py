"""PostgreSQL: drop the materialized view of words (0004, 0006); the ``Term`` table replaced it.

Since 0008 the typo correction and the compounds read the word list from ``Term``
(``search/vocabulary.py``), rebuilt in Python; nothing reads or refreshes the view any more.
Reversing this migration makes the view again as 0006 left it. Nothing to do on SQLite.
"""

from importlib import import_module

from django.db import migrations

VIEW = "veiviser_search_word"


def drop_view(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP MATERIALIZED VIEW IF EXISTS {VIEW}", None)


def create_view(apps, schema_editor):
    # A module name starting with a digit cannot be imported with `import`.
    import_module("search.migrations.0006_vocabulary_schema_qualified").create_view(
        apps, schema_editor
    )


class Migration(migrations.Migration):
    dependencies = [("veiviser_search", "0009_sqlite_stems")]

    operations = [migrations.RunPython(drop_view, create_view)]
