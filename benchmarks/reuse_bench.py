"""Benchmark: the read API, the Atom feeds and «Hva er nytt» at 1,000 and 10,000 pages.

Run from the repository root:
    python benchmarks/reuse_bench.py                       # SQLite, in a temporary file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/veiviser_reuse_bench \\
        python benchmarks/reuse_bench.py                   # PostgreSQL

The database is made from scratch as for benchmarks/search_bench.py. Prints, per size and
address, the median and 95th percentile in process (Django's test client) and the number of
database queries, which must not grow with the size of the site.
"""

import os

from lib.database import setup_django

SIZES = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "1000,10000").split(","))
ROUNDS = 20
ADDRESSES = [
    ("API: pages", "/api/v2/pages/"),
    (
        "API: quotes on factor 3, all fields",
        "/api/v2/pages/?type=guidance.QuotePage&factor=3&fields=*",
    ),
    ("API: theme, 20 a page", "/api/v2/pages/?theme=boligkontor&limit=20"),
    ("API: factors with activities", "/api/v2/pages/?type=guidance.FactorPage&fields=activities"),
    ("feed: whole site", "/feed/"),
    ("feed: factor", "/feed/faktor/{factor}/"),
    ("feed: theme", "/feed/tema/boligkontor/"),
    ("Hva er nytt", "/nytt/"),
]


def main():
    engine = setup_django()
    from lib.measure import measure_addresses
    from lib.pages import build_structure, grow

    from django.core.management import call_command
    from django.test import Client

    from reuse.api import ReaderThrottle

    ReaderThrottle.rate = "1000000/minute"  # measure the work, not the throttle
    print(f"Reuse benchmark (API, feeds, Hva er nytt) on {engine}")
    call_command("migrate", verbosity=0)
    nb, factors, indexes, themes, municipalities = build_structure()
    client = Client()
    for size in grow(SIZES, nb, factors, indexes, themes, municipalities):
        print(f"\n{size:,} guidance pages")
        addresses = [(label, url.format(factor=factors[2].slug)) for label, url in ADDRESSES]
        measure_addresses(client, addresses, ROUNDS)


if __name__ == "__main__":
    main()
