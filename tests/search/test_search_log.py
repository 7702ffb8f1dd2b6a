"""The search log keeps counts per normalised query, language and day, and nothing per search;
``prune_search_log`` removes old days; migration 0007 folded the old rows into the aggregate."""

import datetime
import importlib
import io

import pytest

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from search.models import SearchQueryDay, normalise_query

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw", "logged"),
    [
        ("  Tverrfaglig   Samarbeid ", "tverrfaglig samarbeid"),
        ("«bolig»?", "bolig"),
        ('"Bustad."', "bustad"),
        ("ＢＯＬＩＧ", "bolig"),  # full-width letters: NFKC
        ("rolle- og ansvar", "rolle- og ansvar"),
        ("01017012345", ""),  # a national identity number
        ("010170 12345 bolig", ""),
        ("ring 22334455", ""),  # a phone number
        ("ola@example.no", ""),
        ("kommune 3403", "kommune 3403"),  # a municipality number is no personal data
        ("2024", "2024"),
        ("?!", ""),
        ("<b>bolig</b>", "<b>bolig</b>"),
        ("x" * 300, "x" * 255),
    ],
)
def test_queries_are_normalised_and_personal_data_is_not_logged(raw, logged):
    assert normalise_query(raw) == logged


def test_one_row_per_query_language_and_day_and_nothing_else(client, content, nynorsk):
    for query in ("Tverrfaglig", "«tverrfaglig»", "tverrfaglig?", "01017012345", "xyzzy"):
        client.get("/sok/", {"q": query})
    client.get("/nn/sok/", {"q": "tverrfaglig"})
    rows = sorted(
        SearchQueryDay.objects.values_list(
            "date", "locale__language_code", "query_string", "searches", "searches_without_hits"
        )
    )
    today = timezone.localdate()
    assert rows == [
        (today, "nb", "tverrfaglig", 3, 0),
        (today, "nb", "xyzzy", 1, 1),
        (today, "nn", "tverrfaglig", 1, 0),
    ]
    # No second log: Wagtail's per-query hits are not written.
    assert not Query.objects.exists()
    assert not QueryDailyHits.objects.exists()
    fields = {f.name for f in SearchQueryDay._meta.get_fields()}
    assert fields == {
        "id",
        "date",
        "locale",
        "query_string",
        "searches",
        "searches_without_hits",
    }


def log(days_ago, query, locale):
    SearchQueryDay.objects.create(
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        locale=locale,
        query_string=query,
        searches=2,
    )


@pytest.fixture
def old_log(nb, nn):
    for days_ago in (0, 200, 360, 370, 800):
        log(days_ago, f"{days_ago} dagar", nb)
    log(400, "gammal", nn)


def remaining():
    return sorted(SearchQueryDay.objects.values_list("query_string", flat=True))


def test_prune_keeps_twelve_months_by_default(old_log):
    out = io.StringIO()
    call_command("prune_search_log", "--dry-run", stdout=out)
    assert "Would delete 3 daily search counts" in out.getvalue()
    assert SearchQueryDay.objects.count() == 6
    call_command("prune_search_log", stdout=out)
    assert remaining() == ["0 dagar", "200 dagar", "360 dagar"]


def test_prune_period_from_setting_or_option(old_log, settings):
    settings.SEARCH_LOG_RETENTION_MONTHS = 9
    call_command("prune_search_log", stdout=io.StringIO())
    assert remaining() == ["0 dagar", "200 dagar"]
    call_command("prune_search_log", "--months", "6", stdout=io.StringIO())
    assert remaining() == ["0 dagar"]
    with pytest.raises(CommandError):
        call_command("prune_search_log", "--months", "0", stdout=io.StringIO())


def test_prune_removes_wagtails_old_hits_but_keeps_editors_picks(nb, home):
    old = timezone.localdate() - datetime.timedelta(days=500)
    picked = Query.get("bolig")
    QueryDailyHits.objects.create(query=picked, date=old, hits=4)
    SearchPromotion.objects.create(query=picked, page=home, sort_order=0)
    stray = Query.get("ola nordmann")
    QueryDailyHits.objects.create(query=stray, date=old, hits=1)
    call_command("prune_search_log", stdout=io.StringIO())
    assert not QueryDailyHits.objects.exists()
    assert list(Query.objects.values_list("query_string", flat=True)) == ["bolig"]


def test_migration_folds_existing_rows_into_the_aggregate(nb, nn, home):
    day = datetime.date(2026, 3, 2)
    earlier = datetime.date(2025, 1, 5)
    for query, searches, zero in (("Bolig", 2, 0), ("«bolig»", 3, 1), ("01017012345", 1, 1)):
        SearchQueryDay.objects.create(
            date=day, locale=nb, query_string=query, searches=searches, searches_without_hits=zero
        )
    SearchQueryDay.objects.create(date=day, locale=nn, query_string="bolig", searches=1)
    # Wagtail's hits: the same day is already in the log (not counted twice), an earlier one
    # is not (added under bokmål).
    bolig = Query.get("bolig")
    QueryDailyHits.objects.create(query=bolig, date=day, hits=6)
    QueryDailyHits.objects.create(query=bolig, date=earlier, hits=4)
    SearchPromotion.objects.create(query=bolig, page=home, sort_order=0)
    QueryDailyHits.objects.create(query=Query.get("kari@example.no"), date=earlier, hits=1)

    migration = importlib.import_module("search.migrations.0007_search_log_aggregates_only")
    migration.fold_into_aggregate(apps, None)  # it needs no schema editor

    rows = sorted(
        SearchQueryDay.objects.values_list(
            "date", "locale__language_code", "query_string", "searches", "searches_without_hits"
        )
    )
    assert rows == [
        (earlier, "nb", "bolig", 4, 0),
        (day, "nb", "bolig", 5, 1),
        (day, "nn", "bolig", 1, 0),
    ]
    assert not QueryDailyHits.objects.exists()
    assert list(Query.objects.values_list("query_string", flat=True)) == ["bolig"]
