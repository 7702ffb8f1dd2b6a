"""A translation waiting for approval never shows as nynorsk (issue 15): until an approver
publishes it, the public nynorsk page shows the bokmål source text marked lang="nb", with a
note in nynorsk that the page exists only in bokmål."""

import pytest

from django.urls import reverse

from wagtail.models import Page

from tests.editorial.test_permissions import (
    build_sections,
    build_translation,
    edit_url,
    translate_title,
)

pytestmark = pytest.mark.django_db

NOTE_NN = "Denne sida finst berre på bokmål."


@pytest.fixture
def translated(tree, nn, django_user_model, client):
    return build_translation(build_sections(tree, nn, django_user_model), nn, client)


def public(client, page):
    client.logout()
    response = client.get(Page.objects.get(pk=page.pk).url)
    assert response.status_code == 200
    return response.content.decode()


def test_translation_waiting_for_approval_is_marked_as_bokmal(translated, client):
    target = Page.objects.get(pk=translated.target.pk).specific
    assert target.content_language == "nb"
    html = public(client, target)
    assert '<html lang="nn"' in html
    assert '<div class="page-content" lang="nb">' in html
    assert NOTE_NN in html

    # The translator translates and submits; the page still shows the approved bokmål text.
    client.force_login(translated.users["translator"])
    assert translate_title(client, translated).status_code in (200, 201)
    client.post(edit_url(target), {"action": "editorial-submit"})
    assert '<div class="page-content" lang="nb">' in public(client, target)

    # Approved by another: now the page is nynorsk, with no note.
    client.force_login(translated.users["approver"])
    page = Page.objects.get(pk=target.pk)
    task_state = page.current_workflow_state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    target = Page.objects.get(pk=target.pk).specific
    assert target.content_language == "nn"
    html = public(client, target)
    assert '<div class="page-content">' in html
    assert NOTE_NN not in html
    assert "Artikkel på nynorsk" in html


def test_bokmal_source_has_no_note(translated, client):
    html = public(client, translated.pages["own"])
    assert "finnes bare på" not in html and "finst berre på" not in html
