"""The page cache's hit path with the stamp kept in the shared cache (core/publication.py):
no query on a hit, and still never stale after a publish, a rolled-back publish, a lost stamp
or a notice's display period starting or ending.

The transactions here commit, as in production (a publish's stamp reaches the cache only after
its commit). Django's local-memory cache stands in for Redis: it is shared by every thread of
this one process, which is all these tests run in."""

import time
from datetime import timedelta
from email.utils import parsedate_to_datetime

import pytest

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from wagtail.models import Site

from core import page_cache, publication
from tests.helpers import publish
from website.models import Notice, SiteSettings

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def stamp_in_the_cache(settings):
    settings.VEIVISER_PAGE_CACHE = True
    settings.VEIVISER_SHARED_STAMP = True
    page_cache._down_until[0] = 0.0
    cache.clear()
    yield
    cache.clear()


def hit(client, url, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code == 200 and response["X-Page-Cache"] == "hit"
    return response


def test_a_hit_reads_no_table(client, tree, django_assert_num_queries):
    url = tree.factors[0].url
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    second = hit(client, url, django_assert_num_queries)
    assert second.content == first.content
    for header in ("ETag", "Content-Type", "Content-Language", "Cache-Control"):
        assert second[header] == first[header], header
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_each_language_has_its_own_page(client, tree, nn, django_assert_num_queries):
    from tests.helpers import nynorsk_alias

    alias = nynorsk_alias(tree.factors[0], nn)
    bokmal, nynorsk = client.get(tree.factors[0].url), client.get(alias.url)
    assert alias.url.startswith("/nn/") and nynorsk["Content-Language"] == "nn"
    assert hit(client, alias.url, django_assert_num_queries).content == nynorsk.content
    assert hit(client, tree.factors[0].url, django_assert_num_queries).content == bokmal.content


def test_a_publish_is_seen_at_once(client, tree, django_assert_num_queries):
    factor = tree.factors[0]
    client.get(factor.url)
    hit(client, factor.url, django_assert_num_queries)
    factor.title = "Forankring på nytt"
    publish(factor)
    fresh = client.get(factor.url)
    assert fresh["X-Page-Cache"] == "miss" and "Forankring på nytt" in fresh.content.decode()
    assert "Forankring på nytt" in hit(client, factor.url, django_assert_num_queries).text


def test_inside_the_publishing_transaction_the_new_stamp_counts(client, tree):
    factor = tree.factors[0]
    client.get(factor.url)
    with transaction.atomic():
        factor.title = "Ikke lagret ennå"
        publish(factor)
        inside = client.get(factor.url)  # the cache still holds the committed stamp
        assert inside["X-Page-Cache"] == "miss" and "Ikke lagret ennå" in inside.text
    assert "Ikke lagret ennå" in client.get(factor.url).text


def test_a_rolled_back_publish_leaves_the_cached_page(client, tree, django_assert_num_queries):
    factor = tree.factors[0]
    before = client.get(factor.url)
    with pytest.raises(RuntimeError), transaction.atomic():
        factor.title = "Angret"
        publish(factor)
        raise RuntimeError("the publish fails after the stamp was renewed")
    after = hit(client, factor.url, django_assert_num_queries)
    assert after.content == before.content and "Angret" not in after.text


def test_a_lost_stamp_is_read_again_from_the_database(client, tree, django_assert_num_queries):
    url = tree.factors[0].url
    stored = client.get(url)
    cache.delete(publication.STAMP_KEY)  # Redis restarted, evicted or expired it
    with django_assert_num_queries(1):  # the row (this process knows the notice periods)
        again = client.get(url)
    assert again["X-Page-Cache"] == "hit" and again.content == stored.content
    hit(client, url, django_assert_num_queries)


def test_a_reader_filling_the_cache_never_overwrites_a_published_stamp(tree):
    cache.set(publication.STAMP_KEY, "written-by-a-publish-that-committed")
    publication.fill()  # a slow reader that read the row before that publish committed
    assert cache.get(publication.STAMP_KEY) == "written-by-a-publish-that-committed"


def kept_by_this_process(client, url, settings, window):
    settings.VEIVISER_PAGE_CACHE_LOCAL_SECONDS = window  # the production default is 0.1 s
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_in_the_window_a_process_serves_its_copy_and_then_reads_the_stamp(client, tree, settings):
    url = tree.factors[0].url
    kept_by_this_process(client, url, settings, window=1.0)
    cache.set(publication.STAMP_KEY, "published-by-another-process")
    assert client.get(url)["X-Page-Cache"] == "hit"  # not read again within the window
    time.sleep(1.0)
    assert client.get(url)["X-Page-Cache"] == "miss"  # read, differs: built anew


def test_a_fetch_by_varnish_always_reads_the_stamp(client, tree, settings):
    url = tree.factors[0].url
    kept_by_this_process(client, url, settings, window=60)
    cache.set(publication.STAMP_KEY, "published-by-another-process")
    assert client.get(url, HTTP_X_SHARED_CACHE_FILL="1")["X-Page-Cache"] == "miss"


def test_in_the_window_this_process_publish_is_seen_at_once(client, tree, settings):
    factor = tree.factors[0]
    kept_by_this_process(client, factor.url, settings, window=60)
    cache.clear()  # gone from the shared cache: only this process's copy is left
    assert client.get(factor.url)["X-Page-Cache"] == "hit"
    factor.title = "Publisert her"
    publish(factor)
    assert "Publisert her" in client.get(factor.url).text


def test_in_the_window_nothing_is_served_from_memory_while_the_cache_is_down(
    client, tree, settings
):
    url = tree.factors[0].url
    kept_by_this_process(client, url, settings, window=60)
    page_cache._down_until[0] = time.monotonic() + 60
    assert client.get(url)["X-Page-Cache"] == "miss"


def show_notice(tree, **period):
    notice = Notice.objects.create(
        locale=tree.home.locale, title="Driftsmelding", text="<p>Nede i natt.</p>", **period
    )
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.notice = notice
    settings.save()


def wait_until(moment):
    """Until a second after ``moment``: the cache keeps a stamp for whole seconds."""
    time.sleep(max(0.0, (moment - timezone.now()).total_seconds()) + 1.05)


@pytest.mark.parametrize("shared", [True, False], ids=["stamp in the cache", "stamp per request"])
def test_a_notice_appears_and_disappears_on_time(client, tree, settings, shared):
    settings.VEIVISER_SHARED_STAMP = shared
    url = tree.factors[0].url
    starts = timezone.now() + timedelta(seconds=2)
    ends = starts + timedelta(seconds=3)
    show_notice(tree, shown_from=starts, shown_until=ends)
    assert "Driftsmelding" not in client.get(url).text
    assert client.get(url)["X-Page-Cache"] == "hit"
    wait_until(starts)
    shown = client.get(url)
    assert shown["X-Page-Cache"] == "miss" and "Driftsmelding" in shown.text
    assert len(publication.current()) <= 64  # with both boundaries: what search/models.py keeps
    assert client.get(url)["X-Page-Cache"] == "hit"
    wait_until(ends)
    assert "Driftsmelding" not in client.get(url).text


def test_a_process_copy_is_served_only_under_the_shared_stamp(
    client, tree, django_assert_num_queries
):
    """The process keeps its own copy, but reads the stamp from the shared cache each time: a
    publish by another instance (a new stamp there) is seen by the next request."""
    url = tree.factors[0].url
    client.get(url)
    hit(client, url, django_assert_num_queries)  # from this process's copy
    cache.set(publication.STAMP_KEY, "published-elsewhere")
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_a_page_says_until_when_it_may_be_kept_while_a_notice_is_timed(client, tree):
    url = tree.factors[0].url
    assert "X-Cache-Until" not in client.get(url)  # nothing timed: Varnish's own hour
    starts = timezone.now() + timedelta(minutes=10)
    show_notice(tree, shown_from=starts, shown_until=starts + timedelta(hours=1))
    first, kept = client.get(url), client.get(url)
    assert first["X-Cache-Until"] == kept["X-Cache-Until"]  # the same moment from the cache
    until = parsedate_to_datetime(first["X-Cache-Until"])
    assert timedelta(0) <= until - starts < timedelta(seconds=1)
