"""E-mail in production (issue 14.7), sent through a real SMTP server on this machine (aiosmtpd):
password reset and workflow notifications in Norwegian, with links to the public address; no
password reset is offered when no e-mail can be sent."""

import email
import email.policy
import re
import socket

import pytest
from aiosmtpd.controller import Controller

from django.contrib.auth.models import Group
from django.urls import reverse

from tests.editorial.test_permissions import build_sections, submit_for_approval

pytestmark = pytest.mark.django_db

BASE = "https://veiviser.example.no"


class Sink:
    """Keeps every message the SMTP server receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted"

    def text(self, message):
        return message.get_body(preferencelist=("plain",)).get_content()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_sink(settings):
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.WAGTAILADMIN_BASE_URL = BASE
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = True
    settings.DEFAULT_FROM_EMAIL = "Veiviser <ikkje-svar@veiviser.example.no>"
    settings.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = settings.DEFAULT_FROM_EMAIL
    yield sink
    controller.stop()


def test_password_reset_in_norwegian_with_the_public_link(smtp_sink, client, django_user_model):
    django_user_model.objects.create_user("kari", "kari@kommune.example", "x")
    login = client.get(reverse("wagtailadmin_login")).content.decode()
    assert reverse("wagtailadmin_password_reset") in login
    response = client.post(
        reverse("wagtailadmin_password_reset"), {"email": "kari@kommune.example"}
    )
    assert response.status_code == 302
    [(recipients, message)] = smtp_sink.messages
    assert recipients == ["kari@kommune.example"]
    assert message["From"] == "Veiviser <ikkje-svar@veiviser.example.no>"
    assert message["Subject"] == "Passordnullstilling"
    body = smtp_sink.text(message)
    assert re.search(rf"{BASE}/admin/password_reset/confirm/\S+/", body), body
    assert "følg lenken under for å nullstille" in body
    assert "8000" not in body and "Please" not in body


def test_without_email_no_password_reset_is_promised(settings, client, django_user_model):
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = False
    django_user_model.objects.create_user("kari", "kari@kommune.example", "x")
    login = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "password_reset" not in login
    response = client.post("/admin/password_reset/", {"email": "kari@kommune.example"})
    assert response.status_code in (302, 404)
    assert "sendt" not in response.content.decode().lower()


def test_workflow_notification_in_norwegian_with_the_public_link(
    smtp_sink, tree, nn, django_user_model, django_capture_on_commit_callbacks
):
    sections = build_sections(tree, nn, django_user_model)
    approver = sections.users["approver"]
    approver.email = "godkjenner@husbanken.example"
    approver.save()
    Group.objects.get(name="Administratorer").user_set.clear()
    page = sections.pages["own"]
    with django_capture_on_commit_callbacks(execute=True):
        submit_for_approval(page, sections.authors["own"])
    messages = [m for rcpt, m in smtp_sink.messages if approver.email in rcpt]
    assert messages, [rcpt for rcpt, _ in smtp_sink.messages]
    message = messages[0]
    body = smtp_sink.text(message)
    assert f"Du kan redigere siden her: {BASE}/admin/pages/{page.pk}/edit/" in body, body
    assert f"{BASE}/admin/pages/workflow/preview/{page.pk}/" in body
    assert "8000" not in body and "localhost" not in body
    # Subject and text are Norwegian (templates/wagtailadmin/notifications/).
    subject = str(message["Subject"]).strip()
    latest = page.get_latest_revision_as_object().title
    assert subject.startswith(f"«{latest}» venter på godkjenning: "), subject
    assert "Godkjenning" in subject
    assert body.startswith("Hei, "), body
    assert f"«{latest}» er sendt til godkjenning i steget «" in body, body
    assert "Endre varslingsinnstillingene dine her:" in body
    for english in ("has been", "submitted", "You can", "Hello"):
        assert english not in body and english not in subject, english
