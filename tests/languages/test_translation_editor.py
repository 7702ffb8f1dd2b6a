"""Translation with wagtail-localize's editor, for every page type and the translatable snippets."""

import json

import pytest

from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cases.models import CaseStudyIndexPage, CaseStudyPage
from guidance.models import (
    ActivityPage,
    ArticleIndexPage,
    ArticlePage,
    FactorIndexPage,
    FactorPage,
    QuoteIndexPage,
    QuotePage,
    Theme,
)
from languages.sync import synchronise_trees
from tests.factories.cases import CaseStudyPageFactory
from tests.factories.guidance import (
    ActivityPageFactory,
    ArticlePageFactory,
    MunicipalityFactory,
    QuotePageFactory,
    ThemeFactory,
)
from tests.helpers import require_binary
from website.models import HomePage, Notice

PAGE_MODELS = [
    HomePage,
    FactorIndexPage,
    FactorPage,
    ActivityPage,
    QuoteIndexPage,
    QuotePage,
    ArticleIndexPage,
    ArticlePage,
    CaseStudyIndexPage,
    CaseStudyPage,
]


@pytest.fixture
def pages(tree):
    """One page of every type in bokmål, with nynorsk aliases."""
    factor = tree.factors[0]
    quote = QuotePageFactory(
        parent=tree.quote_index,
        title="Hamar om samarbeid",
        quote="Kommunene lykkes når de samarbeider.",
        municipality=MunicipalityFactory(number="3403", name="Hamar kommune"),
    )
    quote.factors.set([factor])
    quote.save()
    by_model = {
        HomePage: tree.home,
        FactorIndexPage: tree.factor_index,
        FactorPage: factor,
        ActivityPage: ActivityPageFactory(parent=factor, title="Involvere ledelsen"),
        QuoteIndexPage: tree.quote_index,
        QuotePage: quote,
        ArticleIndexPage: tree.article_index,
        ArticlePage: ArticlePageFactory(parent=tree.article_index, title="Erfaringer"),
        CaseStudyIndexPage: tree.case_index,
        CaseStudyPage: CaseStudyPageFactory(parent=tree.case_index, title="Fire casestudier"),
    }
    synchronise_trees()
    return by_model


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda m: m.__name__)
def test_translatable_fields(model):
    fields = {field.field_name: field for field in get_translatable_fields(model)}
    # Text is translated, slugs too (nynorsk addresses for nynorsk pages).
    assert isinstance(fields["title"], TranslatableField)
    assert isinstance(fields["slug"], TranslatableField)
    for name in ("body", "intro", "lead", "quote", "summary", "desired_state", "main_findings"):
        if name in fields:
            assert isinstance(fields[name], TranslatableField), name
    # Relations and the page's ownership are the same in both languages.
    for name in ("factors", "themes", "original_language", "directorate", "number", "year"):
        if name in fields:
            assert isinstance(fields[name], SynchronizedField), name
    if hasattr(model, "factors"):
        assert isinstance(fields["factors"], SynchronizedField)
        assert isinstance(fields["themes"], SynchronizedField)


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda m: m.__name__)
def test_every_page_type_can_be_submitted_and_edited_in_the_translation_editor(
    editor, pages, nn, model
):
    page = pages[model]
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert editor.get(submit_url).status_code == 200
    response = editor.post(submit_url, {"locales": [nn.pk]})
    assert response.status_code == 302

    target = page.get_translation(nn)
    assert target.alias_of_id is None  # the alias became a real translation
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=nn)
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert response.status_code == 200
    assert b"Apertium" in response.content  # the machine translation button
    assert translation.source.stringsegment_set.exists()
    # The page's header and side panels render (a template tag is never shown as text).
    assert b"{%" not in response.content
    assert b'data-side-panel="status"' in response.content


@pytest.mark.parametrize("model", [Theme, Notice], ids=lambda m: m.__name__)
def test_snippets_are_translated_with_the_editor(editor, nb, nn, model):
    require_binary("apertium", "apertium apertium-nno-nob")
    if model is Theme:
        snippet = ThemeFactory(locale=nb, name="Boligkontor", slug="boligkontor")
    else:
        snippet = Notice.objects.create(
            locale=nb, title="Viktig informasjon", text="<p>Kommunene får ny veiledning.</p>"
        )
    app, name = model._meta.app_label, model._meta.model_name
    response = editor.post(
        reverse("wagtail_localize:submit_snippet_translation", args=[app, name, snippet.pk]),
        {"locales": [nn.pk]},
    )
    assert response.status_code == 302
    target = snippet.get_translation(nn)
    edit_url = reverse(f"wagtailsnippets_{app}_{name}:edit", args=[target.pk])
    assert editor.get(edit_url).status_code == 200

    translation = Translation.objects.get(
        source__object_id=snippet.translation_key, target_locale=nn
    )
    response = editor.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": edit_url}
    )
    assert response.status_code == 302
    assert editor.post(edit_url, {"action": "publish"}).status_code in (200, 302)
    target.refresh_from_db()
    if model is Theme:
        assert target.name == "Bustadkontor"
    else:
        assert "Kommunane" in target.text


def test_editor_path_machine_translate_correct_publish(
    editor, tree, nn, django_capture_on_commit_callbacks
):
    require_binary("apertium", "apertium apertium-nno-nob")
    article = ArticlePageFactory(
        parent=tree.article_index,
        title="Kommunene samarbeider",
        slug="kommunene-samarbeider",
        lead="Kommunene har lært mye om samarbeid.",
        body=json.dumps(
            [{"type": "paragraph", "value": "<p>Kommunene har lært mye av <b>hverandre</b>.</p>"}]
        ),
    )
    article.factors.set([tree.factors[2]])
    article.save_revision().publish()
    synchronise_trees()
    alias = article.get_translation(nn)

    # 1. Submit for translation into nynorsk.
    response = editor.post(
        reverse("wagtail_localize:submit_page_translation", args=[article.pk]),
        {"locales": [nn.pk]},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=article.translation_key, target_locale=nn
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[alias.pk])

    # 2. One click of machine translation.
    response = editor.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": edit_url}
    )
    assert response.status_code == 302
    machine = StringTranslation.objects.filter(
        locale=nn, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    assert machine.filter(data__contains="Kommunane").exists()

    # 3. The editor corrects one string.
    lead = StringSegment.objects.get(source=translation.source, context__path="lead")
    response = editor.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, lead.pk]),
        data="value=Kommunane har l%C3%A6rt mykje om samarbeid p%C3%A5 tvers.",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)

    # 4. Publish (wagtail-localize publishes when the transaction commits).
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(edit_url, {"action": "publish"})
    assert response.status_code == 302

    page = Page.objects.get(pk=alias.pk).specific
    assert page.alias_of_id is None
    assert page.live
    assert page.title.startswith("Kommunane")
    assert page.factors.get() == tree.factors[2]  # synchronised, resolved per language

    response = editor.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert page.url.startswith("/nn/")
    assert '<html lang="nn">' in html
    assert "Kommunane har lært mykje om samarbeid på tvers." in html
    assert "<b>kvarandre</b>" in html
    assert "Kommunene har lært mye" not in html
    # The bokmål page is untouched.
    assert "Kommunene har lært mye" in editor.get(article.url).content.decode()
