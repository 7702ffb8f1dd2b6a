"""Themes and the notice banner go live through «Godkjenning», like pages (issue 6)."""

from urllib.parse import urlencode

import pytest

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from wagtail.models import Site, WorkflowContentType
from wagtail_localize.models import StringSegment, Translation

from editorial import roles
from editorial.models import FourEyesApprovalTask
from guidance.models import Theme
from tests.editorial.test_permissions import build_sections, error_messages
from tests.factories.guidance import ArticlePageFactory, ThemeFactory
from website.models import Notice, SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(tree, nn, django_user_model):
    return build_sections(tree, nn, django_user_model)


def url(model, name, *args):
    return reverse(
        f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{name}", args=args
    )


def theme_data(name, slug):
    return {"name": name, "slug": slug, "description": ""}


def add_theme(client, name, slug, action):
    return client.post(url(Theme, "add") + "?locale=nb", {**theme_data(name, slug), action: "1"})


def edit_theme(client, theme, name, action):
    return client.post(url(Theme, "edit", theme.pk), {**theme_data(name, theme.slug), action: "1"})


def approve(client, obj):
    obj = type(obj).objects.get(pk=obj.pk)
    task_state = obj.current_workflow_state.current_task_state
    return client.post(
        url(type(obj), "workflow_action", obj.pk, "approve", task_state.pk), {"comment": ""}
    )


def is_public(client, slug, prefix=""):
    return client.get(f"{prefix}/tema/{slug}/").status_code == 200


# Roles and set-up ----------------------------------------------------------------------------


def test_themes_and_notices_are_under_the_approval_workflow():
    for model in (Theme, Notice):
        content_type = ContentType.objects.get_for_model(model)
        assert WorkflowContentType.objects.get(content_type=content_type).workflow.name == (
            roles.WORKFLOW_NAME
        )
        assert model().get_workflow().name == roles.WORKFLOW_NAME


def test_only_administrators_publish_themes_and_notices(sections):
    for codename in ("publish_theme", "publish_notice"):
        holders = set(
            Group.objects.filter(permissions__codename=codename).values_list("name", flat=True)
        )
        assert holders == {"Administratorer"}, codename
        assert Permission.objects.filter(codename=codename).exists()


# Editors, approvers, administrators ----------------------------------------------------------


def test_editor_new_theme_is_public_only_after_approval(sections, client):
    client.force_login(sections.users["editor"])
    response = add_theme(client, "Bostøtte", "bostotte", "action-submit")
    assert response.status_code == 302, error_messages(response)
    theme = Theme.objects.get(slug="bostotte")
    assert not theme.live and theme.workflow_in_progress
    assert not is_public(client, "bostotte")

    client.force_login(sections.users["approver"])
    assert approve(client, theme).status_code == 302
    theme.refresh_from_db()
    assert theme.live and theme.name == "Bostøtte"
    client.logout()
    assert is_public(client, "bostotte")


def test_edited_theme_keeps_its_published_name_until_approval(sections, client):
    theme = ThemeFactory(name="Boligkontor", slug="boligkontor")
    client.force_login(sections.users["editor"])
    response = edit_theme(client, theme, "Boligkontoret", "action-submit")
    assert response.status_code == 302, error_messages(response)
    theme.refresh_from_db()
    assert theme.live and theme.name == "Boligkontor" and theme.workflow_in_progress
    client.logout()
    page = client.get("/tema/boligkontor/").content.decode()
    assert "Boligkontor" in page and "Boligkontoret" not in page

    client.force_login(sections.users["approver"])
    assert approve(client, theme).status_code == 302
    theme.refresh_from_db()
    assert theme.name == "Boligkontoret"


def test_editor_cannot_publish_a_theme(sections, client):
    theme = ThemeFactory(name="Boligkontor", slug="boligkontor")
    client.force_login(sections.users["editor"])
    edit_theme(client, theme, "Ulovlig publisert", "action-publish")
    theme.refresh_from_db()
    assert theme.name == "Boligkontor"
    add_theme(client, "Ny", "ny", "action-publish")
    assert not Theme.objects.get(slug="ny").live


def test_approver_cannot_approve_their_own_theme_change(sections, client, django_user_model):
    theme = ThemeFactory(name="Boligkontor", slug="boligkontor")
    approver = sections.users["approver"]
    client.force_login(approver)
    edit_theme(client, theme, "Eget navn", "action-submit")
    theme = Theme.objects.get(pk=theme.pk)
    task = FourEyesApprovalTask.objects.get(name=roles.TASK_NAME)
    assert not task.user_can_approve(theme, approver)
    approve(client, theme)
    theme.refresh_from_db()
    assert theme.name == "Boligkontor" and theme.workflow_in_progress
    # Another approver sees it on the dashboard and may approve it; the author does not.
    other = django_user_model.objects.create_user("godkjenner-2", password="pw")
    other.groups.add(Group.objects.get(name="Godkjennere"))
    states = task.get_task_states_user_can_moderate(other)
    assert [s.workflow_state.object_id for s in states] == [str(theme.pk)]
    assert not task.get_task_states_user_can_moderate(approver).exists()
    assert task.user_can_approve(theme, other)


def test_administrator_publishes_a_theme_directly(sections, client):
    client.force_login(sections.users["administrator"])
    response = add_theme(client, "Bostøtte", "bostotte", "action-publish")
    assert response.status_code == 302, error_messages(response)
    assert Theme.objects.get(slug="bostotte").live
    assert is_public(client, "bostotte")


# The public site -------------------------------------------------------------------------------


def test_draft_theme_is_nowhere_public(tree, client, nb):
    draft = ThemeFactory(name="Hemmelig tema", slug="hemmelig", live=False)
    live = ThemeFactory(name="Hemmelig nok", slug="hemmelig-nok")
    article = ArticlePageFactory(parent=tree.article_index, title="Artikkel om temaer")
    article.themes.set([draft, live])
    article.factors.set([tree.factors[0]])
    article.save_revision().publish()

    assert client.get("/tema/hemmelig/").status_code == 404
    suggestions = client.get("/sok/forslag/", {"q": "Hemmelig"}).json()["suggestions"]
    assert [s["title"] for s in suggestions if s["url"].startswith("/tema/")] == ["Hemmelig nok"]
    response = client.get("/sok/", {"q": "artikkel"})
    facet = next(f for f in response.context["facets"] if f.name == "theme")
    assert {o.value for o in facet.options} == {"hemmelig-nok"}
    assert "theme" not in client.get("/sok/", {"theme": "hemmelig"}).context["selected"]
    html = client.get(article.url).content.decode()
    assert "Hemmelig nok" in html and "Hemmelig tema" not in html
    other = client.get("/tema/hemmelig-nok/").content.decode()
    assert "Hemmelig tema" not in other


def test_notice_banner_shows_only_a_live_notice(home, client, nb):
    notice = Notice.objects.create(locale=nb, title="Driftsmelding", text="<p>Nede i natt.</p>")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.notice = notice
    settings.save()
    assert "Driftsmelding" in client.get("/").content.decode()
    notice.unpublish()  # as the admin's «Unpublish» does: the memos of public content renew
    assert "Driftsmelding" not in client.get("/").content.decode()


# Translators ---------------------------------------------------------------------------------


def translate(client, translation, path, text):
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        data=urlencode({"value": text}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.content


def submit_for_translation(client, sections, obj, nn):
    client.force_login(sections.users["administrator"])
    meta = obj._meta
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, obj.pk],
        ),
        {"locales": [nn.pk]},
    )
    assert response.status_code == 302
    client.logout()
    return Translation.objects.get(source__object_id=obj.translation_key, target_locale=nn)


@pytest.mark.parametrize("kind", ["theme", "notice"])
def test_translators_translation_waits_for_approval(
    sections, client, nn, kind, django_capture_on_commit_callbacks
):
    if kind == "theme":
        source = ThemeFactory(name="Boligkontor", slug="boligkontor")
        path, text = "name", "Bustadkontor"
    else:
        source = Notice.objects.create(locale=sections.tree.home.locale, title="Viktig", text="x")
        path, text = "title", "Viktig informasjon på nynorsk"
    with django_capture_on_commit_callbacks(execute=True):
        translation = submit_for_translation(client, sections, source, nn)
    target = type(source).objects.get(translation_key=source.translation_key, locale=nn)
    assert not target.live  # a new translation starts as a draft (settings)
    client.force_login(sections.users["translator"])
    translate(client, translation, path, text)
    edit = url(type(target), "edit", target.pk)
    editor = client.get(edit)
    assert editor.status_code == 200
    assert 'value="editorial-submit"' in editor.content.decode()

    # «Publish» is refused and saved as a draft; «Submit for approval» starts the workflow.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit, {"action": "publish"})
    assert response.status_code == 302 and error_messages(response)
    target.refresh_from_db()
    assert getattr(target, path) != text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit, {"action": "editorial-submit"})
    target.refresh_from_db()
    assert getattr(target, path) != text and target.workflow_in_progress
    assert target.get_latest_revision_as_object().__dict__[path] == text

    client.force_login(sections.users["approver"])
    assert approve(client, target).status_code == 302
    target.refresh_from_db()
    assert getattr(target, path) == text and target.live


@pytest.mark.parametrize("role", ["translator", "approver", "administrator"])
def test_sync_publishes_a_theme_translation_only_for_administrators(
    sections, client, nn, role, django_capture_on_commit_callbacks
):
    source = ThemeFactory(name="Boligkontor", slug="boligkontor")
    with django_capture_on_commit_callbacks(execute=True):
        translation = submit_for_translation(client, sections, source, nn)
    client.force_login(sections.users[role])
    translate(client, translation, "name", "Bustadkontor")
    sync = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    offered = 'name="publish_translations"' in client.get(sync).content.decode()
    assert offered is (role == "administrator")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sync, {"publish_translations": "on"})
    target = Theme.objects.get(translation_key=source.translation_key, locale=nn)
    assert target.live is (role == "administrator")
    if role != "administrator":
        assert target.name != "Bustadkontor"
        assert target.get_latest_revision_as_object().name == "Bustadkontor"


def test_snippet_migration_helpers_are_idempotent():
    roles.ensure_snippet_workflow(apps)
    roles.ensure_snippet_workflow(apps)
    assert WorkflowContentType.objects.count() == 2
