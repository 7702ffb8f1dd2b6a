"""Editors choose factors and themes in the page's own language, and never lose links."""

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories.guidance import QuotePageFactory, ThemeFactory
from tests.helpers import nynorsk_alias


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("redaktor", "r@example.no", "pw")
    client.force_login(user)
    return client


def test_edit_form_offers_factors_of_the_page_language_only(admin_client, tree, nn):
    quote = QuotePageFactory(parent=tree.quote_index)
    quote.factors.set([tree.factors[0]])
    quote.save()
    nynorsk_alias(tree.factors[0], nn)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[quote.pk]))
    assert response.status_code == 200
    field = response.context["form"].fields["factors"]
    assert {f.locale_id for f in field.queryset} == {tree.factors[0].locale_id}
    assert field.queryset.count() == 6
    assert response.context["form"].initial["factors"] == [tree.factors[0].pk]


def test_translated_page_shows_and_keeps_its_factor_links(admin_client, tree, nn):
    theme = ThemeFactory()
    quote = QuotePageFactory(parent=tree.quote_index)
    quote.factors.set([tree.factors[2]])
    quote.themes.set([theme])
    quote.save()
    nn_factor = tree.factors[2].copy_for_translation(nn, copy_parents=True)
    nn_factor.save_revision().publish()
    nn_theme = theme.copy_for_translation(nn)
    nn_theme.save()
    # wagtail-localize copies the links unchanged: the nn quote points at the nb factor.
    nn_quote = quote.copy_for_translation(nn, copy_parents=True)
    assert list(nn_quote.factors.all()) == [tree.factors[2]]
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[nn_quote.pk]))
    form = response.context["form"]
    assert form.initial["factors"] == [nn_factor.pk]
    assert form.initial["themes"] == [nn_theme.pk]
    assert [f.pk for f in nn_quote.localized_factors()] == [nn_factor.pk]
