"""Page permission «change» covers source pages only with ``change_source_pages``.

Before it existed, everyone with «change» could change source pages; the translators were not
meant to. Every group that may create pages (editors, approvers, administrators and any group
set up like them) keeps that right; the translators' groups, which only change, do not get it.
"""

from django.db import migrations

from editorial import roles


def give_to_writers(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    permission = roles._permission(apps, *roles.CHANGE_SOURCE_PAGES)
    writers = GroupPagePermission.objects.filter(permission__codename="add_page").values("group")
    for group in Group.objects.filter(pk__in=writers):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_backfill_review_dates"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="editorialpermissions",
            options={
                "default_permissions": (),
                "managed": False,
                "permissions": [
                    ("publish_without_approval", "Can publish pages directly, without approval"),
                    (
                        "change_source_pages",
                        "Can change pages in their original written form, not only translations",
                    ),
                ],
            },
        ),
        migrations.RunPython(give_to_writers, migrations.RunPython.noop),
    ]
