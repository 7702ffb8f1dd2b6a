"""Trigram similarity (typo-tolerant search) on PostgreSQL; nothing to do on SQLite."""

from django.core.management import call_command
from django.db import migrations


def enable_extensions(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # unaccent first: enable_trigram also creates the f_unaccent() helper it needs.
    call_command("enable_unaccent")
    call_command("enable_trigram")


class Migration(migrations.Migration):
    dependencies = [
        ("veiviser_search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(enable_extensions, migrations.RunPython.noop)]
