"""SQLite: an FTS5 table of the Snowball stems of each search index entry, kept by triggers.

Wagtail's SQLite backend matches whole words. This table holds the stemmed title and body of
every index entry (``search/analysis``: the stems PostgreSQL's ``norwegian`` configuration
makes), with the page and its locale, and triggers on the index keep it in step on every
insert, update and delete. The triggers call ``veiviser_stems()``, a Python function the search
app registers on every connection Django opens (``search/sqlite.py``); a tool that writes the
index without Django would have to register it too. Nothing to do on PostgreSQL.
"""

from django.db import migrations

TABLE = "veiviser_search_stems"
PAGE = (
    "(SELECT {0} FROM wagtailcore_page WHERE id = CAST(NEW.object_id AS INTEGER) "
    "AND content_type_id = NEW.content_type_id)"
)
INSERT = f"""INSERT INTO {TABLE} (rowid, title, body, page_id, locale_id)
    VALUES (NEW.id, veiviser_stems(NEW.title), veiviser_stems(NEW.body),
            {PAGE.format("id")}, {PAGE.format("locale_id")});"""


def create_table(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    for statement in (
        f"""CREATE VIRTUAL TABLE {TABLE} USING fts5(title, body, page_id UNINDEXED,
            locale_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 0')""",
        f"""CREATE TRIGGER {TABLE}_insert AFTER INSERT ON "{entries}" BEGIN {INSERT} END""",
        f"""CREATE TRIGGER {TABLE}_update AFTER UPDATE OF title, body, object_id,
            content_type_id ON "{entries}" BEGIN
            DELETE FROM {TABLE} WHERE rowid = OLD.id; {INSERT} END""",
        f"""CREATE TRIGGER {TABLE}_delete AFTER DELETE ON "{entries}" BEGIN
            DELETE FROM {TABLE} WHERE rowid = OLD.id; END""",
        f"""INSERT INTO {TABLE} (rowid, title, body, page_id, locale_id)
            SELECT e.id, veiviser_stems(e.title), veiviser_stems(e.body), p.id, p.locale_id
            FROM "{entries}" e LEFT JOIN wagtailcore_page p
              ON p.id = CAST(e.object_id AS INTEGER) AND p.content_type_id = e.content_type_id""",
    ):
        schema_editor.execute(statement, None)


def drop_table(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in (
        f"DROP TRIGGER IF EXISTS {TABLE}_insert",
        f"DROP TRIGGER IF EXISTS {TABLE}_update",
        f"DROP TRIGGER IF EXISTS {TABLE}_delete",
        f"DROP TABLE IF EXISTS {TABLE}",
    ):
        schema_editor.execute(statement, None)


class Migration(migrations.Migration):
    dependencies = [
        ("veiviser_search", "0008_vocabulary_and_word_forms"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_table, drop_table)]
