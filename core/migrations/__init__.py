"""Helpers for migrations that move a model from one app to another."""


def move_content_type(old_app_label, new_app_label, model):
    """A RunPython function that gives the model's content type its new app label.

    Permissions, revisions, workflow states and log entries point at the content type's id, so
    renaming the row keeps them all. If both rows exist (a fresh database where a data migration
    already made the new one), the old row's permissions move over and the old row goes.
    """

    def forwards(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Permission = apps.get_model("auth", "Permission")
        old = ContentType.objects.filter(app_label=old_app_label, model=model).first()
        if old is None:
            return
        new = ContentType.objects.filter(app_label=new_app_label, model=model).first()
        if new is None:
            old.app_label = new_app_label
            old.save(update_fields=["app_label"])
            return
        taken = set(Permission.objects.filter(content_type=new).values_list("codename", flat=True))
        for permission in Permission.objects.filter(content_type=old):
            if permission.codename in taken:
                replacement = Permission.objects.get(content_type=new, codename=permission.codename)
                for group in permission.group_set.all():
                    group.permissions.add(replacement)
                for user in permission.user_set.all():
                    user.user_permissions.add(replacement)
                permission.delete()
            else:
                permission.content_type = new
                permission.save(update_fields=["content_type"])
        old.delete()

    return forwards
