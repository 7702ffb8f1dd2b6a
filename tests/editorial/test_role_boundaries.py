"""Only superusers grant superuser or Administratorer rights (issue 14, item 11)."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

ADMINISTRATORS = "Administratorer"
EDIT = {"email": "someone@x.no", "first_name": "Navn", "last_name": "Navnesen", "is_active": "on"}


@pytest.fixture
def admin_member(db, django_user_model):
    user = django_user_model.objects.create_user(username="ada", password="x", email="a@x.no")
    user.groups.add(Group.objects.get(name=ADMINISTRATORS))
    return user


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("root", "root@x.no", "x")


def creation_post(username, **extra):
    data = {
        "username": username,
        "email": f"{username}@x.no",
        "first_name": "Ny",
        "last_name": "Bruker",
        "password1": "et-langt-passord-2026",
        "password2": "et-langt-passord-2026",
    }
    data.update(extra)
    return data


def test_administrator_cannot_create_a_superuser_by_forging_the_form(
    client, admin_member, django_user_model
):
    client.force_login(admin_member)
    form = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="is_superuser"' not in form
    admins = Group.objects.get(name=ADMINISTRATORS)
    assert f'value="{admins.pk}"' not in form
    editors = Group.objects.get(name="Redaktører")
    response = client.post(
        reverse("wagtailusers_users:add"),
        creation_post("mallory", is_superuser="on", groups=[editors.pk]),
    )
    assert response.status_code == 302
    created = django_user_model.objects.get(username="mallory")
    assert not created.is_superuser
    assert list(created.groups.values_list("name", flat=True)) == ["Redaktører"]
    # The Administratorer group is not a valid choice: the form is refused, nobody created.
    response = client.post(
        reverse("wagtailusers_users:add"), creation_post("oscar", groups=[admins.pk])
    )
    assert response.status_code == 200
    assert not django_user_model.objects.filter(username="oscar").exists()


def test_administrator_cannot_promote_or_touch_a_superuser(
    client, admin_member, superuser, django_user_model
):
    colleague = django_user_model.objects.create_user(username="bob", password="x")
    client.force_login(admin_member)
    admins = Group.objects.get(name=ADMINISTRATORS)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[colleague.pk]),
        {**EDIT, "username": "bob", "is_superuser": "on"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("wagtailusers_users:edit", args=[colleague.pk]),
        {**EDIT, "username": "bob", "groups": [admins.pk]},
    )
    assert response.status_code == 200
    colleague.refresh_from_db()
    assert not colleague.is_superuser
    assert not colleague.groups.exists()
    # A superuser's account (password, groups) is out of reach.
    for name in ("edit", "delete"):
        url = reverse(f"wagtailusers_users:{name}", args=[superuser.pk])
        assert client.get(url).status_code in (302, 403)
        assert client.post(
            url, {"username": "root", "password1": "p", "password2": "p"}
        ).status_code in (302, 403)
    superuser.refresh_from_db()
    assert superuser.is_superuser and superuser.check_password("x")


def test_administrator_keeps_a_colleague_in_administratorer(
    client, admin_member, django_user_model
):
    other = django_user_model.objects.create_user(username="carl", password="x")
    other.groups.add(Group.objects.get(name=ADMINISTRATORS))
    client.force_login(admin_member)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[other.pk]),
        {**EDIT, "username": "carl"},
    )
    assert response.status_code == 302
    assert other.groups.filter(name=ADMINISTRATORS).exists()


def test_superuser_grants_both(client, superuser, django_user_model):
    client.force_login(superuser)
    form = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="is_superuser"' in form
    admins = Group.objects.get(name=ADMINISTRATORS)
    response = client.post(
        reverse("wagtailusers_users:add"),
        creation_post("trudy", is_superuser="on", groups=[admins.pk]),
    )
    assert response.status_code == 302
    created = django_user_model.objects.get(username="trudy")
    assert created.is_superuser
    assert created.groups.filter(name=ADMINISTRATORS).exists()
