"""PostgreSQL: one stored tsvector of title and body per index entry, with a GIN index.

Wagtail's backend matches `(title || body) @@ query`, which concatenates two vectors per row at
search time (and leaves the planner without statistics). The engine matches this generated
column instead; PostgreSQL keeps it up to date on every write. Nothing to do on SQLite.
"""

from django.db import migrations

COLUMN = "veiviser_fulltext"


def add_column(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(
        f'ALTER TABLE "{table}" ADD COLUMN IF NOT EXISTS {COLUMN} tsvector '
        f"GENERATED ALWAYS AS (title || body) STORED"
    )
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{table}_{COLUMN}" ON "{table}" USING gin ({COLUMN})'
    )


def drop_column(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS {COLUMN}')


class Migration(migrations.Migration):
    dependencies = [
        ("veiviser_search", "0002_enable_postgresql_extensions"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(add_column, drop_column)]
