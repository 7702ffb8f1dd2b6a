"""The editorial roles (groups and permissions) and the «Godkjenning» workflow."""

from django.db import migrations

from editorial import roles


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    # Wagtail's English starter groups and workflow would sit beside ours and confuse.
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()
    Workflow.objects.filter(name="Moderators approval").update(active=False)
    roles.ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("website", "0003_ownership_and_review"),
        ("guidance", "0002_ownership_and_review"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
