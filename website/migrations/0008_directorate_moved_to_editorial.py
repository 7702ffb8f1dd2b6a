"""The owning directorate now lives in editorial (editorial 0006): the columns stay as they are."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('editorial', '0006_directorate_moved_from_guidance'),
        ('website', '0007_publication_stamp_moved_to_core'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='homepage',
                    name='directorate',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='editorial.directorate', verbose_name='owning directorate'),
                ),
                migrations.AlterField(
                    model_name='informationpage',
                    name='directorate',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='editorial.directorate', verbose_name='owning directorate'),
                ),
            ],
        ),
    ]
