"""Benchmark: relevance of the search on the demo content (issue 12, items 2 and 7).

Run from the repository root:
    python benchmarks/relevance_bench.py                      # SQLite, in a temporary file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/veiviser_relevance_bench \\
        python benchmarks/relevance_bench.py                  # PostgreSQL

The database is made from scratch (on PostgreSQL the name must end in «_bench»), the demo is
loaded, and the judged set (tests/search/judged_queries.yaml) is run with each analysis of
``search.relevance.OPTIONS``. Prints success@5 and MRR per option, then the queries the full
analysis misses.
"""

import io
import os
import subprocess
import sys
from pathlib import Path

from lib.database import setup_django


def main():
    engine = setup_django()
    from django.core.management import call_command
    from django.db import connection

    from search.relevance import OPTIONS, evaluate, load
    from search.vocabulary import rebuild

    print(f"Relevance benchmark on {engine}")
    call_command("migrate", verbosity=0)
    call_command("load_initial_data", stdout=io.StringIO())
    rebuild()
    judged = load(Path(__file__).resolve().parent.parent / "tests/search/judged_queries.yaml")
    print(f"{len(judged)} judged queries\n")
    print(f"  {'analysis':44} success@5    MRR")
    score = None
    for name, options in OPTIONS.items():
        score = evaluate(judged, options)
        print(f"  {name:44} {score.success:9.3f} {score.mrr:6.3f}")
    if not any(Path(f"/usr/share/hunspell/{d}.dic").exists() for d in ("nb_NO", "nn_NO")):
        print(f"  {'hunspell-no (PostgreSQL ispell dictionary)':44} not measured: not installed")
    print("\nMissed by the full analysis:")
    for lang, query, found in score.misses:
        print(f"  [{lang}] {query!r}: {found}")
    if connection.vendor == "sqlite" and "POSTGRES_BENCH_URL" not in os.environ:
        postgres = os.environ.get(
            "RELEVANCE_BENCH_POSTGRES",
            "postgres://postgres@127.0.0.1:5432/veiviser_relevance_bench",
        )
        print("\n")
        env = {**os.environ, "DATABASE_URL": postgres, "POSTGRES_BENCH_URL": "1"}
        subprocess.run([sys.executable, __file__], env=env, check=False)


if __name__ == "__main__":
    main()
