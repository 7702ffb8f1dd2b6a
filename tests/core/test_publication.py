"""The publication stamp: memos of public content follow every change readers could see."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from core import publication
from tests.factories.guidance import ActivityPageFactory, QuotePageFactory, ThemeFactory
from tests.helpers import nynorsk_alias


def publish(page, **relations):
    for name, values in relations.items():
        getattr(page, name).set(values)
    page.save_revision().publish()
    return page


def titles(response):
    return [hit.page.title for hit in response.context["hits"]]


def facet_counts(response, name):
    facet = next(f for f in response.context["facets"] if f.name == name)
    return {o.value: o.count for o in facet.options}


def test_publishing_renews_the_stamp_and_drafts_do_not(tree):
    page = publish(ActivityPageFactory(parent=tree.factors[0], title="Startlån"))
    before = publication.current()
    page.title = "Startlån for alle"
    page.save_revision()  # a draft: nothing public changed
    assert publication.current() == before
    page.get_latest_revision().publish()
    after_publish = publication.current()
    assert after_publish != before
    page.unpublish()
    assert publication.current() != after_publish


@pytest.mark.parametrize(
    "change",
    ["restrict", "unrestrict", "move", "delete", "theme", "theme_deleted"],
)
def test_every_public_change_renews_the_stamp(tree, change):
    page = publish(ActivityPageFactory(parent=tree.factors[0], title="Startlån"))
    theme = ThemeFactory(name="Bustøtte", slug="bustotte")
    restriction = None
    if change == "unrestrict":
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
    before = publication.current()
    if change == "restrict":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif change == "unrestrict":
        restriction.delete()
    elif change == "move":
        page.move(tree.factors[1], pos="last-child")
    elif change == "delete":
        page.delete()
    elif change == "theme":
        theme.name = "Bostøtte"
        theme.save()
    elif change == "theme_deleted":
        theme.delete()
    assert publication.current() != before


def test_a_memo_is_rebuilt_after_a_change_and_only_then(db):
    built = []
    build = lambda: built.append(1) or len(built)  # noqa: E731
    assert publication.remembered("test", build) == 1
    assert publication.remembered("test", build) == 1
    publication.renew()
    assert publication.remembered("test", build) == 2


def test_per_page_memos_keep_at_most_their_size_and_drop_the_oldest_first(db, monkeypatch):
    monkeypatch.setattr(publication, "PER_PAGE_SIZE", 3)
    built = []

    def build(key):
        built.append(key)
        return key

    publication.remembered("menu", lambda: build("menu"))
    for key in ("a", "b", "c", "d"):
        assert publication.remembered(key, lambda key=key: build(key), per_page=True) == key
    assert len(publication._per_page) == 3 and "a" not in publication._per_page
    assert publication.remembered("d", lambda: build("again"), per_page=True) == "d"  # kept
    assert publication.remembered("a", lambda: build("a"), per_page=True) == "a"  # built again
    assert "b" not in publication._per_page
    assert publication.remembered("menu", lambda: build("again")) == "menu"  # never pushed out
    assert built == ["menu", "a", "b", "c", "d", "a"]


def test_a_memo_may_be_carried_over_a_change(db):
    built, carried = [], []
    build = lambda: built.append(1) or len(built)  # noqa: E731

    def carry(value, stamp):
        carried.append(stamp)
        return value * 10 if value < 10 else None

    first = publication.current()
    assert publication.remembered("test", build, carry=carry) == 1
    publication.renew()
    assert publication.remembered("test", build, carry=carry) == 10
    assert carried == [first]
    publication.renew()
    assert publication.remembered("test", build, carry=carry) == 2  # carry said None


# Search: what the facet memo holds never outlives a change ----------------------------------


def test_search_forgets_an_unpublished_page_at_once(client, tree):
    quote = publish(
        QuotePageFactory(parent=tree.quote_index, title="Hamar om samarbeid", quote="Kommunen."),
        factors=[tree.factors[2]],
    )
    assert titles(client.get("/sok/", {"q": "kommunen"})) == ["Hamar om samarbeid"]
    quote.unpublish()
    response = client.get("/sok/", {"q": "kommunen"})
    assert titles(response) == []
    assert response.context["total"] == 0
    response = client.get("/sok/", {"factor": "3", "type": "quote"})
    assert titles(response) == [] and facet_counts(response, "type") == {"factor": 1, "quote": 0}


def test_search_forgets_a_page_made_private_at_once(client, tree):
    quote = publish(
        QuotePageFactory(parent=tree.quote_index, title="Hamar om samarbeid", quote="Kommunen.")
    )
    assert titles(client.get("/sok/", {"q": "kommunen"})) == ["Hamar om samarbeid"]
    PageViewRestriction.objects.create(
        page=quote, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    response = client.get("/sok/", {"q": "kommunen"})
    assert titles(response) == [] and response.context["total"] == 0
    response = client.get("/sok/", {"type": "quote"})
    assert response.context["total"] == 0
    assert facet_counts(response, "type") == {"factor": 6, "quote": 0}


def test_a_moved_activity_is_counted_under_its_new_factor(client, tree):
    activity = publish(
        ActivityPageFactory(parent=tree.factors[0], title="Kartlegging", summary="I kommunen.")
    )
    assert facet_counts(client.get("/sok/", {"q": "kommunen"}), "factor") == {"1": 1}
    activity.move(tree.factors[3], pos="last-child")
    assert facet_counts(client.get("/sok/", {"q": "kommunen"}), "factor") == {"4": 1}


def test_a_renamed_theme_shows_its_new_name(client, tree, nb):
    theme = ThemeFactory(name="Bustøtte", slug="bustotte", locale=nb)
    publish(
        ActivityPageFactory(parent=tree.factors[0], title="Kartlegging", summary="I kommunen."),
        themes=[theme],
    )
    assert "Bustøtte" in client.get("/sok/", {"q": "kommunen"}).content.decode()
    theme.name = "Bostøtte"
    theme.save_revision().publish()
    html = client.get("/sok/", {"q": "kommunen"}).content.decode()
    assert "Bostøtte" in html and "Bustøtte" not in html


@pytest.mark.parametrize("prefix", ["", "/nn"])
def test_a_repeated_search_costs_few_queries(client, tree, nn, prefix):
    quote = publish(
        QuotePageFactory(parent=tree.quote_index, title="Hamar om samarbeid", quote="Kommunen."),
        factors=[tree.factors[2]],
    )
    if prefix:
        nynorsk_alias(tree.factors[2], nn)
        nynorsk_alias(quote, nn)
    params = {"q": "kommunen", "factor": "3", "type": "quote"}
    client.get(f"{prefix}/sok/", params)
    with CaptureQueriesContext(connection) as context:
        assert client.get(f"{prefix}/sok/", params).status_code == 200
    sql = [q["sql"] for q in context.captured_queries if "SAVEPOINT" not in q["sql"]]
    # Locale, stamp, synonyms, the match, the promotions, the shown pages (page, restrictions,
    # specific rows), site, settings, notice, directorates and the menu's stamp.
    assert len(sql) <= 16, sql


# The header menu ------------------------------------------------------------------------------


def test_menu_is_built_once_and_follows_publishing(client, tree, monkeypatch):
    from website.templatetags import navigation_tags

    builds = []
    build = navigation_tags._menu_items
    monkeypatch.setattr(navigation_tags, "_menu_items", lambda *a: builds.append(1) or build(*a))
    client.get("/")
    html = client.get("/").content.decode()
    assert "Erfaringer fra kommunene" not in html
    client.get("/sok/")
    assert len(builds) == 1  # the home page's children come from the memo
    client.get("/nn/")
    assert len(builds) == 2  # once per language
    section = tree.article_index
    section.title = "Erfaringer fra kommunene"
    publish(section)
    html = client.get("/").content.decode()
    assert ">Erfaringer fra kommunene</a>" in html
    section.unpublish()
    assert ">Erfaringer fra kommunene</a>" not in client.get("/").content.decode()
    assert len(builds) == 4


# The frame: what every page shows around its content ----------------------------------------


def test_a_guidance_page_renews_the_stamp_but_not_the_frame(tree):
    page = publish(ActivityPageFactory(parent=tree.factors[0], title="Startlån"))
    stamp, frame = publication.current(), publication.frame_stamp()
    page.title = "Startlån for alle"
    publish(page)
    assert publication.current() != stamp and publication.frame_stamp() == frame
    page.delete()
    assert publication.frame_stamp() == frame
    publish(tree.article_index)  # a section: the menu shows it
    assert publication.frame_stamp() != frame


@pytest.mark.parametrize("change", ["move", "restrict", "theme", "renew"])
def test_every_other_change_renews_the_frame(tree, change):
    page = publish(ActivityPageFactory(parent=tree.factors[0], title="Startlån"))
    frame = publication.frame_stamp()
    if change == "move":  # below the sections to below the sections: the paths change
        page.move(tree.factors[1], pos="last-child")
    elif change == "restrict":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif change == "theme":
        ThemeFactory(name="Bustøtte", slug="bustotte")
    else:
        publication.renew()
    assert publication.frame_stamp() != frame


def test_a_moved_private_page_stays_private(client, tree):
    from core import pages

    quote = publish(QuotePageFactory(parent=tree.quote_index, title="Hamar", quote="Kommunen."))
    PageViewRestriction.objects.create(page=quote, restriction_type=PageViewRestriction.LOGIN)
    client.get("/sok/", {"q": "kommunen"})
    quote.move(tree.article_index, pos="last-child")
    quote.refresh_from_db()
    assert titles(client.get("/sok/", {"q": "kommunen"})) == []
    assert pages.restricted_paths() == (quote.path,)


def test_the_first_search_after_a_publish_rebuilds_no_frame_memo(settings, client, tree):
    settings.TASKS = {  # as in production: the search's job waits for the worker
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    page = publish(ActivityPageFactory(parent=tree.factors[0], title="Kartlegging i kommunen"))
    params = {"q": "kommunen", "factor": "1"}
    client.get("/sok/", params)
    page.title = "Kartlegging i kommunen, endret"
    publish(page)
    with CaptureQueriesContext(connection) as context:
        response = client.get("/sok/", params)
    assert titles(response) == ["Kartlegging i kommunen, endret"]
    # Not the locales, view restrictions, sites, menu, settings or directorates again.
    frame_tables = (
        "wagtailcore_locale",
        "wagtailcore_pageviewrestriction",
        "wagtailcore_site",
        "website_sitesettings",
        "guidance_directorate",
        'wagtailcore_page"."depth" = 3',  # the menu's sections
    )
    sql = [q["sql"] for q in context.captured_queries]
    assert not [q for q in sql if any(f'FROM "{t}' in q for t in frame_tables[:5])], sql
    assert not [q for q in sql if frame_tables[5] in q], sql


def test_a_shared_memo_is_built_once_for_every_process(db):
    built = []
    build = lambda: built.append(1) or len(built)  # noqa: E731
    assert publication.remembered("test-shared", build, shared=True) == 1
    publication.forget()  # another process, with nothing in memory
    assert publication.remembered("test-shared", build, shared=True) == 1
    publication.renew()
    publication.forget()
    assert publication.remembered("test-shared", build, shared=True) == 2
    publication.renew()
    publication.forget()  # the newest value in the cache is carried over
    carry = lambda value, stamp: value * 10  # noqa: E731
    assert publication.remembered("test-shared", build, carry=carry, shared=True) == 20
