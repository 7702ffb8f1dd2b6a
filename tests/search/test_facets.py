"""Facets: counts, combined filters, shareable links, browsing by filter, query counts."""

import pytest

from tests.factories.cases import CaseStudyPageFactory
from tests.factories.guidance import MunicipalityFactory, QuotePageFactory
from tests.helpers import count_queries, nynorsk_alias, publish
from tests.search.helpers import facet_counts, titles


def test_facet_counts(client, content):
    response = client.get("/sok/", {"q": "kommunen"})
    assert facet_counts(response, "factor") == {"1": 1, "3": 4}
    assert facet_counts(response, "theme") == {"boligkontor": 3, "ledelse": 1}
    assert facet_counts(response, "type") == {"activity": 1, "quote": 1, "article": 1, "case": 1}
    assert facet_counts(response, "municipality") == {"3403": 2, "5601": 1}
    assert "2011" in facet_counts(response, "year")
    html = response.content.decode()
    assert "Boligkontor" in html and "(3)" in html


def test_filters_combine_and_counts_follow(client, content):
    response = client.get("/sok/", {"q": "kommunen", "factor": "3", "theme": "boligkontor"})
    assert set(titles(response)) == {
        "Tydelig ansvarsfordeling",
        "Hamar om samarbeid",
        "Fire casestudiar",
    }
    # Each facet counts what choosing one of its values would give with the other filters.
    assert facet_counts(response, "theme") == {"boligkontor": 3, "ledelse": 1}
    assert facet_counts(response, "type") == {"activity": 1, "quote": 1, "case": 1}
    response = client.get(
        "/sok/", {"q": "kommunen", "factor": "3", "theme": "boligkontor", "municipality": "5601"}
    )
    assert titles(response) == ["Fire casestudiar"]
    response = client.get("/sok/", {"q": "kommunen", "type": "case", "year": "2011"})
    assert titles(response) == ["Fire casestudiar"]


def test_facet_links_are_shareable_urls(client, content):
    html = client.get("/sok/", {"q": "kommunen", "factor": "3"}).content.decode()
    assert "?q=kommunen&amp;factor=3&amp;theme=boligkontor" in html


def test_filters_without_query_browse(client, content):
    response = client.get("/sok/", {"theme": "ledelse"})
    assert titles(response) == ["Ledelse i kommunen"]


@pytest.mark.parametrize("prefix", ["", "/nn"])
def test_query_count_is_constant_as_results_grow(client, content, nynorsk, tree, nn, prefix):
    params = {"q": "kommunen", "factor": "3"}
    client.get(f"{prefix}/sok/", params)  # warm caches (site root paths, content types)
    before = count_queries(client, f"{prefix}/sok/", params)
    theme = content["themes"][0]
    for n in range(15):
        quote = publish(
            QuotePageFactory(parent=tree.quote_index, title=f"Sitat {n}", quote="I kommunen."),
            factors=[tree.factors[2]],
            themes=[theme],
        )
        case = publish(
            CaseStudyPageFactory(parent=tree.case_index, title=f"Rapport {n}"),
            factors=[tree.factors[2]],
            municipalities=[MunicipalityFactory()],
        )
        if prefix:
            nynorsk_alias(quote, nn)
            nynorsk_alias(case, nn)
    response = client.get(f"{prefix}/sok/", params)
    assert len(response.context["hits"]) == 10
    assert count_queries(client, f"{prefix}/sok/", params) <= before


def test_year_facet_uses_the_period_the_content_belongs_to(client, content):
    """Programme material is listed under each year of its period, not the year it was loaded;
    a page without a period under no year (its hit shows none), an article excepted."""
    article = content["article"]
    article.period_start, article.period_end = 2011, 2020
    article.save_revision().publish()
    activity = content["activity"]
    activity.period_start = 2015
    activity.save_revision().publish()
    response = client.get("/sok/", {"q": "kommunen"})
    years = facet_counts(response, "year")
    assert years["2011"] == 2  # the case study (its year) and the article (its period)
    assert years["2015"] == 2 and years["2020"] == 1
    # The quote states no period: under no year, not the year it was put on the site.
    content["quote"].refresh_from_db()
    assert str(content["quote"].first_published_at.year) not in years
    assert "2010" not in years and "2021" not in years
    response = client.get("/sok/", {"q": "kommunen", "year": "2017"})
    assert titles(response) == ["Ledelse i kommunen"]


def test_an_article_without_a_period_is_listed_under_its_publishing_year(client, content):
    article = content["article"]
    article.refresh_from_db()
    years = facet_counts(client.get("/sok/", {"q": "kommunen"}), "year")
    assert years[str(article.first_published_at.year)] >= 1


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [(None, 2020, "period_start"), (2020, 2011, "period_end"), (1990, 2030, "period_end")],
)
def test_a_wrong_period_is_refused_in_norwegian(content, start, end, field):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    article = content["article"]
    article.period_start, article.period_end = start, end
    with translation.override("nb"), pytest.raises(ValidationError) as error:
        article.full_clean()
    assert field in error.value.message_dict
