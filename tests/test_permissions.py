"""The permission matrix: every role × action, in its own section and in another directorate's.

Two directorates get their own sections with ``grant_section``: Husbanken the articles, NAV
the quotes. Each role is one user in Husbanken's groups (the Administrator is site-wide). The
pages are a published article (Husbanken's) and a published quote (NAV's), each with its
nynorsk alias, as the site has them.
"""

import pytest

from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page, Workflow

from editorial import roles
from editorial.wagtail_hooks import _must_be_approved
from guidance.factories import ArticlePageFactory, DirectorateFactory, QuotePageFactory
from tests.conftest import nynorsk_alias

ROLES = ["editor", "translator", "approver", "administrator"]
ACTIONS = ["create", "edit", "submit", "approve", "publish", "translate", "delete", "view_draft"]

# (role, action) -> (allowed in own section, allowed in another directorate's section)
MATRIX = {
    ("editor", "create"): (True, False),
    ("editor", "edit"): (True, False),
    ("editor", "submit"): (True, False),
    ("editor", "approve"): (False, False),
    ("editor", "publish"): (False, False),
    ("editor", "translate"): (False, False),
    ("editor", "delete"): (False, False),  # only pages that are not live
    ("editor", "view_draft"): (True, False),
    ("translator", "create"): (False, False),
    ("translator", "edit"): (False, False),  # the source page: translators cannot change it
    ("translator", "submit"): (False, False),
    ("translator", "approve"): (False, False),
    ("translator", "publish"): (False, False),
    ("translator", "translate"): (True, False),
    ("translator", "delete"): (False, False),
    ("translator", "view_draft"): (False, False),
    ("approver", "create"): (True, False),
    ("approver", "edit"): (True, False),
    ("approver", "submit"): (True, False),
    ("approver", "approve"): (True, False),
    ("approver", "publish"): (False, False),  # publishes by approving someone else's change
    ("approver", "translate"): (True, False),
    ("approver", "delete"): (True, False),
    ("approver", "view_draft"): (True, False),
    ("administrator", "create"): (True, True),
    ("administrator", "edit"): (True, True),
    ("administrator", "submit"): (True, True),
    ("administrator", "approve"): (True, True),
    ("administrator", "publish"): (True, True),
    ("administrator", "translate"): (True, True),
    ("administrator", "delete"): (True, True),
    ("administrator", "view_draft"): (True, True),
}


def make_user(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username=username, password="x")
    user.groups.add(*groups)
    return user


@pytest.fixture
def sections(tree, nn, django_user_model):
    return build_sections(tree, nn, django_user_model)


def build_sections(tree, nn, django_user_model):
    husbanken = DirectorateFactory(name="Husbanken")
    nav = DirectorateFactory(name="Arbeids- og velferdsdirektoratet", abbreviation="NAV")
    article = ArticlePageFactory(parent=tree.article_index, title="Artikkel", directorate=husbanken)
    article.save_revision().publish()
    quote = QuotePageFactory(parent=tree.quote_index, title="Sitat", directorate=nav)
    quote.save_revision().publish()
    article_nn = nynorsk_alias(article, nn)
    quote_nn = nynorsk_alias(quote, nn)
    own = roles.grant_section(apps, husbanken, tree.article_index)
    other = roles.grant_section(apps, nav, tree.quote_index)

    class Sections:
        pass

    s = Sections()
    s.tree, s.husbanken, s.nav = tree, husbanken, nav
    s.pages = {"own": article, "other": quote}
    s.nn_pages = {"own": article_nn, "other": quote_nn}
    s.parents = {"own": tree.article_index, "other": tree.quote_index}
    s.groups = {"own": own, "other": other}
    s.users = {role: make_user(django_user_model, role, own[role]) for role in roles.SECTION_ROLES}
    s.users["administrator"] = make_user(
        django_user_model, "administrator", Group.objects.get(name="Administratorer")
    )
    # Authors of changes waiting for approval: an editor in each section.
    s.authors = {
        "own": make_user(django_user_model, "forfatter", own["editor"]),
        "other": make_user(django_user_model, "nav-forfatter", other["editor"]),
    }
    return s


def submit_for_approval(page, user):
    page = page.specific
    page.title = f"{page.title} (endret)"
    revision = page.save_revision(user=user)
    page.get_workflow().start(page, user)
    page.refresh_from_db()
    return revision


def allowed(sections, role, action, where, client):
    user = sections.users[role]
    page = Page.objects.get(pk=sections.pages[where].pk).specific
    perms = page.permissions_for_user(user)
    if action == "create":
        return sections.parents[where].permissions_for_user(user).can_add_subpage()
    if action == "edit":
        return perms.can_edit()
    if action == "submit":
        return perms.can_edit() and perms.can_submit_for_moderation()
    if action == "approve":
        submit_for_approval(page, sections.authors[where])
        page = Page.objects.get(pk=page.pk).specific
        task = page.current_workflow_task
        return any(name == "approve" for name, *_ in task.get_actions(page, user))
    if action == "publish":
        request = type("Request", (), {"user": user})()
        return perms.can_publish() and not _must_be_approved(request, page)
    if action == "translate":
        target = sections.nn_pages[where]
        return user.has_perm("wagtail_localize.submit_translation") and (
            target.permissions_for_user(user).can_edit()
        )
    if action == "delete":
        return perms.can_delete()
    if action == "view_draft":
        client.force_login(user)
        response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
        assert response.status_code in (200, 302, 403)
        return response.status_code == 200
    raise AssertionError(action)


@pytest.mark.parametrize("where", ["own", "other"])
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(sections, role, action, where, client):
    expected = MATRIX[role, action][0 if where == "own" else 1]
    assert allowed(sections, role, action, where, client) is expected


def test_matrix_is_complete():
    assert set(MATRIX) == {(role, action) for role in ROLES for action in ACTIONS}


def test_groups_are_named_after_the_directorate(sections):
    names = {group.name for group in sections.groups["own"].values()}
    assert names == {"Husbanken – redaktører", "Husbanken – oversettere", "Husbanken – godkjennere"}


def test_translator_edits_the_nynorsk_version_only(sections):
    translator = sections.users["translator"]
    assert sections.nn_pages["own"].permissions_for_user(translator).can_edit()
    assert not sections.pages["own"].permissions_for_user(translator).can_edit()
    assert not sections.nn_pages["other"].permissions_for_user(translator).can_edit()


def test_approval_workflow_covers_both_languages(sections):
    workflow = Workflow.objects.get(name=roles.WORKFLOW_NAME)
    for page in (*sections.pages.values(), *sections.nn_pages.values()):
        assert page.get_workflow() == workflow


def test_section_approvers_join_the_approval_task(sections):
    task = roles.approval_tasks(apps).get()
    assert sections.groups["own"]["approver"] in task.groups.all()
    assert sections.groups["other"]["approver"] in task.groups.all()


def test_grant_section_is_idempotent(sections):
    before = Group.objects.count()
    roles.grant_section(apps, sections.husbanken, sections.tree.article_index)
    assert Group.objects.count() == before
