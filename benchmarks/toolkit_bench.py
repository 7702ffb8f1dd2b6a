"""Benchmark: the toolkit pages (work process, glossary, «Hvor står vi?») at 1,000 and 10,000 pages.

Run from the repository root:
    python benchmarks/toolkit_bench.py                     # SQLite, in a temporary file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/veiviser_toolkit_bench \\
        python benchmarks/toolkit_bench.py                 # PostgreSQL

The site is built as for benchmarks/search_bench.py, plus a work process of 7 steps that link
activities and factors, a glossary of 20 terms used in the factors' text, and the
self-assessment. Prints the median and 95th percentile in process (Django's test client) and
the number of queries, which must not grow with the size of the site. The generated site has
up to 500 activities per factor, so the self-assessment lists far more statements than a real
one; its time grows with them, its queries must not.
"""

import json
import os

from lib.database import setup_django

SIZES = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "1000,10000").split(","))
ROUNDS = 20
TERMS = ["forankring", "brukermedvirkning", "boligsosialt arbeid", "kommuneplan", "startlån"]


def add_toolkit(home, nb, factors):
    from assessment.models import AssessmentPage
    from glossary.models import GlossaryPage, Term
    from guidance.models import ActivityPage, ProcessIndexPage, ProcessPage

    for n in range(20):
        term = TERMS[n % len(TERMS)] + ("" if n < len(TERMS) else f" {n}")
        Term.objects.create(locale=nb, term=term, definition=f"Forklaring av {term}.")
    home.add_child(instance=GlossaryPage(title="Ordliste", slug="ordliste", locale=nb))
    home.add_child(instance=AssessmentPage(title="Hvor står vi?", slug="hvor-star-vi", locale=nb))
    index = home.add_child(
        instance=ProcessIndexPage(title="Arbeidsprosesser", slug="arbeidsprosesser", locale=nb)
    )
    steps = []
    for n, factor in enumerate(factors, 1):
        activity = ActivityPage.objects.child_of(factor).first()
        text = f"<p>Om forankring og brukermedvirkning i steg {n}.</p>"
        steps.append(
            {
                "type": "step",
                "value": {
                    "title": f"Steg {n}",
                    "what_to_do": text,
                    "participants": "Ledelsen og tjenestene",
                    "outcome": "Et vedtak",
                    "activities": [activity.pk] if activity else [],
                    "factors": [factor.pk],
                    "resources": [],
                },
            }
        )
    process = ProcessPage(
        title="Helhetlig planlegging", slug="planlegging", lead="Om planlegging.", locale=nb
    )
    process.steps = json.dumps(steps)
    index.add_child(instance=process)
    for factor in factors:  # terms to mark on the factor pages
        factor.body = json.dumps(
            [{"type": "paragraph", "value": "<p>Forankring og kommuneplan i praksis.</p>"}]
        )
        factor.save_revision().publish()


def main():
    engine = setup_django()
    from lib.measure import measure_addresses
    from lib.pages import build_structure, grow

    from django.core.management import call_command
    from django.test import Client

    print(f"Toolkit benchmark (work process, glossary, self-assessment) on {engine}")
    call_command("migrate", verbosity=0)
    nb, factors, indexes, themes, municipalities = build_structure()
    add_toolkit(factors[0].get_parent().get_parent(), nb, factors)
    answers = "&".join(f"f{n}-0={n % 4 + 1}" for n in range(1, 7)) + "&vis=1"
    addresses = [
        ("work process, whole", "/arbeidsprosesser/planlegging/"),
        ("work process, step 3", "/arbeidsprosesser/planlegging/steg/3/"),
        ("work process overview", "/arbeidsprosesser/"),
        ("glossary", "/ordliste/"),
        ("factor page with glossary terms", f"/suksessfaktorer/{factors[2].slug}/"),
        ("self-assessment form", "/hvor-star-vi/"),
        ("self-assessment, answers in address", f"/hvor-star-vi/?{answers}"),
    ]
    client = Client()
    for size in grow(SIZES, nb, factors, indexes, themes, municipalities):
        print(f"\n{size:,} guidance pages")
        measure_addresses(client, addresses, ROUNDS)


if __name__ == "__main__":
    main()
