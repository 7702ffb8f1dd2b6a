"""Benchmark: search latency and factor-page cost with 1,000 and 10,000 guidance pages.

Run from the repository root:
    python benchmarks/search_bench.py                      # SQLite, in a temporary file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/veiviser_search_bench \\
        python benchmarks/search_bench.py                  # PostgreSQL

The database is created from scratch: on PostgreSQL the script drops and recreates the database
named in DATABASE_URL, and refuses any name that does not end in «_bench». Pages are bulk-inserted
(tree paths computed directly, as treebeard would: benchmarks/lib/pages.py) and then indexed with
``update_index``.
Prints, per size: median and 95th percentile of /sok/ over a fixed query mix, without and with
facets (each query as if new: the matches a process keeps per query are forgotten first; «facet,
kept» is a facet chosen on a search just made), the number of database queries per search, the
same for misspelt queries (corrected against the word list), the time of a publish (the search's
job queued, as in production), of the first search after it in a process that had searched
before and in one with nothing in memory (facets updated from the pages changed:
search/changes.py), of the job, of the first search after it, how many jobs ten publishes queue,
and the query count and time of a factor page.
With BENCH_NYNORSK=1 every page also gets a nynorsk alias, as on the real site (twice the pages
and index entries), and /nn/sok/ is measured with facets as well. With BENCH_KEEP=1 the database
of an earlier run (one size) is measured again as it is, without building it anew.
"""

import os
import statistics
import time

from lib.database import keep, setup_django

# BENCH_SIZES=1000 for a quick run; BENCH_NYNORSK=1 adds a nynorsk alias of every page (as the
# site has them) and measures /nn/sok/ too.
SIZES = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "1000,10000").split(","))
NYNORSK = os.environ.get("BENCH_NYNORSK") == "1"


def main():
    # As in production: the search's work after a publish waits for the worker (the job is
    # run and timed by the benchmark), so the publish and the searches before it are measured.
    os.environ["VEIVISER_BACKGROUND_JOBS"] = "database"
    engine = setup_django()
    # Django is set up only now, on the database made for the benchmark.
    from lib.pages import add_aliases, add_pages, build_structure, refresh_after_bulk_insert

    from django.core.management import call_command
    from django.db import reset_queries
    from django.test import Client

    from wagtail.models import Locale, Page

    from search.tasks import refresh_search

    print(f"Search benchmark on {engine}")
    call_command("migrate", verbosity=0)
    client = Client()
    if keep() and Page.objects.filter(depth__gt=3).exists():
        print(f"\nThe kept database: {Page.objects.count():,} pages in all")
        measure(client)
        return
    nb, factors, indexes, themes, municipalities = build_structure()
    if NYNORSK:
        nn = Locale.objects.get(language_code="nn")
        for theme in themes:
            theme.copy_for_translation(nn).save()
    made = 0
    for size in SIZES:
        start = time.perf_counter()
        add_pages(size - made, nb, factors, indexes, themes, municipalities)
        if NYNORSK:
            add_aliases(nn, [*factors, *indexes.values()])
        made = size
        built = time.perf_counter() - start
        start = time.perf_counter()
        call_command("update_index", verbosity=0)
        indexed = time.perf_counter() - start
        refresh_after_bulk_insert()
        start = time.perf_counter()
        refresh_search.call()  # as the worker would, seconds after the change
        refreshed = time.perf_counter() - start
        reset_queries()
        pages = Page.objects.count()
        print(
            f"\n{size:,} guidance pages ({pages:,} pages in all): "
            f"inserted in {built:.1f} s, indexed in {indexed:.1f} s, "
            f"search job (words, word map, facets in full) {refreshed:.1f} s"
        )
        measure(client)


def measure(client):
    from lib.measure import (
        measure_factor_page,
        measure_first_search_after_publish,
        measure_search,
        measure_typos,
        percentile,
    )

    searches = [("without facets", False, "/sok/", False), ("with facets", True, "/sok/", False)]
    if NYNORSK:
        searches.append(("nn, facets", True, "/nn/sok/", False))
    # A facet chosen on a search just made: its matches are kept by the process.
    searches.append(("facet, kept", True, "/sok/", True))
    for label, facets, url, kept in searches:
        timings, counts = measure_search(client, facets, url, kept)
        print(
            f"  search {label:15} median {statistics.median(timings):6.1f} ms   "
            f"p95 {percentile(timings, 95):6.1f} ms   "
            f"queries {min(counts)}–{max(counts)}   (n={len(timings)})"
        )
    timings = measure_typos(client)
    print(
        f"  search with typos       median {statistics.median(timings):6.1f} ms   "
        f"p95 {percentile(timings, 95):6.1f} ms   (corrected against the word list)"
    )
    for label, figure in measure_first_search_after_publish(client).items():
        unit = "" if label.startswith("jobs") else " ms (median of 5)"
        print(f"  {label + ':':47} {figure:6.0f}{unit}")
    queries, median = measure_factor_page(client)
    print(f"  factor page            median {median:6.1f} ms   queries {queries}")


if __name__ == "__main__":
    main()
