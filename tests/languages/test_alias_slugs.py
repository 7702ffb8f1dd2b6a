"""An address in its own language for a page not yet translated (languages/slugs.py): the alias
of a bokmål page has a nynorsk slug and the other way round, kept when the source is published
again and when the alias is translated; an alias renamed by the demo loader leaves a redirect."""

import re

import pytest

from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from guidance.models import ArticlePage, QuotePage
from languages.slugs import translate_alias_slugs
from languages.sync import ensure_counterparts, synchronise_trees
from tests.factories.guidance import MunicipalityFactory, QuotePageFactory
from tests.helpers import require_binary
from tests.languages.test_tree_sync import article_fields, create_in_admin

SWITCH = re.compile(r'language-switcher__link" href="([^"]+)"')


@pytest.fixture(autouse=True)
def apertium():
    require_binary("apertium", "apertium apertium-nno-nob")


@pytest.fixture
def both_trees(tree):
    synchronise_trees()
    return tree


def switch_target(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return SWITCH.findall(response.content.decode())


def test_a_bokmal_article_has_a_nynorsk_address_until_translated_and_after(
    editor, both_trees, nn, client, django_capture_on_commit_callbacks
):
    fields = article_fields("forankring-og-eierskap-erfaringer", "Forankring og eierskap")
    article = create_in_admin(editor, ArticlePage, both_trees.article_index, **fields)
    alias = article.get_translation(nn)
    assert alias.alias_of_id == article.pk
    assert alias.slug == "forankring-og-eigarskap-erfaringar"
    assert alias.url == alias.get_parent().url + "forankring-og-eigarskap-erfaringar/"
    # The language switch leads from each to the other.
    assert switch_target(editor, article.url) == [alias.url]
    assert switch_target(editor, alias.url) == [article.url]

    # Published again, the source does not take the alias's address away (Wagtail).
    article.lead = "Ny innledning."
    article.save_revision().publish()
    assert Page.objects.get(pk=alias.pk).slug == "forankring-og-eigarskap-erfaringar"

    # «Translate this page» (wagtail-localize) keeps the address readers have.
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("wagtail_localize:submit_page_translation", args=[article.pk]),
            {"locales": [nn.pk]},
        )
    assert response.status_code == 302
    translated = Page.objects.get(pk=alias.pk)
    assert translated.alias_of_id is None
    assert translated.slug == "forankring-og-eigarskap-erfaringar"
    assert switch_target(editor, translated.url) == [article.url]


def test_a_nynorsk_quote_has_a_bokmal_address(editor, both_trees, nb, nn):
    municipality = MunicipalityFactory(name="Hamar kommune", number="3403")
    quote = create_in_admin(
        editor,
        QuotePage,
        both_trees.quote_index.get_translation(nn),
        title="Hamar om tverrfagleg arbeid",
        slug="hamar-tverrfagleg",
        quote="Vi har lukkast når vi arbeider tverrfagleg.",
        municipality=municipality.pk,
    )
    alias = quote.get_translation(nb)
    assert alias.slug == "hamar-tverrfaglig"
    assert switch_target(editor, alias.url) == [quote.url]
    assert switch_target(editor, quote.url) == [alias.url]


def test_an_old_address_redirects_to_the_new_one(both_trees, nn, client):
    """A database made before: the alias has the bokmål slug; the loader renames it."""
    quote = QuotePageFactory(
        parent=both_trees.quote_index, title="Alta", slug="alta-boligservicekontoret"
    )
    quote.save_revision().publish()
    [alias] = ensure_counterparts(quote)
    old_url = Page.objects.get(pk=alias.pk).url
    assert "/nn/" in old_url and old_url.endswith("/alta-boligservicekontoret/")

    [renamed] = translate_alias_slugs(Page.objects.filter(pk=alias.pk))
    assert renamed.slug == "alta-bustadservicekontoret"
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == renamed.url
    assert Redirect.objects.filter(redirect_page=renamed).count() == 1
    assert translate_alias_slugs(Page.objects.filter(pk=alias.pk)) == []  # once


def test_an_editors_slug_and_a_siblings_are_left_alone(both_trees, nn):
    quotes = [
        QuotePageFactory(parent=both_trees.quote_index, title=t, slug=s)
        for t, s in (("Eierskap", "eierskap"), ("Eigarskap", "eigarskap"), ("Bolig", "bolig"))
    ]
    aliases = [ensure_counterparts(quote)[0] for quote in quotes]
    aliases[2].slug = "eit-val-frå-redaktoren"
    aliases[2].save()
    # «eierskap» would become «eigarskap», the address of its sibling's alias.
    assert translate_alias_slugs(aliases) == []
    assert [Page.objects.get(pk=a.pk).slug for a in aliases] == [
        "eierskap",
        "eigarskap",
        "eit-val-fra-redaktoren",
    ]
