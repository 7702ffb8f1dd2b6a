"""Search (/sok/), its facets, synonyms, promotions, reports, autocomplete and theme pages."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search import engine
from search.models import SearchQueryDay, Synonym
from tests.factories.cases import CaseStudyPageFactory
from tests.factories.guidance import (
    ActivityPageFactory,
    ArticlePageFactory,
    MunicipalityFactory,
    QuotePageFactory,
    ThemeFactory,
)
from tests.helpers import nynorsk_alias

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="stemming and trigram similarity exist only in PostgreSQL (CI runs it)",
)


def publish(page, **relations):
    for name, values in relations.items():
        getattr(page, name).set(values)
    page.save_revision().publish()
    return page


@pytest.fixture
def content(tree, nb, nn):
    f1, f3 = tree.factors[0], tree.factors[2]
    boligkontor = ThemeFactory(name="Boligkontor", slug="boligkontor", locale=nb)
    ledelse = ThemeFactory(name="Ledelse", slug="ledelse", locale=nb)
    hamar = MunicipalityFactory(name="Hamar kommune", number="3403")
    alta = MunicipalityFactory(name="Alta kommune", number="5601")
    activity = publish(
        ActivityPageFactory(
            parent=f3,
            title="Tydelig ansvarsfordeling",
            summary="Kommunen fordeler ansvaret mellom tjenestene.",
        ),
        themes=[boligkontor],
    )
    quote = publish(
        QuotePageFactory(
            parent=tree.quote_index,
            title="Hamar om samarbeid",
            quote="Vi lykkes i kommunen når vi jobber tverrfaglig og tverretatlig.",
            municipality=hamar,
        ),
        factors=[f3],
        themes=[boligkontor],
    )
    article = publish(
        ArticlePageFactory(
            parent=tree.article_index,
            title="Ledelse i kommunen",
            lead="Ledere i kommunen forankrer arbeidet.",
        ),
        factors=[f1, f3],
        themes=[ledelse],
    )
    case = publish(
        CaseStudyPageFactory(
            parent=tree.case_index,
            title="Fire casestudiar",
            summary="<p>Korleis kan kommunen samordne innsatsen?</p>",
            year=2011,
        ),
        factors=[f3],
        themes=[boligkontor],
        municipalities=[hamar, alta],
    )
    pages = {"activity": activity, "quote": quote, "article": article, "case": case}
    return {"factors": tree.factors, "themes": [boligkontor, ledelse], **pages}


@pytest.fixture
def nynorsk(content, nn):
    """Every page also in nynorsk, as the untranslated aliases the site creates."""
    for factor in content["factors"]:
        nynorsk_alias(factor, nn)
    aliases = {
        name: nynorsk_alias(content[name], nn) for name in ("activity", "quote", "article", "case")
    }
    theme = content["themes"][0].copy_for_translation(nn)
    theme.name, theme.slug = "Bustadkontor", "bustadkontor"
    theme.save()
    return {**aliases, "theme": theme}


def titles(response):
    return [hit.page.title for hit in response.context["hits"]]


def facet_counts(response, name):
    facet = next(f for f in response.context["facets"] if f.name == name)
    return {o.value: o.count for o in facet.options}


# Finding ------------------------------------------------------------------------------------


def test_finds_pages_of_every_type_in_the_active_language(client, content):
    response = client.get("/sok/", {"q": "kommunen"})
    assert response.status_code == 200
    assert set(titles(response)) == {
        "Tydelig ansvarsfordeling",
        "Hamar om samarbeid",
        "Ledelse i kommunen",
        "Fire casestudiar",
    }
    assert "Hamar om samarbeid" in response.content.decode()


def test_index_follows_publishing(client, content, tree):
    assert titles(client.get("/sok/", {"q": "husleiegaranti"})) == []
    publish(ActivityPageFactory(parent=tree.factors[4], title="Husleiegaranti", summary="Garanti."))
    assert titles(client.get("/sok/", {"q": "husleiegaranti"})) == ["Husleiegaranti"]


def test_nynorsk_search_finds_aliases_in_their_original_text(client, nynorsk):
    response = client.get("/nn/sok/", {"q": "tverrfaglig"})
    assert response.status_code == 200
    [hit] = response.context["hits"]
    assert hit.page.pk == nynorsk["quote"].pk
    assert hit.language == "nb"  # the alias shows bokmål text, marked as such
    html = response.content.decode()
    assert 'href="/nn/sitater/' in html
    assert 'lang="nb"' in html


def test_locale_scoping(client, nynorsk, content):
    nb_hits = client.get("/sok/", {"q": "kommunen"}).context["hits"]
    nn_hits = client.get("/nn/sok/", {"q": "kommunen"}).context["hits"]
    assert {h.page.locale.language_code for h in nb_hits} == {"nb"}
    assert {h.page.pk for h in nn_hits} == {nynorsk[n].pk for n in nynorsk if n != "theme"}
    assert not {h.page.pk for h in nb_hits} & {h.page.pk for h in nn_hits}


def test_theme_names_find_pages_in_each_language(client, nynorsk, content):
    expected = {"Tydelig ansvarsfordeling", "Hamar om samarbeid", "Fire casestudiar"}
    assert set(titles(client.get("/sok/", {"q": "boligkontor"}))) == expected
    assert set(titles(client.get("/nn/sok/", {"q": "bustadkontor"}))) == expected
    assert titles(client.get("/nn/sok/", {"q": "boligkontor"})) == []


def test_pages_made_after_their_themes_are_found_by_theme_name(client, tree, nb, nn):
    theme = ThemeFactory(name="Boligkontor", slug="boligkontor", locale=nb)
    nn_theme = theme.copy_for_translation(nn)
    nn_theme.name, nn_theme.slug = "Bustadkontor", "bustadkontor"
    nn_theme.save()
    activity = publish(
        ActivityPageFactory(parent=tree.factors[0], title="Garantier", summary="Om garanti."),
        themes=[theme],
    )
    nynorsk_alias(tree.factors[0], nn)
    nynorsk_alias(activity, nn)  # the alias's themes are written after it is indexed
    assert titles(client.get("/sok/", {"q": "boligkontor"})) == ["Garantier"]
    assert titles(client.get("/nn/sok/", {"q": "bustadkontor"})) == ["Garantier"]


def test_theme_names_in_the_index_follow_the_theme(client, tree, nb):
    theme = ThemeFactory(name="Kvalitetsløft", slug="kvalitetslooft", locale=nb, live=False)
    publish(
        ActivityPageFactory(parent=tree.factors[0], title="Garantier", summary="Om garanti."),
        themes=[theme],
    )
    # A theme never approved is no word of the page's.
    assert titles(client.get("/sok/", {"q": "kvalitetsløft"})) == []
    theme.save_revision().publish()
    assert titles(client.get("/sok/", {"q": "kvalitetsløft"})) == ["Garantier"]
    theme.name = "Nabolagsarbeid"
    theme.save_revision().publish()
    assert titles(client.get("/sok/", {"q": "kvalitetsløft"})) == []
    assert titles(client.get("/sok/", {"q": "nabolagsarbeid"})) == ["Garantier"]
    theme.delete()
    assert titles(client.get("/sok/", {"q": "nabolagsarbeid"})) == []


# Facets -------------------------------------------------------------------------------------


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


def test_newest_first(client, content):
    response = client.get("/sok/", {"q": "kommunen", "order": "newest"})
    dates = [hit.page.first_published_at for hit in response.context["hits"]]
    assert dates == sorted(dates, reverse=True)


def test_pagination(client, content, tree):
    for n in range(12):
        ActivityPageFactory(parent=tree.factors[5], title=f"Tiltak {n}", summary="Sjeldenord.")
    first = client.get("/sok/", {"q": "sjeldenord"})
    assert len(first.context["hits"]) == 10
    second = client.get("/sok/", {"q": "sjeldenord", "page": "2"})
    assert len(second.context["hits"]) == 2
    assert not {h.page.pk for h in first.context["hits"]} & {
        h.page.pk for h in second.context["hits"]
    }
    assert "page=2" in first.content.decode()


# Hits ---------------------------------------------------------------------------------------


def test_hit_shows_type_factor_excerpt_and_date(client, content):
    html = client.get("/sok/", {"q": "tverrfaglig"}).content.decode()
    assert "Sitat" in html or "Quote" in html
    assert "3. Faktor 3" in html
    assert "<mark>tverrfaglig</mark>" in html
    assert "<time datetime=" in html


def test_excerpt_is_escaped_before_highlighting(client, tree):
    publish(
        QuotePageFactory(
            parent=tree.quote_index,
            title="Markup",
            quote='<script>alert("x")</script> tverrfaglig & <b>godt</b>',
        )
    )
    html = client.get("/sok/", {"q": "tverrfaglig"}).content.decode()
    assert "<script>alert" not in html
    assert "<b>godt" not in html
    assert "<mark>tverrfaglig</mark> &amp; &lt;b&gt;godt" in html


# Bad input ----------------------------------------------------------------------------------

BAD_QUERIES = [
    "",
    " ",
    "a" * 10_000,
    "Ελληνικά κείμενα",
    "Русский текст",
    "中文搜索",
    "العربية",
    "🏠🔥👩‍👩‍👧",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    '<script>alert("xss")</script>',
    "<img src=x onerror=alert(1)>",
    "kommune\x00nul",
    "\x00",
    '"',
    "AND OR NOT",
    "*",
    "(kommune",
    "kommune)",
    "NEAR(a b)",
    "-",
    "^~:",
    "%_%",
    "\\",
]


@pytest.mark.parametrize("prefix", ["", "/nn"])
def test_bad_queries_never_fail(client, content, nynorsk, prefix):
    for query in BAD_QUERIES:
        response = client.get(f"{prefix}/sok/", {"q": query})
        assert response.status_code == 200, query
        html = response.content.decode()
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        suggestions = client.get(f"{prefix}/sok/forslag/", {"q": query})
        assert suggestions.status_code == 200, query
        assert "suggestions" in suggestions.json()


def test_long_query_is_cut(client, content):
    response = client.get("/sok/", {"q": "kommunen " + "x" * 10_000})
    assert response.status_code == 200
    assert len(response.context["search_query"]) == 200
    assert (
        "shortened" in response.content.decode()
        or "forkorta" in response.content.decode()
        or ("forkortet" in response.content.decode())
    )


BAD_PARAMETERS = [
    {"q": "kommunen", "factor": "99"},
    {"q": "kommunen", "factor": "<b>x</b>"},
    {"q": "kommunen", "theme": "finnes-ikke"},
    {"q": "kommunen", "type": "blogpost"},
    {"q": "kommunen", "municipality": "abc"},
    {"q": "kommunen", "year": "tidlig"},
    {"q": "kommunen", "order": "random"},
    {"q": "kommunen", "page": "abc"},
    {"q": "kommunen", "page": "-3"},
    {"q": "kommunen", "page": "99999"},
    {"q": "kommunen", "page": "9" * 50},
    {"q": "kommunen", "municipality": "9999"},
    {"q": "kommunen", "year": "1800"},
    {"q": ["kommunen", "tverrfaglig"], "factor": ["1", "3"]},
]


def test_bad_parameters_never_fail(client, content):
    for params in BAD_PARAMETERS:
        response = client.get("/sok/", params)
        assert response.status_code == 200, params
        html = response.content.decode()
        assert "<b>x</b>" not in html
        assert response.context["results_page"] is not None, params


def test_unknown_facet_value_is_ignored_with_a_message(client, content):
    response = client.get("/sok/", {"q": "kommunen", "theme": "finnes-ikke"})
    assert len(response.context["hits"]) == 4
    assert response.context["messages_for_search"]


def test_page_past_the_end_shows_the_last_page(client, content):
    response = client.get("/sok/", {"q": "kommunen", "page": "50"})
    assert response.context["results_page"].number == 1
    assert response.context["messages_for_search"]


# Query counts -------------------------------------------------------------------------------


def count_queries(client, url, params):
    engine.clear_facet_cache()  # measure the cold path: the facet values are built too
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params).status_code == 200
    return len(context)


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


# Synonyms -----------------------------------------------------------------------------------


def test_synonyms_expand_queries_with_or(client, tree):
    publish(ActivityPageFactory(parent=tree.factors[0], title="Bolig til alle", summary="Tak."))
    publish(ActivityPageFactory(parent=tree.factors[0], title="Bustad for alle", summary="Tak."))
    publish(
        ActivityPageFactory(
            parent=tree.factors[1], title="Kommunal bolig", summary="Utleie til vanskeligstilte."
        )
    )
    assert titles(client.get("/sok/", {"q": "bustad"})) == ["Bustad for alle"]
    Synonym.objects.create(terms="bolig, Bustad")
    Synonym.objects.create(terms="utleiebolig , kommunal bolig")
    assert set(titles(client.get("/sok/", {"q": "bustad"}))) == {
        "Bolig til alle",
        "Bustad for alle",
        "Kommunal bolig",
    }
    assert titles(client.get("/sok/", {"q": "utleiebolig"})) == ["Kommunal bolig"]


def test_synonym_terms_are_normalised(db):
    synonym = Synonym.objects.create(terms=" Bolig,bustad ,, BOLIG\nHus ")
    assert synonym.terms == "bolig, bustad, hus"
    assert Synonym.expand("Kommunal bolig") == [
        "Kommunal bolig",
        "Kommunal bustad",
        "Kommunal hus",
    ]


# Promotions and reports ---------------------------------------------------------------------


def test_promotions_come_first_in_their_language(client, content, nynorsk):
    query = Query.get("samarbeid")
    SearchPromotion.objects.create(query=query, page=content["article"], sort_order=0)
    SearchPromotion.objects.create(query=query, page=nynorsk["article"], sort_order=1)
    response = client.get("/sok/", {"q": "Samarbeid"})
    assert [h.page.pk for h in response.context["promoted_hits"]] == [content["article"].pk]
    html = response.content.decode()
    assert html.index("Ledelse i kommunen") < html.index("Hamar om samarbeid")
    assert content["article"].pk not in [h.page.pk for h in response.context["hits"]]
    nn_response = client.get("/nn/sok/", {"q": "samarbeid"})
    assert [h.page.pk for h in nn_response.context["promoted_hits"]] == [nynorsk["article"].pk]
    assert query.daily_hits.get().hits == 2


def test_queries_are_recorded_with_zero_hits(client, content, nb, nn):
    client.get("/sok/", {"q": "Tverrfaglig"})
    client.get("/sok/", {"q": "tverrfaglig "})
    client.get("/sok/", {"q": "tverrfaglig", "page": "2"})  # paging is not a new search
    client.get("/sok/", {"q": "xyzzy"})
    client.get("/nn/sok/", {"q": "xyzzy"})
    rows = {
        (r.query_string, r.locale.language_code): (r.searches, r.searches_without_hits)
        for r in SearchQueryDay.objects.all()
    }
    assert rows == {
        ("tverrfaglig", "nb"): (2, 0),
        ("xyzzy", "nb"): (1, 1),
        ("xyzzy", "nn"): (1, 1),
    }


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redaktor", password="pw")
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def test_report_for_editors(client, content, editor):
    for query in ("tverrfaglig", "tverrfaglig", "xyzzy", "<script>alert(1)</script>"):
        client.get("/sok/", {"q": query})
    client.force_login(editor)
    response = client.get("/admin/reports/searches/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("tverrfaglig") < html.index("xyzzy")
    assert "<script>alert(1)</script>" not in html
    assert escape("<script>alert(1)</script>") in html
    zero = client.get("/admin/reports/searches/uten-treff/").content.decode()
    assert "xyzzy" in zero
    assert "tverrfaglig" not in zero
    export = client.get("/admin/reports/searches/", {"export": "csv"})
    assert export.status_code == 200
    assert b"tverrfaglig" in b"".join(export.streaming_content)


def test_report_needs_admin_access(client, django_user_model):
    user = django_user_model.objects.create_user("publikum", password="pw")
    client.force_login(user)
    assert client.get("/admin/reports/searches/").status_code in (302, 403)


# Autocomplete -------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/nn"])
def test_autocomplete(client, content, nynorsk, prefix):
    data = client.get(f"{prefix}/sok/forslag/", {"q": "Hama"}).json()
    assert [s["title"] for s in data["suggestions"]] == ["Hamar om samarbeid"]
    assert data["suggestions"][0]["url"].startswith(f"{prefix}/sitater/")


def test_autocomplete_suggests_themes(client, content):
    data = client.get("/sok/forslag/", {"q": "boligkon"}).json()
    assert {"title": "Boligkontor", "url": "/tema/boligkontor/"}.items() <= next(
        s for s in data["suggestions"] if s["title"] == "Boligkontor"
    ).items()


def test_header_box_hooks_autocomplete(client, content):
    html = client.get("/").content.decode()
    assert 'data-search-suggest="/sok/forslag/"' in html
    assert "js/search.js" in html


# Theme and factor pages ---------------------------------------------------------------------


def test_theme_page_groups_by_factor(client, content):
    response = client.get("/tema/boligkontor/")
    assert response.status_code == 200
    [group] = response.context["groups"]
    assert group.factor.number == 3
    assert {p.title for p in group.items} == {
        "Tydelig ansvarsfordeling",
        "Hamar om samarbeid",
        "Fire casestudiar",
    }
    html = response.content.decode()
    assert 'href="/suksessfaktorer/faktor-3/"' in html or "faktor-3" in html


def test_nynorsk_theme_page(client, nynorsk):
    response = client.get("/nn/tema/bustadkontor/")
    assert response.status_code == 200
    [group] = response.context["groups"]
    assert group.factor.locale.language_code == "nn"
    assert {p.pk for p in group.items} == {
        nynorsk["activity"].pk,
        nynorsk["quote"].pk,
        nynorsk["case"].pk,
    }
    assert client.get("/nn/tema/boligkontor/").status_code == 404
    assert client.get("/tema/finnes-ikke/").status_code == 404
    assert client.get("/tema/" + "x" * 300 + "/").status_code == 404


def test_theme_page_query_count_is_constant(client, content, tree):
    client.get("/tema/boligkontor/")
    before = count_queries(client, "/tema/boligkontor/", {})
    for n in range(10):
        publish(
            QuotePageFactory(parent=tree.quote_index, title=f"Sitat {n}"),
            factors=[tree.factors[n % 6]],
            themes=[content["themes"][0]],
        )
        publish(ActivityPageFactory(parent=tree.factors[n % 6]), themes=[content["themes"][0]])
    assert count_queries(client, "/tema/boligkontor/", {}) <= before


@pytest.mark.parametrize("prefix", ["", "/nn"])
def test_factor_page_links_to_its_themes(client, content, nynorsk, prefix):
    html = client.get(f"{prefix}/suksessfaktorer/faktor-3/").content.decode()
    if prefix:
        assert 'href="/nn/tema/bustadkontor/"' in html
    else:
        assert 'href="/tema/boligkontor/"' in html
        assert 'href="/tema/ledelse/"' in html


# PostgreSQL: stemming, typos, ranking -------------------------------------------------------


@postgres_only
@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("kommunane", "Kommunene samarbeider"),
        ("kommunene", "Kommunane samarbeider"),
        ("boligkontoret", "Et boligkontor for alle"),
        ("boligkontor", "Boligkontoret svarer"),
    ],
)
def test_norwegian_stemming(client, tree, query, title):
    publish(ActivityPageFactory(parent=tree.factors[0], title=title, summary="Tekst."))
    assert title in titles(client.get("/sok/", {"q": query}))


@postgres_only
def test_stemming_in_nynorsk_site(client, tree, nn):
    activity = publish(
        ActivityPageFactory(parent=tree.factors[0], title="Kommunene samarbeider", summary="T.")
    )
    nynorsk_alias(tree.factors[0], nn)
    alias = nynorsk_alias(activity, nn)
    assert [h.page.pk for h in client.get("/nn/sok/", {"q": "kommunane"}).context["hits"]] == [
        alias.pk
    ]


@postgres_only
def test_typo_tolerance(client, tree):
    publish(
        ActivityPageFactory(
            parent=tree.factors[0], title="Boligsosialt arbeid i planene", summary="Plan."
        )
    )
    response = client.get("/sok/", {"q": "boligsosalt"})
    assert titles(response) == ["Boligsosialt arbeid i planene"]
    assert response.context["corrected"] == "boligsosialt"
    assert "«boligsosalt»" in response.content.decode()
    # The corrected query is stemmed like any other: a misspelt plural finds the singular.
    response = client.get("/sok/", {"q": "planne arbeid"})
    assert titles(response) == ["Boligsosialt arbeid i planene"]
    assert response.context["corrected"] == "planene arbeid"
    # Exact matches are never «corrected».
    assert client.get("/sok/", {"q": "planene"}).context["corrected"] is None


@postgres_only
def test_typo_correction_never_reveals_unpublished_or_private_words(client, tree):
    from wagtail.models import PageViewRestriction

    publish(ActivityPageFactory(parent=tree.factors[0], title="Bustøtte", summary="Om støtte."))
    draft = ActivityPageFactory(
        parent=tree.factors[0], title="Hemmeligplan", summary="Utkast.", live=False
    )
    private = publish(
        ActivityPageFactory(parent=tree.factors[1], title="Lukketplan", summary="Privat.")
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    for typo in ("hemmeligpla", "lukketpla"):
        response = client.get("/sok/", {"q": typo})
        assert response.context["corrected"] is None, typo
        assert titles(response) == []
    # The word list follows publishing: once published, the draft's word is offered.
    publish(draft)
    assert client.get("/sok/", {"q": "hemmeligpla"}).context["corrected"] == "hemmeligplan"


@postgres_only
def test_stored_full_text_follows_edits(client, tree):
    # The match reads a generated column: it must change with the page, not at reindexing.
    activity = publish(
        ActivityPageFactory(parent=tree.factors[0], title="Startlån", summary="Om lån.")
    )
    assert titles(client.get("/sok/", {"q": "startlån"})) == ["Startlån"]
    activity.title = "Bostøtte for leietakere"
    publish(activity)
    assert titles(client.get("/sok/", {"q": "startlån"})) == []
    assert titles(client.get("/sok/", {"q": "leietakerne"})) == ["Bostøtte for leietakere"]


@postgres_only
def test_title_ranks_above_summary_and_body(client, tree):
    publish(
        ArticlePageFactory(
            parent=tree.article_index,
            title="Om arbeidet",
            lead="Noe om bostøtte her.",
            body=[("paragraph", "<p>Bostøtte bostøtte.</p>")],
        )
    )
    publish(ActivityPageFactory(parent=tree.factors[0], title="Bostøtte", summary="Noe annet."))
    assert titles(client.get("/sok/", {"q": "bostøtte"}))[0] == "Bostøtte"


@postgres_only
def test_drafts_never_crowd_out_visible_matches(client, tree, monkeypatch):
    # Matches are read ranked in windows of 2 × MAX_MATCHES; here the first window holds
    # only drafts (same text, newer ids), the visible pages come in the second.
    monkeypatch.setattr(engine, "MAX_MATCHES", 2)
    for n in range(2):
        publish(QuotePageFactory(parent=tree.quote_index, title=f"Sitat {n}", quote="Kommunen."))
    for n in range(4):
        QuotePageFactory(
            parent=tree.quote_index, title=f"Utkast {n}", quote="Kommunen.", live=False
        )
    response = client.get("/sok/", {"q": "kommunen"})
    assert sorted(titles(response)) == ["Sitat 0", "Sitat 1"]
    assert response.context["corrected"] is None
