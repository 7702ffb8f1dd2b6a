"""The owning directorate now lives in editorial (editorial 0006): the columns stay as they are."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0004_directorate_moved_to_editorial'),
        ('editorial', '0006_directorate_moved_from_guidance'),
        ('guidance', '0003_draft_state_and_workflow'),
        ('website', '0008_directorate_moved_to_editorial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='activitypage',
                    name='directorate',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='editorial.directorate', verbose_name='owning directorate'),
                ),
                migrations.AlterField(
                    model_name='articlepage',
                    name='directorate',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='editorial.directorate', verbose_name='owning directorate'),
                ),
                migrations.AlterField(
                    model_name='factorindexpage',
                    name='directorate',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='editorial.directorate', verbose_name='owning directorate'),
                ),
                migrations.AlterField(
                    model_name='articleindexpage',
                    name='directorate',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='editorial.directorate', verbose_name='owning directorate'),
                ),
                migrations.AlterField(
                    model_name='quotepage',
                    name='directorate',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='editorial.directorate', verbose_name='owning directorate'),
                ),
                migrations.AlterField(
                    model_name='quoteindexpage',
                    name='directorate',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='editorial.directorate', verbose_name='owning directorate'),
                ),
                migrations.AlterField(
                    model_name='factorpage',
                    name='directorate',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='editorial.directorate', verbose_name='owning directorate'),
                ),
                migrations.DeleteModel(
                    name='Directorate',
                ),
            ],
        ),
    ]
