"""Directorate (a page's owner) moves from guidance to editorial: same table, new app label."""

from django.db import migrations, models

from core.migrations import move_content_type


class Migration(migrations.Migration):

    dependencies = [
        ('editorial', '0005_snippet_workflow'),
        ('guidance', '0003_draft_state_and_workflow'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Directorate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, unique=True, verbose_name='name')),
                        ('abbreviation', models.CharField(blank=True, max_length=20, verbose_name='abbreviation')),
                        ('website', models.URLField(blank=True, verbose_name='website')),
                    ],
                    options={
                        'verbose_name': 'directorate',
                        'verbose_name_plural': 'directorates',
                        'db_table': 'guidance_directorate',
                        'ordering': ['name'],
                    },
                ),
            ],
        ),
        migrations.RunPython(
            move_content_type('guidance', 'editorial', 'directorate'), migrations.RunPython.noop
        ),
    ]
