"""PostgreSQL: the words of the published guidance, for correcting typos in queries.

PostgreSQL's documented recipe for spelling suggestions with pg_trgm: a list of the words in the
indexed text (`ts_stat`) with a trigram index, so a query word the guidance never uses is
replaced by the most similar word it does use. Only live pages outside view restrictions are
read, so the word list never reveals drafts or private pages. The engine refreshes it when
the published content has changed. Nothing to do on SQLite.
"""

from django.db import migrations

VIEW = "veiviser_search_word"


def create_view(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(
        f"""
        CREATE MATERIALIZED VIEW {VIEW} AS
        SELECT word, ndoc AS documents FROM ts_stat($$
            SELECT to_tsvector('simple', e.title_text || ' ' || e.body_text)
            FROM "{entries}" e
            JOIN wagtailcore_page p
              ON e.content_type_id = p.content_type_id AND e.object_id = p.id::text
            WHERE p.live AND NOT EXISTS (
                SELECT 1 FROM wagtailcore_pageviewrestriction r
                JOIN wagtailcore_page restricted ON restricted.id = r.page_id
                WHERE p.path LIKE restricted.path || '%'
            )
        $$)
        """,
        None,  # no parameters: the % above is SQL, not a placeholder
    )
    schema_editor.execute(f"CREATE UNIQUE INDEX {VIEW}_word ON {VIEW} (word)")
    schema_editor.execute(f"CREATE INDEX {VIEW}_trgm ON {VIEW} USING gin (word gin_trgm_ops)")


def drop_view(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP MATERIALIZED VIEW IF EXISTS {VIEW}")


class Migration(migrations.Migration):
    dependencies = [
        ("veiviser_search", "0003_fulltext_table"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_view, drop_view)]
