"""Finding: every type in the reader's language, theme names, synonyms, hits, order, promotions."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import SearchQueryDay, Synonym
from tests.factories.guidance import ActivityPageFactory, QuotePageFactory, ThemeFactory
from tests.helpers import nynorsk_alias, publish
from tests.search.helpers import titles


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
    # The other written form finds them too (Apertium's word map: bolig ↔ bustad).
    assert set(titles(client.get("/nn/sok/", {"q": "boligkontor"}))) == expected


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


def test_hit_shows_type_factor_and_excerpt(client, content):
    html = client.get("/sok/", {"q": "tverrfaglig"}).content.decode()
    assert "Sitat" in html or "Quote" in html
    assert "3. Faktor 3" in html
    assert "<mark>tverrfaglig</mark>" in html
    # A quote is not dated by the day it was published here (dates: test_hit_dates.py).
    assert "<time datetime=" not in html


def test_stop_words_are_not_marked(client, tree, nn):
    """The search leaves out stop words; marking them would show what was not searched."""
    page = ActivityPageFactory(
        parent=tree.factors[0],
        title="Leiinga",
        summary="Kommunar med planar involverer leiinga og ledelsen.",
    )
    nynorsk_alias(publish(page), nn)
    for path, query in (("/sok/", "hvordan ledelsen med"), ("/nn/sok/", "korleis leiinga med")):
        html = client.get(path, {"q": query}).content.decode()
        assert "<mark>med</mark>" not in html and "<mark>korleis</mark>" not in html
        assert "<mark>ledelsen</mark>" in html or "<mark>leiinga</mark>" in html


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


def test_synonyms_expand_queries_with_or(client, tree):
    # Words Apertium does not link (bolig ↔ bustad it does: test_theme_names_find_pages…).
    publish(ActivityPageFactory(parent=tree.factors[0], title="Hybel til alle", summary="Tak."))
    publish(ActivityPageFactory(parent=tree.factors[0], title="Krypinn for alle", summary="Tak."))
    publish(
        ActivityPageFactory(
            parent=tree.factors[1], title="Kommunal hybel", summary="Utleie til vanskeligstilte."
        )
    )
    assert titles(client.get("/sok/", {"q": "krypinn"})) == ["Krypinn for alle"]
    Synonym.objects.create(terms="hybel, Krypinn")
    Synonym.objects.create(terms="utleiehybel , kommunal hybel")
    assert set(titles(client.get("/sok/", {"q": "krypinn"}))) == {
        "Hybel til alle",
        "Krypinn for alle",
        "Kommunal hybel",
    }
    assert titles(client.get("/sok/", {"q": "utleiehybel"})) == ["Kommunal hybel"]


def test_synonym_terms_are_normalised(db):
    synonym = Synonym.objects.create(terms=" Bolig,bustad ,, BOLIG\nHus ")
    assert synonym.terms == "bolig, bustad, hus"
    assert Synonym.expand("Kommunal bolig") == [
        "Kommunal bolig",
        "Kommunal bustad",
        "Kommunal hus",
    ]


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
    # The search log counts them per language; Wagtail's per-query hits are not a second log.
    assert not query.daily_hits.exists()
    logged = SearchQueryDay.objects.values_list("locale__language_code", "searches")
    assert sorted(logged.filter(query_string="samarbeid")) == [("nb", 1), ("nn", 1)]
