"""Helpers for migrations that move a model from one app to another."""


def move_content_type(old_app_label, new_app_label, model):
    """A RunPython function that gives the model's content type its new app label.

    Permissions, revisions, workflow states, log entries and the reference index point at the
    content type's id, so renaming the row keeps them all. If both rows exist (the new code asked
    for the new one before this migration ran, or a data migration made it in a fresh
    database), the old row is still the one kept: what points at the new row moves to it, the
    new row goes, and the old row is renamed. Deleting the old row instead would cascade to
    everything that still points at it (reference index rows, revisions, log entries).
    """

    def forwards(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        old = ContentType.objects.filter(app_label=old_app_label, model=model).first()
        if old is None:
            return
        new = ContentType.objects.filter(app_label=new_app_label, model=model).first()
        if new is not None:
            merge_permissions(apps, source=new, target=old)
            repoint(apps, source=new, target=old)
            new.delete()
        old.app_label = new_app_label
        old.save(update_fields=["app_label"])

    return forwards


def merge_permissions(apps, source, target):
    """Give ``target`` the permissions of ``source``; groups and users keep what they had."""
    Permission = apps.get_model("auth", "Permission")
    taken = set(Permission.objects.filter(content_type=target).values_list("codename", flat=True))
    for permission in Permission.objects.filter(content_type=source):
        if permission.codename in taken:
            kept = Permission.objects.get(content_type=target, codename=permission.codename)
            for group in permission.group_set.all():
                group.permissions.add(kept)
            for user in permission.user_set.all():
                user.user_permissions.add(kept)
            permission.delete()
        else:
            permission.content_type = target
            permission.save(update_fields=["content_type"])


def repoint(apps, source, target):
    """Make every foreign key to the content type ``source`` point at ``target``."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            related = field.related_model if field.is_relation else None
            if related is not None and related._meta.label_lower == "contenttypes.contenttype":
                model._base_manager.filter(**{field.attname: source.pk}).update(
                    **{field.attname: target.pk}
                )
