"""PostgreSQL: the word list's materialized view names its tables with their schema.

pg_restore runs with an empty ``search_path``, and refreshing the view (0004) ran ``ts_stat()``
over a query text whose tables were not schema-qualified, so a standard ``pg_dump -Fc`` backup
did not restore (issue 14). The view is recreated with every table qualified by the schema the
migration runs in; it holds the same words. ``to_tsvector``, ``ts_stat`` and the 'simple'
configuration live in ``pg_catalog``, which is always searched.
"""

from django.db import migrations

VIEW = "veiviser_search_word"


def qualified(schema, table):
    return f'"{schema}"."{table}"'


def create_view(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        (schema,) = cursor.fetchone()
    entries = qualified(schema, apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    pages = qualified(schema, "wagtailcore_page")
    restrictions = qualified(schema, "wagtailcore_pageviewrestriction")
    view = qualified(schema, VIEW)
    for statement in (
        f"DROP MATERIALIZED VIEW IF EXISTS {view}",
        f"""
        CREATE MATERIALIZED VIEW {view} AS
        SELECT word, ndoc AS documents FROM pg_catalog.ts_stat($$
            SELECT pg_catalog.to_tsvector('pg_catalog.simple', e.title_text || ' ' || e.body_text)
            FROM {entries} e
            JOIN {pages} p
              ON e.content_type_id = p.content_type_id AND e.object_id = p.id::text
            WHERE p.live AND NOT EXISTS (
                SELECT 1 FROM {restrictions} r
                JOIN {pages} restricted ON restricted.id = r.page_id
                WHERE p.path LIKE restricted.path || '%'
            )
        $$)
        """,
        f"CREATE UNIQUE INDEX {VIEW}_word ON {view} (word)",
        f"CREATE INDEX {VIEW}_trgm ON {view} USING gin (word gin_trgm_ops)",
    ):
        schema_editor.execute(statement, None)  # no parameters: the % above is SQL


class Migration(migrations.Migration):
    dependencies = [("veiviser_search", "0005_fulltext_locale")]

    # Backwards: 0004's view stays until 0004 itself is reversed; this one holds the same words.
    operations = [migrations.RunPython(create_view, migrations.RunPython.noop)]
