"""The admin in Norwegian (issue 15): the main views rendered as a bokmål user show none of the
English that Wagtail and wagtail-localize leave untranslated (the project's catalogues cover it:
website/admin_strings/, locale/*/LC_MESSAGES/djangojs.po)."""

import html
import json
import re
from pathlib import Path

import polib
import pytest

from django.urls import reverse

import wagtail.admin
from wagtail.models import Page

from tests.editorial.test_permissions import (
    build_sections,
    build_translation,
    edit_url,
    submit_for_approval,
)

pytestmark = pytest.mark.django_db

ENGLISH = [
    "Translate this page",
    "Convert to alias page",
    "Publish in ",
    "In Moderation",
    "in moderation",
    "Request changes",
    "Approve with comment",
    "Sync translated pages",
    "Awaiting my review",
    "Editor Guide",
    "Site history",
    "Aging pages",
    "Locked pages",
    "Workflow tasks",
    "Waiting for translations",
    "View history",
    "Keyboard shortcuts",
    "Search all pages",
    "Not visible to the public",
    "Visible to all",
    "Reading time",
    "Translation of ",
    "None",
    "Pages",  # the dashboard's site summary: «70 Pages», «0 Images», «0 Documents»
    "Images",
    "Documents",
    "created in",
    "Exploring",  # the page listing's title
    "Privacy and access",  # a column of the dashboard's approval queue
    "Tiittel",  # not English: a typo in Wagtail's bokmål catalogue (the title's help text)
]


def visible_text(response):
    """Text and labels a user sees or hears, and the strings handed to the admin's scripts."""
    body = response.content.decode()
    scripts = " ".join(re.findall(r"<script[^>]*>(.*?)</script>", body, flags=re.S))
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", body, flags=re.S)
    # Text of hidden elements is not shown (Wagtail's empty side-panel counter says «None»).
    body = re.sub(r"<(\w+)[^>]*\shidden>[^<]*</\1>", " ", body)
    texts = re.findall(r">([^<>]+)<", body)
    texts += re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', body)
    return " ".join(html.unescape(t) for t in texts) + " " + scripts


def english_in(response):
    assert response.status_code == 200, response.status_code
    text = visible_text(response)
    return [phrase for phrase in ENGLISH if re.search(rf"(?<![\w-]){re.escape(phrase)}", text)]


@pytest.fixture
def admin_world(tree, nn, django_user_model, client):
    sections = build_translation(build_sections(tree, nn, django_user_model), nn, client)
    # A change of the quote waits for approval by Husbanken's approver's colleague (NAV).
    submit_for_approval(sections.pages["own"], sections.authors["own"])
    return sections


def views(world):
    article = Page.objects.get(pk=world.pages["own"].pk)
    state = article.current_workflow_state
    task_state = state.current_task_state
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "page edit": edit_url(article),
        "page listing": reverse("wagtailadmin_explore", args=[article.get_parent().pk]),
        "history": reverse("wagtailadmin_pages:history", args=[article.pk]),
        "translation editor": edit_url(world.target),
        "approve": reverse(
            "wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]
        ),
        "request changes": reverse(
            "wagtailadmin_pages:workflow_action", args=[article.pk, "reject", task_state.pk]
        ),
        "workflow report": reverse("wagtailadmin_reports:workflow"),
        "workflow tasks report": reverse("wagtailadmin_reports:workflow_tasks"),
        "site history": reverse("wagtailadmin_reports:site_history"),
        "aging pages": reverse("wagtailadmin_reports:aging_pages"),
        "locked pages": reverse("wagtailadmin_reports:locked_pages"),
        "translations report": reverse("wagtail_localize:translations_report"),
        "review report": reverse("editorial_admin:review_report"),
        "submit translation": reverse(
            "wagtail_localize:submit_page_translation", args=[world.pages["other"].pk]
        ),
    }


@pytest.mark.parametrize("role", ["approver", "translator", "administrator"])
def test_main_admin_views_have_no_english(admin_world, role, client):
    client.force_login(admin_world.users[role])
    found = {}
    for name, url in views(admin_world).items():
        response = client.get(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        if response.status_code in (302, 403, 404):
            continue  # not this role's view
        if english := english_in(response):
            found[name] = english
    assert found == {}


@pytest.mark.parametrize(
    ("language", "many"),
    [("nb", "nye elementer i denne menyen"), ("nn", "nye element i denne menyen")],
)
def test_admin_scripts_speak_the_users_language(client, admin_world, language, many):
    """The sidebar's «(2 new items in this menu)» for screen readers (Wagtail's djangojs)."""
    from wagtail.users.models import UserProfile

    user = admin_world.users["approver"]
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    client.force_login(user)
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    assert "(1 nytt element i denne menyen)" in catalogue and many in catalogue
    # Every string of Wagtail's admin scripts: «Collapse all», «Write something or type ‘/’ to
    # insert a block», … (Wagtail's bokmål catalogue has fewer than half of them).
    english = Path(wagtail.admin.__file__).parent / "locale/en/LC_MESSAGES/djangojs.po"
    missing = [e.msgid for e in polib.pofile(str(english)) if json.dumps(e.msgid) not in catalogue]
    assert missing == []


def test_translation_editor_scripts_speak_norwegian(client, admin_world):
    client.force_login(admin_world.users["translator"])
    catalogue = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    assert "Publiser p\\u00e5 " in catalogue or "Publiser på " in catalogue
    assert "Stopp synkronisert oversettelse" in catalogue
