"""The owning directorate now lives in editorial (editorial 0006): the columns stay as they are."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0003_ownership_and_review'),
        ('editorial', '0006_directorate_moved_from_guidance'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='casestudyindexpage',
                    name='directorate',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='editorial.directorate', verbose_name='owning directorate'),
                ),
                migrations.AlterField(
                    model_name='casestudypage',
                    name='directorate',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='editorial.directorate', verbose_name='owning directorate'),
                ),
            ],
        ),
    ]
