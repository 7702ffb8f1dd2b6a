"""«Hvor står vi?»: statements from the factors, answers in the address, a result, bad input."""

import pytest

from assessment.models import AssessmentPage
from tests.factories.guidance import ActivityPageFactory, QuotePageFactory
from tests.helpers import publish


@pytest.fixture
def assessment(tree):
    for factor in tree.factors:
        for n in (1, 2):
            publish(
                ActivityPageFactory(
                    parent=factor,
                    title=f"Aktivitet {factor.number}.{n}",
                    summary=f"Påstand {factor.number}.{n}.",
                )
            )
    quote = QuotePageFactory(parent=tree.quote_index, title="Sitat om faktor 2", quote="Sitat.")
    publish(quote, factors=[tree.factors[1]])
    page = AssessmentPage(title="Hvor står vi?", slug="hvor-star-vi")
    return publish(tree.home.add_child(instance=page))


def answers(low=(), value=4):
    """Every statement answered ``value``, those of the factors in ``low`` with 1."""
    return {f"f{n}-{i}": 1 if n in low else value for n in range(1, 7) for i in range(3)}


def get(client, page, params=None, status=200):
    response = client.get(page.url, params or {})
    assert response.status_code == status
    return response.content.decode()


def test_form_asks_the_statements_of_every_factor(client, assessment):
    html = get(client, assessment)
    assert html.count('type="radio"') == 6 * 3 * 4
    assert "Påstand 3.2." in html and "Ha et forpliktende" in html  # activities, desired states
    assert '<form class="assessment__form" method="get"' in html
    assert "I liten grad" in html and "I svært stor grad" in html
    assert "assessment__result" not in html


def test_result_shows_strengths_gaps_and_help_for_the_weakest(client, assessment):
    html = get(client, assessment, {**answers(low=(2,)), "vis": "1"})
    result = html[html.index('id="result"') : html.index("assessment__form")]
    assert "Forbedringsområde" in result and "Styrke" in result
    assert "Aktivitet 2.1" in result and "Aktivitet 2.2" in result  # its activities
    assert "Sitat om faktor 2" in result  # and what is linked to it
    assert "Aktivitet 1.1" not in result
    assert 'value="1" checked' in html  # the answers stay in the form


def test_all_strong_says_so(client, assessment):
    html = get(client, assessment, answers())
    assert "Alle suksessfaktorene er styrker" in html


def test_missing_answers_get_a_message_and_keep_the_given(client, assessment):
    given = answers(low=(1,))
    del given["f4-1"], given["f6-0"]
    html = get(client, assessment, given, status=400)
    assert "2 er ikke besvart ennå" in html
    assert 'role="alert"' in html and "assessment__result" not in html
    assert html.count(" checked") == 16
    assert html.count("assessment__statement--missing") == 2


@pytest.mark.parametrize(
    "forged",
    [{"f1-0": "9"}, {"f1-0": "abc"}, {"f9-9": "2"}, {"f1-0": "1\x00"}, {"<script>": "1"}],
)
def test_forged_answers_get_a_message_and_keep_the_valid(client, assessment, forged):
    html = get(client, assessment, {**answers(), **forged}, status=400)
    assert "Noen svar i adressen var ikke gyldige" in html
    assert "<script>" not in html
    assert html.count(" checked") >= 17


def test_nynorsk_assessment_uses_the_nynorsk_factors(client, assessment, tree, nn):
    factor = tree.factors[0]
    translation = factor.copy_for_translation(nn, copy_parents=True)
    translation.desired_state = "Skape ei felles forståing (nynorsk)."
    publish(translation)
    page = publish(assessment.copy_for_translation(nn, copy_parents=True))
    html = get(client, page)
    assert "(nynorsk)" in html and "I nokon grad" in html and '<html lang="nn">' in html
    bad = get(client, page, {"f1-0": "7"}, status=400)
    assert "Nokre svar i adressa var ikkje gyldige" in bad


def test_costs_a_few_queries_over_the_frame(client, assessment, django_assert_max_num_queries):
    get(client, assessment)
    with django_assert_max_num_queries(15):  # issue 13
        get(client, assessment)
    with django_assert_max_num_queries(15):  # + the weakest factors' quotes, articles, cases
        get(client, assessment, answers(low=(2, 3)))
