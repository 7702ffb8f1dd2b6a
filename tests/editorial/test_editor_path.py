"""The editor's path without traps (issue 15): approval first, nothing offered that is refused,
slugs the same in both written forms, a redirect after a changed slug, demo users."""

import io
import json
import re

import pytest

from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation

from core.text import norwegian_slug
from editorial.models import ReadOnlyDatePanel
from tests.editorial.test_permissions import (
    build_sections,
    build_translation,
    edit_url,
    submit_for_approval,
)
from tests.factories.guidance import QuotePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(tree, nn, django_user_model, client):
    return build_translation(build_sections(tree, nn, django_user_model), nn, client)


def test_administrator_submits_a_translation_for_approval(translated, client):
    client.force_login(translated.users["administrator"])
    response = client.post(edit_url(translated.target), {"action": "editorial-submit"})
    assert response.status_code == 302
    state = Page.objects.get(pk=translated.target.pk).current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS


def test_translator_main_action_is_submit_for_approval(translated, client):
    client.force_login(translated.users["translator"])
    html = client.get(edit_url(translated.target)).content.decode()
    assert "Send til godkjenning" in html
    assert html.index("Send til godkjenning") < html.index("js-translation-editor")
    assert "&quot;convertToAliasUrl&quot;: null" in html


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Bodø kommune om én dør inn", "bodo-kommune-om-en-dor-inn"),
        ("Ærlig talt på Ålesund", "aerlig-talt-pa-alesund"),
    ],
)
def test_norwegian_slug(text, slug):
    assert norwegian_slug(text) == slug


def test_page_slug_is_transliterated_when_saved(tree):
    quote = QuotePageFactory(parent=tree.quote_index, title="Bodø", slug="bodø-kommune-om-én-dør")
    assert Page.objects.get(pk=quote.pk).slug == "bodo-kommune-om-en-dor"


def test_translated_slug_is_transliterated_like_the_source(translated):
    segment = StringSegment.objects.get(source=translated.translation.source, context__path="slug")
    translation = StringTranslation.objects.create(
        translation_of_id=segment.string_id,
        locale=translated.translation.target_locale,
        context_id=segment.context_id,
        data="bodø-kommune-om-éi-dør-inn",
    )
    assert translation.data == "bodo-kommune-om-ei-dor-inn"


def test_changed_slug_leaves_a_redirect(tree, django_capture_on_commit_callbacks):
    quote = QuotePageFactory(parent=tree.quote_index, title="Sitat", slug="gammel-adresse")
    quote.save_revision().publish()
    old_url = quote.url
    quote.slug = "ny-adresse"
    with django_capture_on_commit_callbacks(execute=True):
        quote.save_revision().publish()
    redirect = Redirect.objects.get(old_path=old_url.rstrip("/"))
    assert redirect.redirect_page_id == quote.pk


def test_last_reviewed_never_shows_none():
    panel = ReadOnlyDatePanel("last_reviewed", read_only=True)
    assert str(panel.format_value_for_display(None)) == "Ikke ennå"


def test_demo_users_are_created_once_with_their_passwords_printed(tree, nn, django_user_model):
    build_sections(tree, nn, django_user_model)
    out = io.StringIO()
    call_command("ensure_demo_users", stdout=out)
    printed = out.getvalue()
    for username in ("redaktor", "oversetter", "godkjenner"):
        user = django_user_model.objects.get(username=username)
        password = next(line.split()[1] for line in printed.splitlines() if username in line)
        assert user.check_password(password)
        assert user.groups.get().name.startswith("Arbeids- og velferdsdirektoratet – ")
    again = io.StringIO()
    call_command("ensure_demo_users", stdout=again)
    assert "exist already" in again.getvalue()
    assert django_user_model.objects.filter(username="redaktor").count() == 1


def test_approvers_queue_comes_first_with_its_count(tree, nn, django_user_model, client):
    sections = build_sections(tree, nn, django_user_model)
    submit_for_approval(sections.pages["own"], sections.authors["own"])
    client.force_login(sections.users["approver"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 endring venter på godkjenningen din." in html
    panels = re.findall(r"<section[^>]*w-panel--dashboard[^>]*>", html)
    assert panels and 'id="awaiting-review-section"' in panels[0]


@pytest.mark.parametrize(
    ("action", "message"),
    [("approve", "«Artikkel (endret)» er godkjent."), ("reject", "Det er bedt om endringer")],
)
def test_approve_and_request_changes_confirm(tree, nn, django_user_model, client, action, message):
    sections = build_sections(tree, nn, django_user_model)
    submit_for_approval(sections.pages["own"], sections.authors["own"])
    page = Page.objects.get(pk=sections.pages["own"].pk)
    task_state = page.current_workflow_state.current_task_state
    client.force_login(sections.users["approver"])
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code == 302
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any(message in text for text in texts), texts


def test_new_page_takes_the_directorate_of_its_section(tree, nn, django_user_model, client):
    sections = build_sections(tree, nn, django_user_model)
    nav_editor = sections.authors["other"]
    client.force_login(nav_editor)
    url = reverse("wagtailadmin_pages:add", args=["guidance", "quotepage", tree.quote_index.pk])
    html = client.get(url).content.decode()
    html = " ".join(html.split())
    assert re.search(rf'<option value="{sections.nav.pk}" selected>', html) or re.search(
        rf'name="directorate"[^>]*value="{sections.nav.pk}"', html
    )


def test_municipality_chooser_creates_a_municipality(tree, nn, django_user_model, client):
    from guidance.models import Municipality

    sections = build_sections(tree, nn, django_user_model)
    client.force_login(sections.users["editor"])
    chooser = Municipality.snippet_viewset.chooser_viewset
    html = json.loads(client.get(reverse(chooser.get_url_name("choose"))).content)["html"]
    assert "Opprett en kommune" in html and 'name="number"' in html
    url = reverse(chooser.get_url_name("create"))
    data = {"name": "Bodø", "number": "1804", "county": "Nordland"}
    response = json.loads(client.post(url, data).content)
    assert response["step"] == "chosen"
    assert Municipality.objects.get(number="1804").name == "Bodø"
    # A clash: a Norwegian message, and what the editor typed stays in the form.
    response = json.loads(client.post(url, {**data, "name": "Bodø kommune"}).content)
    assert response["step"] != "chosen"
    assert "Bodø kommune" in response["htmlFragment"]
    assert "finnes allerede" in response["htmlFragment"]
