"""Bad input in the admin gets a clear validation message, never a 500, and nothing is saved."""

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cases.models import CaseStudyPage
from guidance.models import FactorPage


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("redaktor", "r@example.no", "pw")
    client.force_login(user)
    return client


def add_page(client, model, parent, data):
    url = reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )
    return client.post(url, nested_form_data(data))


def factor_data(number, title="Ny faktor"):
    return {
        "title": title,
        "slug": f"ny-faktor-{number}",
        "number": number,
        "desired_state": "Alle skal bo godt og trygt.",
        "body": streamfield([]),
        "comments": inline_formset([]),
        "glossary_exclusions": inline_formset([]),
    }


@pytest.mark.parametrize("number", [0, 7, -1])
def test_factor_number_outside_1_to_6_is_refused(admin_client, tree, number):
    response = add_page(admin_client, FactorPage, tree.factor_index, factor_data(number))
    assert response.status_code == 200
    assert not FactorPage.objects.filter(title="Ny faktor").exists()
    errors = response.context["form"].errors
    assert "number" in errors


def test_factor_number_taken_twice_in_one_language_is_refused(admin_client, tree):
    response = add_page(admin_client, FactorPage, tree.factor_index, factor_data(3))
    assert response.status_code == 200
    assert "number" in response.context["form"].errors
    assert "3" in str(response.context["form"].errors["number"])
    assert not FactorPage.objects.filter(title="Ny faktor").exists()


def test_factor_number_may_repeat_across_languages(tree, nn):
    nn_factor = tree.factors[2].copy_for_translation(nn, copy_parents=True)
    nn_factor.full_clean()  # the same number in another language is the same factor


def case_data(**overrides):
    data = {
        "title": "Ny rapport",
        "slug": "ny-rapport",
        "publication_type": "report",
        "authors": "A. Forsker",
        "publisher": "NOVA",
        "year": 2011,
        "commissioned_by": "Husbanken",
        "performed_by": "NOVA",
        "summary": rich_text("<p>Kort om publikasjonen.</p>"),
        "main_findings": streamfield([]),
        "report_url": "https://www.husbanken.no/rapport.pdf",
        "report_link_text": "Les rapporten",
        "comments": inline_formset([]),
        "glossary_exclusions": inline_formset([]),
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "field, value",
    [
        ("year", 1800),
        ("year", 3000),
        ("year", "tjue"),
        ("report_url", "ikke en adresse"),
        ("report_url", "javascript:alert(1)"),
    ],
)
def test_case_study_bad_input_is_refused_with_a_message(admin_client, tree, field, value):
    response = add_page(admin_client, CaseStudyPage, tree.case_index, case_data(**{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not CaseStudyPage.objects.filter(slug="ny-rapport").exists()


def test_valid_case_study_is_saved(admin_client, tree):
    response = add_page(admin_client, CaseStudyPage, tree.case_index, case_data())
    assert response.status_code == 302
    page = CaseStudyPage.objects.get(slug="ny-rapport", locale__language_code="nb")
    assert page.year == 2011 and page.original_language == "nb"
    assert Page.objects.filter(pk=page.pk, live=False).exists()
    # The nynorsk tree gets its counterpart at once, as an alias of the new page.
    assert CaseStudyPage.objects.filter(alias_of=page, locale__language_code="nn").exists()


def test_quote_needs_a_speaker(admin_client, tree):
    from guidance.models import QuotePage

    response = add_page(
        admin_client,
        QuotePage,
        tree.quote_index,
        {
            "title": "Sitat",
            "slug": "sitat",
            "quote": "Tekst",
            "comments": inline_formset([]),
            "glossary_exclusions": inline_formset([]),
        },
    )
    assert response.status_code == 200
    assert "municipality" in response.context["form"].errors
