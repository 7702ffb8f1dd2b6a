"""Benchmark: every page type at 10,000 and 50,000 pages: queries, and time in process,
uncached and from the page cache; the search's p95.

Run from the repository root (PostgreSQL, a database whose name ends in _bench):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/veiviser_scale_bench \\
        python benchmarks/scale_bench.py            # BENCH_SIZES=10000,50000 by default

The site is built as for benchmarks/toolkit_bench.py (bokmål, bulk-inserted pages linked to
factors and themes). The queries of each page type must be the same at every size.
"""

import os
import statistics
import time

from lib.database import setup_django

SIZES = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "10000,50000").split(","))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))


def percentile(values, pct):
    values = sorted(values)
    return values[min(len(values) - 1, round(pct / 100 * (len(values) - 1)))]


def timed(client, url, rounds):
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code in (200, 400), (url, response.status_code)  # 400: kept answers
    return statistics.median(timings), percentile(timings, 95)


def counting(queries):
    """An execute wrapper that lists the SQL run (the debug cursor's log may be full)."""

    def wrapper(run, sql, *args):
        queries.append(sql)
        return run(sql, *args)

    return wrapper


def addresses(factors):
    from assessment.models import AssessmentPage
    from cases.models import CaseStudyPage
    from guidance.models import ActivityPage, ArticlePage, QuotePage

    answers = "&".join(f"f{n}-0={n % 4 + 1}" for n in range(1, 7)) + "&vis=1"
    first = {
        model: model.objects.live().order_by("-pk").first()
        for model in (ActivityPage, QuotePage, ArticlePage, CaseStudyPage)
    }
    return [
        ("home", "/"),
        ("factor index", "/suksessfaktorer/"),
        ("factor page", f"/suksessfaktorer/{factors[2].slug}/"),
        ("activity", first[ActivityPage].url),
        ("quote index", "/sitater/"),
        ("quote", first[QuotePage].url),
        ("article index", "/erfaringer/"),
        ("article", first[ArticlePage].url),
        ("case study index", "/casestudier/"),
        ("case study", first[CaseStudyPage].url),
        ("work process", "/arbeidsprosesser/planlegging/"),
        ("process step", "/arbeidsprosesser/planlegging/steg/3/"),
        ("glossary", "/ordliste/"),
        ("self-assessment result", f"{AssessmentPage.objects.get().url}?{answers}"),
        ("Hva er nytt", "/nytt/"),
        ("feed", "/feed/"),
        ("sitemap.xml", "/sitemap.xml"),
        ("search", "/sok/?q=kommune"),
    ]


def main():
    engine = setup_django()
    from lib.pages import build_structure, grow
    from toolkit_bench import add_toolkit

    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    print(f"Scale benchmark on {engine}: every page type, uncached and from the page cache")
    call_command("migrate", verbosity=0)
    nb, factors, indexes, themes, municipalities = build_structure()
    add_toolkit(factors[0].get_parent().get_parent(), nb, factors)
    client = Client()
    started = time.perf_counter()
    for size in grow(SIZES, nb, factors, indexes, themes, municipalities):
        print(f"\n{size:,} guidance pages (built in {time.perf_counter() - started:.0f} s)")
        started = time.perf_counter()
        print(f"  {'page type':24} {'queries':>7} {'uncached p50/p95':>20} {'cached p50/p95':>18}")
        for label, url in addresses(factors):
            settings.VEIVISER_PAGE_CACHE = False
            client.get(url)  # warm the per-process memos
            queries = []
            with connection.execute_wrapper(counting(queries)):
                client.get(url)
            uncached = timed(client, url, ROUNDS)
            settings.VEIVISER_PAGE_CACHE = True
            cache.clear()
            client.get(url)
            cached = timed(client, url, ROUNDS)
            print(
                f"  {label:24} {len(queries):7} {uncached[0]:9.1f} /{uncached[1]:7.1f}"
                f" {cached[0]:8.1f} /{cached[1]:6.1f}"
            )
        settings.VEIVISER_PAGE_CACHE = False


if __name__ == "__main__":
    main()
