"""The README's walk (issue 15): a new page from draft to a published nynorsk translation,
through the admin's own views, by an editor, a translator and an approver of one section."""

from urllib.parse import urlencode

import pytest

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)
from wagtail_localize.models import StringSegment, Translation

from guidance.models import ArticlePage
from tests.editorial.test_permissions import build_sections

pytestmark = pytest.mark.django_db


def approve(client, page):
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code == 302


def test_new_page_from_draft_to_published_nynorsk(tree, nn, django_user_model, client):
    s = build_sections(tree, nn, django_user_model)
    parent = tree.article_index

    # 1. The editor writes a page and submits it.
    client.force_login(s.users["editor"])
    url = reverse("wagtailadmin_pages:add", args=("guidance", "articlepage", parent.pk))
    fields = {
        "title": "Bodø kommune om én dør inn",
        "slug": "bodo-kommune-om-en-dor-inn",
        "lead": "Kort innledning om samarbeid.",
        "body": streamfield([("paragraph", rich_text("<p>Kommunene samarbeider.</p>"))]),
        "comments": inline_formset([]),
        "glossary_exclusions": inline_formset([]),
    }
    # What the browser sends: the form as rendered (the directorate comes from the section)…
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    for key, value in nested_form_data(fields).items():  # …with what the editor wrote
        data[key] = value
    data["action-submit"] = "action-submit"
    response = client.post(url, data)
    assert response.status_code == 302
    page = ArticlePage.objects.get(locale=parent.locale, slug="bodo-kommune-om-en-dor-inn")
    assert page.directorate_id == s.husbanken.pk  # from its section
    assert not page.live and page.workflow_in_progress

    # 2. The approver approves: it is published.
    client.force_login(s.users["approver"])
    approve(client, page)
    page.refresh_from_db()
    assert page.live

    # 3. The translator starts the translation, translates the title, submits it.
    client.force_login(s.users["translator"])
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [nn.pk]}
    )
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=nn)
    for path, text in [
        ("title", "Bodø kommune om éi dør inn"),
        ("slug", "bodø-kommune-om-éi-dør-inn"),
    ]:
        segment = StringSegment.objects.get(source=translation.source, context__path=path)
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            data=urlencode({"value": text}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201)
    target = page.get_translation(nn)
    edit = reverse("wagtailadmin_pages:edit", args=[target.pk])
    assert "Send til godkjenning" in client.get(edit).content.decode()
    assert client.post(edit, {"action": "editorial-submit"}).status_code == 302

    # Still the bokmål text on the public nynorsk page, marked as such.
    client.logout()
    html = client.get(Page.objects.get(pk=target.pk).url).content.decode()
    assert '<div class="page-content" lang="nb">' in html

    # 4. The approver approves the translation: the nynorsk page is in nynorsk.
    client.force_login(s.users["approver"])
    approve(client, target)
    target = Page.objects.get(pk=target.pk).specific
    assert target.title == "Bodø kommune om éi dør inn"
    assert target.slug == "bodo-kommune-om-ei-dor-inn"
    client.logout()
    html = client.get(target.url).content.decode()
    assert "Bodø kommune om éi dør inn" in html
    assert '<div class="page-content">' in html
