"""The editor's path without traps (issue 15): approval first, nothing offered that is refused,
slugs the same in both written forms, a redirect after a changed slug, demo users."""

import io

import pytest

from django.core.management import call_command

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation

from core.text import norwegian_slug
from editorial.models import ReadOnlyDatePanel
from tests.editorial.test_permissions import build_sections, build_translation, edit_url
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
