"""Login throttling with django-axes (issue 14, item 2)."""

import pytest
from axes.models import AccessAttempt

from django.contrib.auth.hashers import MD5PasswordHasher
from django.core.cache import cache
from django.urls import reverse

LOGIN = "/admin/login/"


@pytest.fixture
def editor(db, django_user_model):
    cache.clear()
    return django_user_model.objects.create_user(username="eva", password="riktig-passord")


def wrong(client, username="eva", address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": "feil"}, REMOTE_ADDR=address)


def test_five_failures_lock_the_username_from_that_address(client, editor):
    for _ in range(4):
        assert wrong(client).status_code == 200  # the form again, with its error
    locked = wrong(client)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "For mange mislykkede innlogginger" in html
    assert locked["Retry-After"] == "900"
    # Even the right password is refused while locked.
    right = client.post(
        LOGIN, {"username": "eva", "password": "riktig-passord"}, REMOTE_ADDR="10.0.0.1"
    )
    assert right.status_code == 429
    # Another address, or another username, is not locked.
    ok = client.post(
        LOGIN, {"username": "eva", "password": "riktig-passord"}, REMOTE_ADDR="10.0.0.2"
    )
    assert ok.status_code == 302


def test_a_locked_attempt_is_refused_before_the_password_is_hashed(client, editor, monkeypatch):
    for _ in range(5):
        wrong(client)
    calls = []
    original = MD5PasswordHasher.encode

    def counting(self, password, salt):
        calls.append(password)
        return original(self, password, salt)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counting)
    assert wrong(client).status_code == 429
    assert calls == []


def test_nynorsk_lockout_page(client, editor):
    for _ in range(5):
        wrong(client)
    response = client.post(
        LOGIN,
        {"username": "eva", "password": "feil"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_ACCEPT_LANGUAGE="nn",
    )
    assert response.status_code == 429


def test_an_administrator_lifts_the_lockout_in_wagtail(client, editor, django_user_model):
    for _ in range(5):
        wrong(client)
    attempt = AccessAttempt.objects.get(username="eva")
    admin = django_user_model.objects.create_superuser("root", "r@x.no", "x")
    client.force_login(admin)
    listing = client.get(reverse("lockouts:index"))
    assert listing.status_code == 200
    assert "eva" in listing.content.decode()
    response = client.post(reverse("lockouts:delete", args=[attempt.pk]))
    assert response.status_code == 302
    client.logout()
    ok = client.post(
        LOGIN, {"username": "eva", "password": "riktig-passord"}, REMOTE_ADDR="10.0.0.1"
    )
    assert ok.status_code == 302


def test_editors_cannot_see_lockouts(client, editor):
    client.force_login(editor)
    assert client.get(reverse("lockouts:index")).status_code in (302, 403)


def test_django_admin_is_gone(client, db):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404
