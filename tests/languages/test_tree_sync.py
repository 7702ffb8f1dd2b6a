"""Both language trees stay in step: pages created, copied or moved in the admin in either
language get a counterpart (an alias) in the other."""

import pytest

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from guidance.models import ArticlePage, QuotePage
from languages.sync import ensure_counterparts, synchronise_trees
from tests.factories.guidance import ArticlePageFactory, MunicipalityFactory


@pytest.fixture
def both_trees(tree):
    synchronise_trees()
    return tree


def create_in_admin(client, model, parent, **fields):
    """Create and publish a page through the admin's create view, as an editor does."""
    url = reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )
    data = nested_form_data(
        {"comments": inline_formset([]), "glossary_exclusions": inline_formset([]), **fields}
    )
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    return model.objects.get(locale=parent.locale, slug=fields["slug"])


def article_fields(slug, title):
    return {
        "title": title,
        "slug": slug,
        "lead": "Kort innledning om samarbeid.",
        "body": streamfield([("paragraph", rich_text("<p>Kommunene samarbeider.</p>"))]),
    }


def test_synchronise_trees_gives_every_page_a_nynorsk_alias(tree, nn):
    created = synchronise_trees()
    nb_pages = Page.objects.filter(depth__gt=1, locale__language_code="nb")
    assert created == nb_pages.count()
    for page in nb_pages:
        alias = page.get_translation(nn)
        assert alias.alias_of_id == page.pk
        assert alias.get_parent().translation_key == page.get_parent().translation_key
    assert synchronise_trees() == 0  # idempotent


def test_page_created_in_bokmal_gets_a_nynorsk_alias(editor, both_trees, nn):
    article = create_in_admin(
        editor, ArticlePage, both_trees.article_index, **article_fields("samarbeid", "Samarbeid")
    )
    alias = article.get_translation(nn)
    assert alias.alias_of_id == article.pk
    assert alias.live
    assert alias.get_parent().pk == both_trees.article_index.get_translation(nn).pk
    response = editor.get(alias.url)
    assert response.status_code == 200
    assert b'lang="nb"' in response.content


def test_page_created_in_nynorsk_gets_a_bokmal_alias(editor, both_trees, nb, nn):
    municipality = MunicipalityFactory(name="Hamar kommune", number="3403")
    nn_index = both_trees.quote_index.get_translation(nn)
    quote = create_in_admin(
        editor,
        QuotePage,
        nn_index,
        title="Hamar om samarbeid",
        slug="hamar-samarbeid",
        quote="Vi har lukkast når vi arbeider tverrfagleg.",
        municipality=municipality.pk,
    )
    assert quote.locale == nn
    assert quote.original_language == "nn"
    alias = quote.get_translation(nb)
    assert alias.alias_of_id == quote.pk
    assert alias.get_parent().pk == both_trees.quote_index.pk
    response = editor.get(alias.url)
    assert response.status_code == 200
    assert b"Vi har lukkast" in response.content
    assert b'lang="nn"' in response.content


def test_page_created_under_an_untranslated_parent_creates_the_parent_alias_too(editor, tree, nn):
    # No nynorsk tree at all yet: the alias brings its ancestors with it.
    article = create_in_admin(
        editor, ArticlePage, tree.article_index, **article_fields("forankring", "Forankring")
    )
    alias = article.get_translation(nn)
    assert alias.get_parent().translation_key == tree.article_index.translation_key
    assert alias.get_parent().locale == nn


def test_copied_page_gets_a_counterpart(editor, both_trees, nn):
    article = ArticlePageFactory(parent=both_trees.article_index, title="Original", slug="original")
    ensure_counterparts(article)
    response = editor.post(
        reverse("wagtailadmin_pages:copy", args=[article.pk]),
        {
            "new_title": "Kopi",
            "new_slug": "kopi",
            "new_parent_page": both_trees.article_index.pk,
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302
    copy = ArticlePage.objects.get(locale__language_code="nb", slug="kopi")
    assert copy.translation_key != article.translation_key
    assert copy.get_translation(nn).alias_of_id == copy.pk


def test_moved_page_takes_its_counterpart_along(editor, both_trees, nb, nn):
    from tests.factories.cases import CaseStudyIndexPageFactory

    second_index = CaseStudyIndexPageFactory(parent=both_trees.home, slug="flere-rapporter")
    ensure_counterparts(second_index)
    from tests.factories.cases import CaseStudyPageFactory

    case = CaseStudyPageFactory(parent=both_trees.case_index, slug="rapport")
    ensure_counterparts(case)
    response = editor.post(
        reverse("wagtailadmin_pages:move_confirm", args=[case.pk, second_index.pk])
    )
    assert response.status_code == 302
    alias = case.get_translation(nn)
    assert alias.get_parent().pk == second_index.get_translation(nn).pk
    assert alias.url_path.endswith("/flere-rapporter/rapport/")


def test_counterparts_are_not_duplicated(both_trees, nn):
    article = ArticlePageFactory(parent=both_trees.article_index)
    assert len(ensure_counterparts(article)) == 1
    assert ensure_counterparts(article) == []
    assert ensure_counterparts(article.get_translation(nn)) == []


def test_draft_created_in_admin_gets_a_draft_alias_that_goes_live_with_it(editor, both_trees, nn):
    url = reverse(
        "wagtailadmin_pages:add", args=("guidance", "articlepage", both_trees.article_index.pk)
    )
    data = nested_form_data(
        {
            "comments": inline_formset([]),
            "glossary_exclusions": inline_formset([]),
            **article_fields("utkast", "Utkast"),
        }
    )
    assert editor.post(url, data).status_code == 302
    draft = ArticlePage.objects.get(slug="utkast", locale__language_code="nb")
    alias = draft.get_translation(nn)
    assert not draft.live and not alias.live  # nobody sees a draft, in either language

    draft.get_latest_revision().publish()
    alias.refresh_from_db()
    assert alias.live
    assert alias.title == "Utkast"
