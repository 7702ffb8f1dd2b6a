"""The glossary: terms sorted A–Å, and marked up where they first occur in a page's text."""

import json
import re

import pytest

from glossary.markup import Entry, Glossary, build, mark_terms
from glossary.models import GlossaryExclusion, GlossaryPage, Term, norwegian_sort_key
from tests.helpers import publish


def test_sorted_as_in_a_norwegian_dictionary():
    words = ["Åpen", "ørret", "Zebra", "ærlig", "Bolig", "élan", "Avtale", "Ødegaard", "aaa"]
    assert sorted(words, key=norwegian_sort_key) == [
        "aaa", "Avtale", "Bolig", "élan", "Zebra", "ærlig", "Ødegaard", "ørret", "Åpen"
    ]  # fmt: skip


def glossary_of(**forms):
    entries = {
        form.casefold(): Entry(key, key, f"Definisjon av {key}")
        for key, variants in forms.items()
        for form in [key, *variants]
    }
    alternatives = "|".join(re.escape(f) for f in sorted(entries, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return Glossary(pattern, entries, "/ordliste/")


def test_marks_the_first_occurrence_of_each_term_and_its_variants():
    glossary = glossary_of(forankring=["forankringen"], bolig=[])
    seen = set()
    html = mark_terms(
        "<p>Forankringen er viktig. Forankring igjen. En bolig, boliger.</p>", glossary, seen
    )
    assert html.count("<dfn>") == 2
    assert '<a class="glossary-term__link" href="/ordliste/#forankring"' in html
    assert 'aria-describedby="definisjon-forankring">Forankringen</a></dfn>' in html
    assert 'id="definisjon-forankring" role="tooltip">Definisjon av forankring</span>' in html
    assert "boliger" in html and ">boliger<" not in html  # a whole word only
    # The next block of the same page marks nothing again.
    assert "<dfn>" not in mark_terms("<p>Forankring og bolig.</p>", glossary, seen)


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="/x/">forankring</a></p>',
        "<h2>Forankring</h2>",
        "<h3 class='x'>om <b>forankring</b></h3>",
        "<p><dfn>forankring</dfn></p>",
    ],
)
def test_leaves_links_headings_and_definitions_alone(html):
    assert mark_terms(html, glossary_of(forankring=[]), set()) == html


def test_text_after_a_skipped_element_is_marked():
    html = mark_terms("<h2>Forankring</h2><p>Om forankring.</p>", glossary_of(forankring=[]), set())
    assert html.startswith("<h2>Forankring</h2><p>Om <span")


def test_definitions_are_escaped():
    pattern = glossary_of(x=[]).pattern
    glossary = Glossary(pattern, {"x": Entry("x", "x", "<script>alert(1)</script>")}, None)
    html = mark_terms("<p>x</p>", glossary, set())
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'tabindex="0" aria-describedby="definisjon-x"' in html  # no glossary page: no link


@pytest.fixture
def terms(nb, nn):
    term = Term.objects.create(
        locale=nb,
        term="forankring",
        definition="At arbeidet er kjent og prioritert.",
        variants="forankringen\nforankret",
    )
    translation = term.copy_for_translation(nn)
    translation.definition = "At arbeidet er kjent og prioritert (nynorsk)."
    translation.variants = "forankringa\nforankra"
    translation.save()
    Term.objects.create(locale=nb, term="økonomiplan", definition="Plan for økonomien.")
    Term.objects.create(locale=nb, term="Boligkontor", definition="En enhet.")
    Term.objects.create(locale=nb, term="Åpenhet", definition="Å være åpen.")
    return term


@pytest.fixture
def glossary_page(tree, terms):
    return publish(tree.home.add_child(instance=GlossaryPage(title="Ordliste", slug="ordliste")))


def body(*paragraphs):
    return json.dumps([{"type": "paragraph", "value": p} for p in paragraphs])


def test_glossary_page_lists_terms_a_to_aa(client, glossary_page, django_assert_max_num_queries):
    client.get(glossary_page.url)
    with django_assert_max_num_queries(15):  # issue 13
        html = client.get(glossary_page.url).content.decode()
    order = [html.index(f'id="{slug}"') for slug in ("boligkontor", "forankring", "okonomiplan")]
    assert order == sorted(order)
    assert html.index('id="okonomiplan"') < html.index('id="apenhet"')  # Ø before Å
    assert ">Ø</h2>" in html and ">Å</h2>" in html


def test_glossary_page_in_nynorsk_lists_nynorsk_terms(client, glossary_page, nn):
    translation = glossary_page.copy_for_translation(nn, copy_parents=True)
    translation.title = "Ordliste"
    publish(translation)
    html = client.get(translation.url).content.decode()
    assert "(nynorsk)" in html and "økonomiplan" not in html
    assert '<html lang="nn">' in html


def test_a_page_marks_its_first_occurrence_linked_to_the_glossary(client, tree, glossary_page):
    factor = tree.factors[0]
    factor.body = body(
        "<p>Forankringen i ledelsen. Mer forankring.</p>",
        '<p>Se <a href="https://example.org/">forankring</a>.</p>',
    )
    publish(factor)
    html = client.get(factor.url).content.decode()
    assert html.count("<dfn>") == 1
    assert (
        'href="/ordliste/#forankring" aria-describedby="definisjon-forankring">Forankringen' in html
    )
    assert html.count('id="definisjon-forankring"') == 1
    assert '<a href="https://example.org/">forankring</a>' in html


@pytest.mark.parametrize(
    ("block", "where"),
    [
        (
            {
                "type": "callout",
                "value": {"title": "", "tone": "info", "text": "<p>Om økonomiplan.</p>"},
            },
            "callout",
        ),
        (
            {
                "type": "question",
                "value": {"question": "Har dere en økonomiplan?", "reflection": ""},
            },
            "question",
        ),
        (
            {
                "type": "question",
                "value": {"question": "Hva nå?", "reflection": "<p>Se økonomiplan.</p>"},
            },
            "question",
        ),
    ],
)
def test_terms_are_marked_in_callouts_and_questions(client, tree, glossary_page, block, where):
    factor = tree.factors[0]
    factor.body = json.dumps([block])
    publish(factor)
    html = client.get(factor.url).content.decode()
    start = html.index(f'class="{"ds-alert callout" if where == "callout" else "question"}"')
    assert "<dfn>" in html[start:] and 'aria-describedby="definisjon-okonomiplan"' in html


def test_terms_are_marked_in_the_desired_state(client, tree, glossary_page):
    factor = tree.factors[0]
    factor.desired_state = "Kommunen har en <økonomiplan> & en plan."
    publish(factor)
    html = client.get(factor.url).content.decode()
    assert "en &lt;<span" in html and "&gt; &amp; en plan" in html  # still escaped
    assert 'aria-describedby="definisjon-okonomiplan"' in html


def test_terms_are_marked_in_a_case_studys_summary_which_stays_rich_text(
    client, tree, glossary_page
):
    from tests.factories.cases import CaseStudyPageFactory

    case = CaseStudyPageFactory(
        parent=tree.case_index, summary="<p>Om <b>økonomiplan</b>.</p><p>Og mer.</p>"
    )
    html = client.get(case.url).content.decode()
    assert "&lt;p&gt;" not in html  # the rich text's paragraphs, not their markup as text
    assert "<p>Og mer.</p>" in html
    assert 'aria-describedby="definisjon-okonomiplan"' in html


def test_an_editor_can_exclude_a_term_from_a_page(client, tree, glossary_page, terms):
    factor = tree.factors[0]
    factor.body = body("<p>Forankringen i ledelsen.</p>")
    factor.glossary_exclusions = [GlossaryExclusion(term=terms)]
    publish(factor)
    assert "<dfn>" not in client.get(factor.url).content.decode()
    other = tree.factors[1]
    other.body = body("<p>Forankringen i ledelsen.</p>")
    publish(other)
    assert "<dfn>" in client.get(other.url).content.decode()


def test_nynorsk_pages_use_the_nynorsk_terms(client, tree, glossary_page, nn):
    factor = tree.factors[0]
    factor.body = body("<p>Forankringa i leiinga.</p>")
    publish(factor)
    translation = factor.copy_for_translation(nn, copy_parents=True)
    publish(translation)
    html = client.get(translation.url).content.decode()
    assert "(nynorsk)" in html and "<dfn>" in html


def test_terms_are_read_once_per_language(nb, terms, django_assert_num_queries):
    # the terms, the glossary page; the stamp and the restricted paths (core/pages.py)
    with django_assert_num_queries(4):
        glossary = build(nb.pk)
    assert glossary.page_url is None and "forankringen" in glossary.entries


def test_admin_edits_exclusions_in_the_page_settings(admin_client, tree, terms):
    factor = tree.factors[0]
    response = admin_client.get(f"/admin/pages/{factor.pk}/edit/")
    assert response.status_code == 200
    assert b"glossary_exclusions-TOTAL_FORMS" in response.content
