"""The permission matrix: every role × action, in its own section and in another directorate's.

Two directorates get their own sections with ``grant_section``: Husbanken the articles, NAV
the quotes. Each role is one user in Husbanken's groups (the Administrator is site-wide). The
pages are a published article (Husbanken's) and a published quote (NAV's), each with its
nynorsk alias, as the site has them.

The translation matrix drives the admin (wagtail-localize's views included) with the test
client: Husbanken's article translated into nynorsk, and an article written in nynorsk.
"""

import importlib
import inspect
from urllib.parse import urlencode

import pytest

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import ERROR, get_messages
from django.urls import resolve, reverse

from wagtail.models import Page, Workflow
from wagtail_localize.models import StringSegment, Translation

from editorial import roles, translations
from tests.factories.editorial import DirectorateFactory
from tests.factories.guidance import ArticlePageFactory, QuotePageFactory
from tests.helpers import nynorsk_alias

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
    # The site-wide groups and workflow come from a migration; made again (idempotent) in case
    # an earlier test on this worker flushed them away.
    roles.ensure_roles(apps)
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
        return perms.can_publish()
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


# Translations -------------------------------------------------------------------------------

TRANSLATION_ACTIONS = [
    "edit_nb_source",  # change Husbanken's bokmål article
    "edit_nn_source",  # change an article written in nynorsk (it lives in the nynorsk tree)
    "edit_nn_translation",  # open the nynorsk translation of the bokmål article
    "submit_translation",  # «Submit for approval» in the translation editor
    "publish_in_editor",  # «Publish» in the translation editor, for a translation of one's own
    "publish_on_sync",  # «Sync translated pages» with «Publish immediately»
]

# (role, action) -> allowed. Publishing a translation is approval's work: only Administrators
# publish one themselves; for anyone else it is refused, and their translation kept as a draft.
TRANSLATION_MATRIX = {
    ("editor", "edit_nb_source"): True,
    ("editor", "edit_nn_source"): True,
    ("editor", "edit_nn_translation"): True,
    ("editor", "submit_translation"): True,
    ("editor", "publish_in_editor"): False,
    ("editor", "publish_on_sync"): False,  # no submit_translation
    ("translator", "edit_nb_source"): False,
    ("translator", "edit_nn_source"): False,  # a source page, though in the nynorsk tree
    ("translator", "edit_nn_translation"): True,
    ("translator", "submit_translation"): True,
    ("translator", "publish_in_editor"): False,
    ("translator", "publish_on_sync"): False,
    ("approver", "edit_nb_source"): True,
    ("approver", "edit_nn_source"): True,
    ("approver", "edit_nn_translation"): True,
    ("approver", "submit_translation"): True,
    ("approver", "publish_in_editor"): False,  # their own translation: four eyes
    ("approver", "publish_on_sync"): False,
    ("administrator", "edit_nb_source"): True,
    ("administrator", "edit_nn_source"): True,
    ("administrator", "edit_nn_translation"): True,
    ("administrator", "submit_translation"): True,
    ("administrator", "publish_in_editor"): True,
    ("administrator", "publish_on_sync"): True,
}

TRANSLATED_TITLE = "Artikkel på nynorsk"


def build_translation(sections, nn, client):
    """Husbanken's article submitted for translation into nynorsk, and an nynorsk original."""
    article = sections.pages["own"]
    client.force_login(sections.users["administrator"])
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[article.pk]),
        {"locales": [nn.pk]},
    )
    assert response.status_code == 302
    client.logout()
    sections.target = Page.objects.get(pk=sections.nn_pages["own"].pk).specific
    assert sections.target.alias_of_id is None and sections.target.live
    sections.translation = Translation.objects.get(
        source__object_id=article.translation_key, target_locale=nn
    )
    sections.nn_original = ArticlePageFactory(
        parent=sections.target.get_parent(),
        locale=nn,
        original_language="nn",
        title="Artikkel skriven på nynorsk",
        directorate=sections.husbanken,
    )
    sections.nn_original.save_revision().publish()
    return sections


@pytest.fixture
def translated(sections, nn, client):
    return build_translation(sections, nn, client)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def translate_title(client, sections, text=TRANSLATED_TITLE):
    segment = StringSegment.objects.get(source=sections.translation.source, context__path="title")
    return client.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            args=[sections.translation.pk, segment.pk],
        ),
        data=urlencode({"value": text}),
        content_type="application/x-www-form-urlencoded",
    )


def error_messages(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level == ERROR]


def translation_allowed(sections, role, action, client, capture):
    user = sections.users[role]
    client.force_login(user)
    if action.startswith("edit_"):
        page = {
            "edit_nb_source": sections.pages["own"],
            "edit_nn_source": sections.nn_original,
            "edit_nn_translation": sections.target,
        }[action]
        response = client.get(edit_url(page))
        assert response.status_code in (200, 302, 403)
        return response.status_code == 200
    if action == "submit_translation":
        response = client.post(edit_url(sections.target), {"action": "editorial-submit"})
        assert response.status_code == 302
        return Page.objects.get(pk=sections.target.pk).workflow_in_progress

    # Publishing: the user translates the title, then tries to publish.
    assert translate_title(client, sections).status_code in (200, 201)
    with capture(execute=True):  # wagtail-localize publishes when the transaction commits
        if action == "publish_in_editor":
            response = client.post(edit_url(sections.target), {"action": "publish"})
        else:
            response = client.post(
                reverse(
                    "wagtail_localize:update_translations", args=[sections.translation.source_id]
                ),
                {"publish_translations": "on"},
            )
    page = Page.objects.get(pk=sections.target.pk)
    if page.title == TRANSLATED_TITLE:
        return True
    # Refused: never a server error; the public still sees the approved text.
    assert response.status_code in (302, 403)
    assert page.title == "Artikkel"
    if user.has_perm("wagtail_localize.submit_translation") or action == "publish_in_editor":
        # Refused with a clear message, and the translation kept as a draft.
        assert response.status_code == 302
        assert error_messages(response)
        assert page.get_latest_revision().content["title"] == TRANSLATED_TITLE
        assert page.get_latest_revision().user == user
    return False


@pytest.mark.parametrize("action", TRANSLATION_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_translation_matrix(translated, role, action, client, django_capture_on_commit_callbacks):
    expected = TRANSLATION_MATRIX[role, action]
    allowed = translation_allowed(
        translated, role, action, client, django_capture_on_commit_callbacks
    )
    assert allowed is expected


def test_translation_matrix_is_complete():
    assert set(TRANSLATION_MATRIX) == {
        (role, action) for role in ROLES for action in TRANSLATION_ACTIONS
    }


def test_translators_change_translations_only(translated, django_user_model):
    translator = translated.users["translator"]
    assert translated.target.permissions_for_user(translator).can_edit()
    for source in (translated.pages["own"], translated.nn_original):
        perms = Page.objects.get(pk=source.pk).permissions_for_user(translator)
        assert not perms.can_edit()
        assert not perms.can_delete()
        assert not perms.can_copy()
    # Not even a draft nynorsk original, which their change permission would let them delete.
    draft = ArticlePageFactory(
        parent=translated.target.get_parent(),
        locale=translated.target.locale,
        title="Utkast",
        live=False,
    )
    assert draft.original_language == "nn"
    assert not draft.permissions_for_user(translator).can_delete()
    assert draft.permissions_for_user(translated.users["editor"]).can_delete()


@pytest.mark.parametrize("role", ["translator", "approver", "administrator"])
def test_translation_editor_offers_approval_in_place_of_publish(translated, role, client):
    client.force_login(translated.users[role])
    html = client.get(edit_url(translated.target)).content.decode()
    may_publish = role == "administrator"
    assert ("&quot;canPublish&quot;: true" in html) is may_publish
    # Everyone submits for approval, Administrators too (issue 15), and it comes first.
    assert 'value="editorial-submit"' in html
    assert 'value="editorial-save-draft"' in html
    assert html.index('value="editorial-submit"') < html.index("js-translation-editor")
    # «Convert to alias page» is offered only to those who may do it.
    assert ("&quot;convertToAliasUrl&quot;: null" in html) is not may_publish


@pytest.mark.parametrize("role", ["translator", "approver", "administrator"])
def test_sync_offers_publish_immediately_to_administrators_only(translated, role, client):
    client.force_login(translated.users[role])
    url = reverse("wagtail_localize:update_translations", args=[translated.translation.source_id])
    response = client.get(url)
    assert response.status_code == 200
    assert ('name="publish_translations"' in response.content.decode()) is (role == "administrator")


def test_wagtail_localize_views_are_replaced():
    url = reverse("wagtail_localize:update_translations", args=[1])
    assert resolve(url).func.view_class is translations.UpdateTranslationsView
    url = reverse("wagtail_localize:convert_to_alias", args=[1])
    assert inspect.unwrap(resolve(url).func) is translations.convert_to_alias


def test_only_administrators_convert_a_translation_back_to_an_alias(translated, client):
    url = reverse("wagtail_localize:convert_to_alias", args=[translated.target.pk])
    for role in ("translator", "approver"):
        client.force_login(translated.users[role])
        response = client.post(url)
        assert response.status_code == 302
        assert Page.objects.get(pk=translated.target.pk).alias_of_id is None
        assert error_messages(response)
    client.force_login(translated.users["administrator"])
    client.post(url)
    assert Page.objects.get(pk=translated.target.pk).alias_of_id == translated.pages["own"].pk


def test_groups_that_create_pages_may_change_source_pages(sections):
    """Migration 0004: the groups that existed before may still change what they wrote."""
    migration = importlib.import_module("editorial.migrations.0004_change_source_pages")
    permission = Permission.objects.get(codename="change_source_pages")
    permission.group_set.clear()
    migration.give_to_writers(apps, None)
    given = set(permission.group_set.values_list("name", flat=True))
    assert given == {
        "Redaktører",
        "Godkjennere",
        "Administratorer",
        "Husbanken – redaktører",
        "Husbanken – godkjennere",
        "Arbeids- og velferdsdirektoratet – redaktører",
        "Arbeids- og velferdsdirektoratet – godkjennere",
    }
