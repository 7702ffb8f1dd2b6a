"""Relations resolve per language: nynorsk pages link to nynorsk factors and list nynorsk pages,
whether the nynorsk page is a real translation or an alias; nynorsk originals show on the
bokmål site in nynorsk."""

import pytest

from wagtail_localize.models import TranslationSource

from languages.sync import ensure_counterparts, synchronise_trees
from tests.factories.cases import CaseStudyPageFactory
from tests.factories.guidance import (
    ActivityPageFactory,
    ArticlePageFactory,
    MunicipalityFactory,
    QuotePageFactory,
)


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate a page with wagtail-localize (published on commit), then set nynorsk fields."""

    def translate(page, locale, **fields):
        source, _created = TranslationSource.update_or_create_from_instance(page)
        with django_capture_on_commit_callbacks(execute=True):
            source.create_or_update_translation(
                locale, publish=True, fallback=True, copy_parent_pages=True
            )
        target = page.get_translation(locale).specific
        if fields:
            for name, value in fields.items():
                setattr(target, name, value)
            target.save_revision().publish()
        return target

    return translate


@pytest.fixture
def linked(tree, nn, translate):
    """Factor 3 in both languages, with an activity, two quotes, an article and a case study."""
    factor = tree.factors[2]
    hamar = MunicipalityFactory(number="3403", name="Hamar kommune")
    activity = ActivityPageFactory(parent=factor, title="Formaliserte møtepunkter")
    translated_quote = QuotePageFactory(
        parent=tree.quote_index, title="Hamar om tverrfaglig arbeid", municipality=hamar
    )
    aliased_quote = QuotePageFactory(
        parent=tree.quote_index, title="Alta om boligkontoret", municipality=hamar
    )
    article = ArticlePageFactory(parent=tree.article_index, title="Slik samordner kommunene")
    for page in (translated_quote, aliased_quote, article):
        page.factors.set([factor])
        page.save_revision().publish()
    synchronise_trees()

    nn_factor = translate(factor, nn, title="Organisering og samordning (nn)")
    nn_activity = translate(activity, nn, title="Formaliserte møtepunkt")
    nn_quote = translate(translated_quote, nn, title="Hamar om tverrfagleg arbeid")
    # A case study written in nynorsk, under the nynorsk index (an alias until translated).
    case = CaseStudyPageFactory(
        parent=tree.case_index.get_translation(nn),
        title="Fire casestudiar",
        summary="<p>Korleis kommunane kan løyse koordineringsutfordringane.</p>",
    )
    case.factors.set([factor])  # chosen in bokmål: resolved through translation_key
    case.save_revision().publish()
    ensure_counterparts(case)

    class Linked:
        pass

    linked = Linked()
    linked.__dict__.update(
        factor=factor,
        nn_factor=nn_factor,
        nn_activity=nn_activity,
        nn_quote=nn_quote,
        nn_alias_quote=aliased_quote.get_translation(nn).specific,
        nn_article=article.get_translation(nn).specific,
        case=case,
    )
    return linked


def test_nynorsk_quote_translation_links_to_nynorsk_factor(client, linked):
    assert list(linked.nn_quote.localized_factors()) == [linked.nn_factor]
    html = client.get(linked.nn_quote.url).content.decode()
    assert f'href="{linked.nn_factor.url}"' in html
    assert f'href="{linked.factor.url}"' not in html


def test_nynorsk_quote_alias_links_to_nynorsk_factor(client, linked):
    assert linked.nn_alias_quote.alias_of_id
    assert list(linked.nn_alias_quote.localized_factors()) == [linked.nn_factor]
    html = client.get(linked.nn_alias_quote.url).content.decode()
    assert f'href="{linked.nn_factor.url}"' in html
    assert 'lang="nb"' in html  # the alias still shows the bokmål text


def test_nynorsk_factor_lists_nynorsk_pages(client, linked):
    nn_case = linked.case
    response = client.get(linked.nn_factor.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nn">' in html
    for page in (linked.nn_activity, linked.nn_quote, linked.nn_alias_quote, linked.nn_article):
        assert page.locale.language_code == "nn"
        assert f'href="{page.url}"' in html, page.title
    assert f'href="{nn_case.url}"' in html
    # Nothing from the bokmål tree.
    assert 'href="/erfaringer' not in html
    assert "Formaliserte møtepunkt" in html and "Formaliserte møtepunkter" not in html


def test_bokmal_site_shows_the_nynorsk_case_study_in_nynorsk(client, linked, nb):
    nb_case = linked.case.get_translation(nb).specific
    assert nb_case.alias_of_id == linked.case.pk
    assert nb_case.content_language == "nn"
    response = client.get(nb_case.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nb">' in html
    assert 'class="page-content" lang="nn"' in html
    assert "Korleis kommunane kan løyse" in html
    # And the bokmål factor lists it, marked as nynorsk.
    html = client.get(linked.factor.url).content.decode()
    assert f'href="{nb_case.url}"' in html
    assert 'lang="nn"' in html
