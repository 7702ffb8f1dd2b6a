"""PublicationStamp moves from website to core: the same table, only the state moves."""

import uuid

from django.db import migrations, models

from core.migrations import move_content_type


class Migration(migrations.Migration):
    dependencies = [("website", "0006_publication_stamp")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PublicationStamp",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("stamp", models.UUIDField(default=uuid.uuid4)),
                    ],
                    options={
                        "verbose_name": "publication stamp",
                        "db_table": "website_publicationstamp",
                    },
                ),
            ],
        ),
        migrations.RunPython(
            move_content_type("website", "core", "publicationstamp"), migrations.RunPython.noop
        ),
    ]
