"""PublicationStamp now lives in core (core 0001); the table stays where it is."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0006_publication_stamp"),
        ("core", "0001_publication_stamp"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PublicationStamp")],
        ),
    ]
