"""PostgreSQL: a narrow copy of each search index entry's title || body, kept by a trigger.

Wagtail's backend matches `(title || body) @@ query` on its index entries, which concatenates two
vectors per row at search time and reads rows that also carry the autocomplete vector and both
plain texts (about 2 kB each). The engine matches and ranks this table instead: four columns,
integer object ids, a GIN index, and PostgreSQL keeps it in step with every insert, update, delete and truncate of
the index entries. Nothing to do on SQLite.
"""

import django.contrib.postgres.search
from django.db import migrations, models

TABLE = "veiviser_search_fulltext"
# Pages have integer ids; an object of another model with a text key is kept with NULL.
INTEGER_ID = "CASE WHEN {0} ~ '^[0-9]{{1,9}}$' THEN {0}::integer END"


def create_table(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    for statement in (
        f"""CREATE TABLE {TABLE} (
            entry_id integer PRIMARY KEY,
            content_type_id integer NOT NULL,
            object_id integer,
            fulltext tsvector NOT NULL)""",
        f"CREATE INDEX {TABLE}_fulltext ON {TABLE} USING gin (fulltext)",
        f"""CREATE FUNCTION {TABLE}_sync() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                DELETE FROM {TABLE} WHERE entry_id = OLD.id;
                RETURN OLD;
            END IF;
            INSERT INTO {TABLE} (entry_id, content_type_id, object_id, fulltext)
            VALUES (NEW.id, NEW.content_type_id, {INTEGER_ID.format("NEW.object_id")},
                    NEW.title || NEW.body)
            ON CONFLICT (entry_id) DO UPDATE SET content_type_id = EXCLUDED.content_type_id,
                object_id = EXCLUDED.object_id, fulltext = EXCLUDED.fulltext;
            RETURN NEW;
        END $$""",
        f"""CREATE FUNCTION {TABLE}_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            TRUNCATE {TABLE};
            RETURN NULL;
        END $$""",
        # Not on title_norm alone: the backend rewrites it on every indexing.
        f"""CREATE TRIGGER {TABLE}_sync
            AFTER INSERT OR DELETE OR UPDATE OF title, body, content_type_id, object_id
            ON "{entries}" FOR EACH ROW EXECUTE FUNCTION {TABLE}_sync()""",
        f"""CREATE TRIGGER {TABLE}_truncate AFTER TRUNCATE ON "{entries}"
            FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_truncate()""",
        f"""INSERT INTO {TABLE} (entry_id, content_type_id, object_id, fulltext)
            SELECT id, content_type_id, {INTEGER_ID.format("object_id")}, title || body
            FROM "{entries}" """,
    ):
        schema_editor.execute(statement, None)


def drop_table(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    for statement in (
        f'DROP TRIGGER IF EXISTS {TABLE}_sync ON "{entries}"',
        f'DROP TRIGGER IF EXISTS {TABLE}_truncate ON "{entries}"',
        f"DROP FUNCTION IF EXISTS {TABLE}_sync()",
        f"DROP FUNCTION IF EXISTS {TABLE}_truncate()",
        f"DROP TABLE IF EXISTS {TABLE}",
    ):
        schema_editor.execute(statement, None)


class Migration(migrations.Migration):
    dependencies = [
        ("veiviser_search", "0002_enable_postgresql_extensions"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(create_table, drop_table),
        # The table as Django sees it: read by the engine, written only by the trigger.
        migrations.CreateModel(
            name="FullTextEntry",
            fields=[
                ("entry_id", models.IntegerField(primary_key=True, serialize=False)),
                ("content_type_id", models.IntegerField()),
                ("object_id", models.IntegerField(null=True)),
                ("fulltext", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={"db_table": "veiviser_search_fulltext", "managed": False},
        ),
    ]
