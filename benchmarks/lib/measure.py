"""Timings and query counts of the search and of a factor page, through Django's test client."""

import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

ROUNDS = 3
QUERIES = [
    "kommune",
    "tverrfaglig samarbeid",
    "bolig",
    "boligkontor",
    "ledelse",
    "vanskeligstilte",
    "bostøtte",
    "planarbeid",
    "oppfølging i hjemmet",
    "husbanken",
]
TYPOS = ["boligsosalt", "kommne", "tverfaglig samarbied", "bostotte", "xyzzy"]
FACETS = [
    {"factor": "3"},
    {"theme": "boligkontor"},
    {"factor": "1", "theme": "tverrfaglig-samarbeid"},
    {"type": "quote"},
    {"factor": "2", "type": "case", "year": "2019"},
]


def percentile(values, pct):
    values = sorted(values)
    return values[min(len(values) - 1, round(pct / 100 * (len(values) - 1)))]


def measure_search(client, facets, url="/sok/", kept=False):
    """Each query as if new (the matches a process keeps per query forgotten first), or with
    ``kept`` as a further facet or page of a search just made (the matches kept)."""
    from search import matching

    timings, query_counts = [], []
    for query in QUERIES:  # warm-up round, not counted
        client.get(url, {"q": query})
    for _ in range(ROUNDS):
        for i, query in enumerate(QUERIES):
            params = {"q": query, **(FACETS[i % len(FACETS)] if facets else {})}
            if not kept:
                matching.forget()
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                response = client.get(url, params)
                timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (params, response.status_code)
            query_counts.append(len(ctx))
    return timings, query_counts


def measure_typos(client):
    from search import matching

    for query in TYPOS:  # warm-up: the first one also builds the word list
        client.get("/sok/", {"q": query})
    timings = []
    for _ in range(ROUNDS):
        for query in TYPOS:
            matching.forget()
            start = time.perf_counter()
            response = client.get("/sok/", {"q": query})
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
    return timings


WORKER = ("db_worker", "--batch", "--backend", "background", "--no-startup-delay", "--no-reload")


def _publish_one(offset=0):
    """Publish a page as an editor does; its on-commit work included. Milliseconds."""
    from wagtail.models import Page

    page = Page.objects.filter(depth__gt=3).order_by("-pk")[offset].specific
    # Changed back and forth: a kept database (BENCH_KEEP=1) measured again and again would
    # otherwise grow the title past its 255 characters.
    base = page.title.removesuffix(" (endret)")
    page.title = base if base != page.title else f"{base} (endret)"
    start = time.perf_counter()
    page.save_revision().publish()
    return (time.perf_counter() - start) * 1000


def _timed_search(client, params=None):
    start = time.perf_counter()
    response = client.get("/sok/", params or {"q": "kommune", "factor": "3"})
    assert response.status_code == 200
    return (time.perf_counter() - start) * 1000


def measure_first_search_after_publish(client, rounds=5):
    """With the search's job queued as in production (VEIVISER_BACKGROUND_JOBS=database),
    medians over ``rounds`` publishes: the publish; the search just before it (for scale); the
    first search after it in a process that has searched before (this one: it built nothing
    at the publish, the job has not run); the first search in a process with nothing in memory
    (only the shared cache and tables); the same with no facets to update from (built in
    full, as before); the job (the worker's run); the first search after the job. And how many
    jobs ten publishes queue. Returns {label: figure}."""
    from django_tasks_db.models import DBTaskResult

    from django.core.cache import cache
    from django.core.management import call_command

    from core import publication
    from search import vocabulary
    from search.facets import FacetData

    def fresh_process():
        publication.forget()
        FacetData.forget()
        vocabulary.forget()

    timings = {}

    def note(label, value):
        timings.setdefault(label, []).append(value)

    for n in range(rounds):
        _timed_search(client)
        note("search before the publish", _timed_search(client))
        note("publish", _publish_one(2 * n))
        note("first search, process that searched before", _timed_search(client))
        _publish_one(2 * n + 1)
        fresh_process()
        note("first search, process with nothing in memory", _timed_search(client))
        _publish_one(2 * n)
        fresh_process()
        cache.clear()
        note("first search, facets built in full", _timed_search(client))
        start = time.perf_counter()
        call_command(*WORKER, verbosity=0)
        note("job (worker run)", (time.perf_counter() - start) * 1000)
        note("first search after the job", _timed_search(client))
    figures = {label: statistics.median(values) for label, values in timings.items()}
    for n in range(10):
        _publish_one(n)
    figures["jobs queued by ten publishes"] = DBTaskResult.objects.ready().count()
    call_command(*WORKER, verbosity=0)
    return figures


def measure_factor_page(client):
    url = "/suksessfaktorer/faktor-3/"
    client.get(url)
    timings = []
    for _ in range(10):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return len(ctx), statistics.median(timings)


def measure_addresses(client, addresses, rounds=20):
    """Print median and p95 in process, and the queries, of each (label, url)."""
    for label, url in addresses:
        assert client.get(url).status_code in (200, 400), url  # warm-up; 400: kept answers
        timings = []
        for _ in range(rounds):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        print(
            f"  {label:38} median {statistics.median(timings):6.1f} ms   "
            f"p95 {percentile(timings, 95):6.1f} ms   queries {len(queries)}"
        )
