"""Editors can preview unsaved changes, including changed factor and theme links."""

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from guidance.models import ArticlePage
from tests.factories.guidance import QuotePageFactory


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("redaktor", "r@example.no", "pw")
    client.force_login(user)
    return client


def test_preview_of_an_edited_quote_shows_the_new_factor(admin_client, tree):
    quote = QuotePageFactory(parent=tree.quote_index, title="Sitat om samarbeid")
    quote.factors.set([tree.factors[0]])
    quote.save_revision().publish()
    data = nested_form_data(
        {
            "title": "Sitat om samarbeid",
            "slug": quote.slug,
            "quote": "Ny tekst i forhåndsvisningen.",
            "municipality": quote.municipality_id,
            "comments": inline_formset([]),
            "glossary_exclusions": inline_formset([]),
        }
    )
    data["factors"] = [tree.factors[4].pk]  # checkboxes post the field once per choice
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[quote.pk])
    assert admin_client.post(url, data).json()["is_valid"]
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ny tekst i forhåndsvisningen." in html
    assert tree.factors[4].title in html
    assert tree.factors[0].title not in html.split("<main")[1]


def test_block_preview_is_drawn_with_the_site_stylesheets(admin_client):
    quote_block = ArticlePage.body.field.stream_block.child_blocks["quote"]
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": quote_block.definition_prefix}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<link rel="stylesheet" href="/static/css/veiviser.css">' in html
    assert "/static/vendor/designsystemet/designsystemet.css" in html
    # The block's preview value, drawn by its own template inside a page body's wrappers.
    body = html.split('<div class="article__body">')[1]
    assert 'class="quote"' in body and "Kristiansand kommune" in body
