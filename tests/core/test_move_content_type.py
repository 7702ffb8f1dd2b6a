"""core.migrations.move_content_type when the new content type row exists already.

That happens when the new code asks for the moved model's content type (a web process of the
new code, a management command) before the migration runs. The migration from the previous
main without that (the usual case) is tested in test_migration_from_previous_main.py.
"""

import pytest

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import ModelLogEntry

from core.migrations import move_content_type
from editorial.models import Directorate


@pytest.fixture
def content_types():
    # A flush by an earlier test on this worker renumbers the content types: forget cached ids.
    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


def log_entry(content_type):
    return ModelLogEntry.objects.create(
        content_type=content_type,
        object_id="1",
        label="Husbanken",
        action="wagtail.edit",
        timestamp=timezone.now(),
    )


@pytest.mark.django_db
def test_the_old_row_is_kept_with_all_that_points_at_either_row(content_types):
    new = ContentType.objects.get_for_model(Directorate)
    old = ContentType.objects.create(app_label="guidance", model="directorate")
    shared = Permission.objects.create(content_type=old, codename="view_directorate", name="v")
    own = Permission.objects.create(content_type=old, codename="audit_directorate", name="a")
    group = Group.objects.create(name="Flyttegruppe")
    group.permissions.add(
        shared, own, Permission.objects.get(content_type=new, codename="add_directorate")
    )
    old_history, new_history = log_entry(old), log_entry(new)

    move_content_type("guidance", "editorial", "directorate")(apps, None)

    kept = ContentType.objects.get(app_label="editorial", model="directorate")
    assert kept.pk == old.pk
    assert not ContentType.objects.filter(pk=new.pk).exists()
    assert not ContentType.objects.filter(app_label="guidance", model="directorate").exists()
    assert set(
        ModelLogEntry.objects.filter(pk__in=[old_history.pk, new_history.pk]).values_list(
            "content_type", flat=True
        )
    ) == {kept.pk}
    assert set(group.permissions.values_list("content_type", "codename")) == {
        (kept.pk, "view_directorate"),
        (kept.pk, "audit_directorate"),
        (kept.pk, "add_directorate"),
    }
    assert set(Permission.objects.filter(content_type=kept).values_list("codename", flat=True)) == {
        "add_directorate",
        "change_directorate",
        "delete_directorate",
        "view_directorate",
        "audit_directorate",
    }
