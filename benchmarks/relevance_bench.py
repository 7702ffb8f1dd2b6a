"""Benchmark: relevance of the search on the demo content (issue 12, items 2 and 7).

Run from the repository root:
    python benchmarks/relevance_bench.py                      # SQLite, in a temporary file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/veiviser_relevance_bench \\
        python benchmarks/relevance_bench.py                  # PostgreSQL

The database is made from scratch (on PostgreSQL the name must end in «_bench»), the demo is
loaded, and the judged set (tests/search/judged_queries.yaml) is run with each analysis of
``search.relevance.OPTIONS`` (among them the compound lexicons of search/compounds.py:
Apertium's ``lt-proc -e`` on both databases, hunspell-no on PostgreSQL). Prints success@5 and
MRR per option, the load average, where each option ranks a query differently from the kept
analysis, then the queries the kept analysis misses.
"""

import io
import os
import subprocess
import sys
import time
from pathlib import Path

from lib.database import setup_django

KEPT = "all (stems, typos, compounds, Apertium)"


def _place(rank):
    return "—" if rank is None else str(rank + 1)


def main():
    engine = setup_django()
    from django.core.management import call_command
    from django.db import connection

    from search.relevance import OPTIONS, evaluate, lexicon_available, load
    from search.vocabulary import rebuild

    print(f"Relevance benchmark on {engine}")
    call_command("migrate", verbosity=0)
    call_command("load_initial_data", stdout=io.StringIO())
    rebuild()
    judged = load(Path(__file__).resolve().parent.parent / "tests/search/judged_queries.yaml")
    print(f"{len(judged)} judged queries\n")
    print(f"  {'analysis':44} success@5    MRR")
    scores = {}
    for name, options in OPTIONS.items():
        lexicon = options.get("lexicon")
        if lexicon and not lexicon_available(lexicon):
            why = "PostgreSQL with hunspell-no only" if lexicon == "hunspell" else "no Apertium"
            print(f"  {name:44} not measured: {why}")
            continue
        started = time.perf_counter()
        scores[name] = score = evaluate(judged, options)
        seconds = time.perf_counter() - started
        print(f"  {name:44} {score.success:9.3f} {score.mrr:6.3f}   ({seconds:.1f} s)")
    print(f"\nload average: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    after_kept = list(scores)[list(scores).index(KEPT) + 1 :]
    for name in after_kept:
        score = scores[name]
        changed = [
            (item["lang"], item["q"], _place(kept), _place(other))
            for item, kept, other in zip(judged, scores[KEPT].ranks, score.ranks, strict=True)
            if kept != other
        ]
        if changed:
            print(f"\n{name}, where it ranks differently from the kept analysis:")
            for lang, query, kept, other in changed:
                print(f"  [{lang}] {query!r}: {kept} → {other}")
    print("\nMissed by the full analysis:")
    for lang, query, found in scores[KEPT].misses:
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
