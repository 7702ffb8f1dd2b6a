"""Approval through the admin, as editors and approvers meet it: four eyes on every change."""

import pytest

from django.urls import reverse

from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from tests.editorial.test_permissions import (
    TRANSLATED_TITLE,
    build_sections,
    build_translation,
    edit_url,
    error_messages,
    translate_title,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(tree, nn, django_user_model):
    return build_sections(tree, nn, django_user_model)


def edit_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # The body is drawn by JavaScript in the browser; give it as the browser would send it.
    body = streamfield([("paragraph", rich_text("<p>Tekst om samarbeid.</p>"))])
    data.update(nested_form_data({"body": body}))
    return data


def post_edit(client, page, title, action):
    data = edit_form(client, page)
    data["title"] = title
    data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def approve(client, page):
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_state.current_task_state
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )


def refused(response):
    """Wagtail's admin answers a refused action with 403, or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def test_editor_change_waits_for_approval_then_goes_live(sections, client):
    article = sections.pages["own"]
    client.force_login(sections.users["editor"])
    response = post_edit(client, article, "Ny tittel fra redaktøren", "action-submit")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Artikkel"  # the public still sees the old version
    assert article.workflow_in_progress
    assert client.get(article.url).status_code == 200
    assert "Ny tittel" not in client.get(article.url).content.decode()

    client.force_login(sections.users["approver"])
    response = approve(client, article)
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.title == "Ny tittel fra redaktøren"
    assert article.live
    assert WorkflowState.objects.get(object_id=str(article.pk)).status == "approved"


def test_approver_cannot_approve_own_change(sections, client):
    article = sections.pages["own"]
    approver = sections.users["approver"]
    client.force_login(approver)
    post_edit(client, article, "Approverens egen endring", "action-submit")
    article.refresh_from_db()
    assert article.workflow_in_progress
    assert refused(approve(client, article))
    article.refresh_from_db()
    assert article.title == "Artikkel"
    assert article.workflow_in_progress
    # Another approver of the same section may.
    other_approver = type(approver).objects.create_user("godkjenner-2", password="x")
    other_approver.groups.add(sections.groups["own"]["approver"])
    client.force_login(other_approver)
    approve(client, article)
    article.refresh_from_db()
    assert article.title == "Approverens egen endring"


def test_approver_of_another_section_cannot_approve(sections, client, django_user_model):
    article = sections.pages["own"]
    client.force_login(sections.users["editor"])
    post_edit(client, article, "Endret", "action-submit")
    nav_approver = django_user_model.objects.create_user("nav-godkjenner", password="x")
    nav_approver.groups.add(sections.groups["other"]["approver"])
    client.force_login(nav_approver)
    assert refused(approve(client, article))
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])))
    article.refresh_from_db()
    assert article.title == "Artikkel"


def test_approver_cannot_publish_directly(sections, client):
    article = sections.pages["own"]
    client.force_login(sections.users["approver"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert 'name="action-publish"' not in response.content.decode()
    response = post_edit(client, article, "Snarvei", "action-publish")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Artikkel"
    assert article.live_revision.content["title"] == "Artikkel"
    assert article.get_latest_revision().content["title"] == "Snarvei"  # kept as a draft


def test_administrator_publishes_directly(sections, client):
    article = sections.pages["own"]
    client.force_login(sections.users["administrator"])
    post_edit(client, article, "Rettet av administrator", "action-publish")
    article.refresh_from_db()
    assert article.title == "Rettet av administrator"


def test_editor_cannot_publish_even_by_forging_the_button(sections, client):
    article = sections.pages["own"]
    client.force_login(sections.users["editor"])
    post_edit(client, article, "Forfalsket", "action-publish")
    article.refresh_from_db()
    assert article.title == "Artikkel"


def test_grant_section_command(tree, nn, capsys):
    from django.core.management import call_command

    from tests.factories.editorial import DirectorateFactory
    from tests.helpers import nynorsk_alias

    DirectorateFactory(name="Bufdir", abbreviation="Bufdir")
    nynorsk_alias(tree.case_index, nn)
    call_command("grant_section", "bufdir", str(tree.case_index.pk))
    output = capsys.readouterr().out
    assert "Bufdir – redaktører" in output
    assert "Bufdir – godkjennere" in output
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No single directorate"):
        call_command("grant_section", "Ukjent", str(tree.case_index.pk))
    with pytest.raises(CommandError, match="No page"):
        call_command("grant_section", "Bufdir", "/finnes-ikke/")


def test_approvers_see_only_others_changes_in_their_section(sections, django_user_model):
    from wagtail.models import TaskState

    article = sections.pages["own"].specific
    article.save_revision(user=sections.authors["own"])
    article.get_workflow().start(article, sections.authors["own"])
    mine = Page.objects.get(pk=sections.pages["other"].pk).specific
    mine.save_revision(user=sections.users["approver"])
    mine.get_workflow().start(mine, sections.users["approver"])

    reviewable = TaskState.objects.reviewable_by(sections.users["approver"])
    assert [state.workflow_state.object_id for state in reviewable] == [str(article.pk)]
    nav_approver = django_user_model.objects.create_user("nav-godkjenner", password="x")
    nav_approver.groups.add(sections.groups["other"]["approver"])
    reviewable = TaskState.objects.reviewable_by(nav_approver)
    assert [state.workflow_state.object_id for state in reviewable] == [str(mine.pk)]


def test_approver_cannot_publish_by_copying(sections, client):
    article = sections.pages["own"]
    client.force_login(sections.users["approver"])
    client.post(
        reverse("wagtailadmin_pages:copy", args=[article.pk]),
        {
            "new_title": "Kopi",
            "new_slug": "kopi",
            "new_parent_page": str(sections.parents["own"].pk),
            "publish_copies": "on",
        },
    )
    assert not Page.objects.filter(slug="kopi", live=True).exists()


def test_approver_cannot_publish_in_bulk(sections, client):
    article = sections.pages["own"].specific
    article.title = "Masseendring"
    article.save_revision(user=sections.users["approver"])
    client.force_login(sections.users["approver"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.post(f"{url}?id={article.pk}", {"include_descendants": ""})
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.title == "Artikkel"
    assert article.get_latest_revision().content["title"] == "Masseendring"


# Translations ------------------------------------------------------------------------------


@pytest.fixture
def translated(sections, nn, client):
    return build_translation(sections, nn, client)


def submit_translation(client, sections):
    return client.post(edit_url(sections.target), {"action": "editorial-submit"})


def test_translation_goes_live_when_an_approver_approves_it(
    translated, client, django_capture_on_commit_callbacks
):
    client.force_login(translated.users["translator"])
    translate_title(client, translated)
    assert submit_translation(client, translated).status_code == 302
    target = Page.objects.get(pk=translated.target.pk)
    assert target.workflow_in_progress
    assert target.title == "Artikkel"  # the public still sees the approved text

    client.force_login(translated.users["approver"])
    with django_capture_on_commit_callbacks(execute=True):
        assert approve(client, target).status_code in (200, 302)
    target.refresh_from_db()
    assert target.title == TRANSLATED_TITLE
    assert target.live
    assert target.live_revision.user == translated.users["translator"]
    assert TRANSLATED_TITLE in client.get(target.url).content.decode()


def test_approver_cannot_approve_own_translation(translated, client, django_user_model):
    approver = translated.users["approver"]
    client.force_login(approver)
    translate_title(client, translated)
    submit_translation(client, translated)
    target = Page.objects.get(pk=translated.target.pk)
    assert target.workflow_in_progress
    assert refused(approve(client, target))
    target.refresh_from_db()
    assert target.title == "Artikkel"

    other_approver = django_user_model.objects.create_user("godkjenner-2", password="x")
    other_approver.groups.add(translated.groups["own"]["approver"])
    client.force_login(other_approver)
    approve(client, target)
    target.refresh_from_db()
    assert target.title == TRANSLATED_TITLE


def test_rejected_translation_is_corrected_and_submitted_again(translated, client):
    translator = translated.users["translator"]
    client.force_login(translator)
    translate_title(client, translated, "Artikel på nynorsk")
    submit_translation(client, translated)
    target = Page.objects.get(pk=translated.target.pk)

    client.force_login(translated.users["approver"])
    task_state = target.current_workflow_state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[target.pk, "reject", task_state.pk]),
        {"comment": "Skrivefeil i tittelen."},
    )
    assert WorkflowState.objects.get(object_id=str(target.pk)).status == "needs_changes"

    client.force_login(translator)
    translate_title(client, translated)
    assert submit_translation(client, translated).status_code == 302
    state = WorkflowState.objects.get(object_id=str(target.pk))
    assert state.status == "in_progress"
    assert state.current_task_state.revision.content["title"] == TRANSLATED_TITLE


def test_translation_waiting_for_approval_is_locked_for_the_translator(translated, client):
    client.force_login(translated.users["translator"])
    translate_title(client, translated)
    submit_translation(client, translated)
    target = Page.objects.get(pk=translated.target.pk)
    revisions = target.revisions.count()
    html = client.get(edit_url(target)).content.decode()
    assert 'value="editorial-save-draft"' not in html
    response = client.post(edit_url(target), {"action": "editorial-save-draft"})
    assert response.status_code == 302
    assert error_messages(response)
    assert target.revisions.count() == revisions
