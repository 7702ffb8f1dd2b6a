"""PostgreSQL: the narrow full-text table also holds each page's locale, in its GIN index.

Every page of one language has an alias or translation in the other, so without it a search
reads and ranks the matches of both languages to keep one. Filled by the trigger from the page
row (index entries are written after it); NULL for objects that are not pages. btree_gin lets
one GIN index serve `locale_id = … AND fulltext @@ …`.
"""

from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations, models

TABLE = "veiviser_search_fulltext"
INTEGER_ID = "CASE WHEN {0} ~ '^[0-9]{{1,9}}$' THEN {0}::integer END"
PAGE_LOCALE = (
    "(SELECT locale_id FROM wagtailcore_page WHERE id = {0} AND content_type_id = {1})"
)


def sync_function(with_locale):
    columns = ["entry_id", "content_type_id", "object_id", "fulltext"]
    object_id = INTEGER_ID.format("NEW.object_id")
    values = ["NEW.id", "NEW.content_type_id", object_id, "NEW.title || NEW.body"]
    if with_locale:
        columns.append("locale_id")
        values.append(PAGE_LOCALE.format(object_id, "NEW.content_type_id"))
    update = ", ".join(f"{column} = EXCLUDED.{column}" for column in columns[1:])
    columns, values = ", ".join(columns), ", ".join(values)
    return f"""CREATE OR REPLACE FUNCTION {TABLE}_sync() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                DELETE FROM {TABLE} WHERE entry_id = OLD.id;
                RETURN OLD;
            END IF;
            INSERT INTO {TABLE} ({columns}) VALUES ({values})
            ON CONFLICT (entry_id) DO UPDATE SET {update};
            RETURN NEW;
        END $$"""


def add_locale(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in (
        f"ALTER TABLE {TABLE} ADD COLUMN locale_id integer",
        f"DROP INDEX {TABLE}_fulltext",
        f"CREATE INDEX {TABLE}_locale_fulltext ON {TABLE} USING gin (locale_id, fulltext)",
        sync_function(with_locale=True),
        f"""UPDATE {TABLE} SET locale_id = page.locale_id FROM wagtailcore_page page
            WHERE page.id = {TABLE}.object_id AND page.content_type_id = {TABLE}.content_type_id""",
    ):
        schema_editor.execute(statement, None)


def drop_locale(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in (
        sync_function(with_locale=False),
        f"DROP INDEX {TABLE}_locale_fulltext",
        f"CREATE INDEX {TABLE}_fulltext ON {TABLE} USING gin (fulltext)",
        f"ALTER TABLE {TABLE} DROP COLUMN locale_id",
    ):
        schema_editor.execute(statement, None)


class Migration(migrations.Migration):
    dependencies = [("veiviser_search", "0004_vocabulary")]

    operations = [
        BtreeGinExtension(),
        migrations.RunPython(add_locale, drop_locale),
        migrations.AddField(
            model_name="fulltextentry",
            name="locale_id",
            field=models.IntegerField(null=True),
        ),
    ]
