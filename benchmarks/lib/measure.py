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


def measure_first_search_after_publish(client):
    """Publish a page as an editor does (its on-commit work included), then time the first
    search of a process that has none of the rebuilt data in memory."""
    from wagtail.models import Page

    from core import publication
    from search import vocabulary

    page = Page.objects.filter(depth__gt=3).order_by("-pk").first().specific
    page.title = f"{page.title} (endret)"
    start = time.perf_counter()
    page.save_revision().publish()
    published = (time.perf_counter() - start) * 1000
    publication.forget()  # another process: nothing in memory, the cache and tables shared
    vocabulary.forget()
    start = time.perf_counter()
    response = client.get("/sok/", {"q": "kommune", "factor": "3"})
    first = (time.perf_counter() - start) * 1000
    assert response.status_code == 200
    return published, first


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
