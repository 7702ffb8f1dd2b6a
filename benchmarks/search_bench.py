"""Benchmark: search latency and factor-page cost with 1,000 and 10,000 guidance pages.

Run from the repository root:
    python benchmarks/search_bench.py                      # SQLite, in a temporary file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/veiviser_search_bench \\
        python benchmarks/search_bench.py                  # PostgreSQL

The database is created from scratch: on PostgreSQL the script drops and recreates the database
named in DATABASE_URL, and refuses any name that does not end in «_bench». Pages are bulk-inserted
(tree paths computed directly, as treebeard would) and then indexed with ``update_index``.
Prints, per size: median and 95th percentile of /sok/ over a fixed query mix, without and with
facets, the number of database queries per search, on PostgreSQL the same for misspelt queries
(corrected against the word list), and the query count and time of a factor page.
With BENCH_NYNORSK=1 every page also gets a nynorsk alias, as on the real site (twice the pages
and index entries), and /nn/sok/ is measured with facets as well.
"""

import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "website.settings.test"

# BENCH_SIZES=1000 for a quick run; BENCH_NYNORSK=1 adds a nynorsk alias of every page (as the
# site has them) and measures /nn/sok/ too.
SIZES = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "1000,10000").split(","))
NYNORSK = os.environ.get("BENCH_NYNORSK") == "1"
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
WORDS = [
    "kommune",
    "kommunene",
    "kommunane",
    "bolig",
    "boliger",
    "bustad",
    "boligkontor",
    "boligsosialt",
    "arbeid",
    "tverrfaglig",
    "samarbeid",
    "ledelse",
    "forankring",
    "strategi",
    "planarbeid",
    "vanskeligstilte",
    "bostøtte",
    "startlån",
    "husbanken",
    "nav",
    "helse",
    "tjenester",
    "oppfølging",
    "hjemmet",
    "leietaker",
    "utleiebolig",
    "kompetanse",
    "kartlegging",
    "brukermedvirkning",
    "samordning",
    "organisering",
    "mål",
    "tiltak",
    "erfaring",
    "rus",
    "psykisk",
    "helse",
    "barn",
    "unge",
    "familier",
    "flyktninger",
    "bosetting",
    "økonomi",
    "rådgivning",
    "plan",
    "politikk",
    "ansvar",
    "rolle",
    "fordeling",
    "innsats",
    "resultat",
    "evaluering",
    "prosjekt",
    "program",
    "nettverk",
]


def prepare_database():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        path = Path(tempfile.mkdtemp(prefix="veiviser-bench-")) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        return "SQLite", path
    name = urlparse(url).path.lstrip("/")
    if not name.endswith("_bench"):
        sys.exit(f"Refusing to recreate {name!r}: use a database whose name ends in _bench.")
    import psycopg

    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return "PostgreSQL", None


ENGINE, SQLITE_PATH = prepare_database()

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from wagtail.models import Locale, Page, Site  # noqa: E402

from cases.models import CaseStudyIndexPage, CaseStudyPage  # noqa: E402
from core import publication  # noqa: E402
from demo import content as demo  # noqa: E402
from guidance.models import (  # noqa: E402
    ActivityPage,
    ArticleIndexPage,
    ArticlePage,
    FactorIndexPage,
    FactorPage,
    Municipality,
    QuoteIndexPage,
    QuotePage,
    Theme,
)
from website.models import HomePage  # noqa: E402

rng = random.Random(4)


def sentence(n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def build_structure():
    nb = Locale.objects.get(language_code="nb")
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Veiviser", slug="veiviser", locale=nb))
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.pk != home.pk:
        old_root.delete()
    factor_index = home.add_child(
        instance=FactorIndexPage(title="Suksessfaktorer", slug="suksessfaktorer", locale=nb)
    )
    factors = [
        factor_index.add_child(
            instance=FactorPage(
                title=f"Faktor {n}",
                slug=f"faktor-{n}",
                number=n,
                locale=nb,
                desired_state=sentence(15),
            )
        )
        for n in range(1, 7)
    ]
    indexes = {
        model: home.add_child(instance=model(title=slug.title(), slug=slug, locale=nb))
        for model, slug in (
            (QuoteIndexPage, "sitater"),
            (ArticleIndexPage, "erfaringer"),
            (CaseStudyIndexPage, "casestudier"),
        )
    }
    themes = [
        Theme.objects.create(locale=nb, slug=slug, name=names[0])
        for slug, names in demo.THEMES.items()
    ]
    municipalities = [
        Municipality.objects.create(name=f"Kommune {n}", number=f"{1000 + n:04d}", county="X")
        for n in range(40)
    ]
    return nb, factors, indexes, themes, municipalities


def insert_pages(parent, model, pages, specific_fields):
    """Insert ``pages`` (unsaved, without tree fields) as live children of ``parent``."""
    parent.refresh_from_db()
    ct = ContentType.objects.get_for_model(model)
    start = parent.numchild
    for i, page in enumerate(pages):
        page.path = Page._get_path(parent.path, parent.depth + 1, start + i + 1)
        page.depth, page.numchild, page.content_type = parent.depth + 1, 0, ct
        page.live, page.has_unpublished_changes = True, False
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
    Page.objects.bulk_create(pages, batch_size=500)
    if connection.vendor == "sqlite":  # no RETURNING ids from bulk_create on every version
        by_path = dict(
            Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk")
        )
        for page in pages:
            page.pk = page.id = by_path[page.path]
    specific = []
    for page, fields in zip(pages, specific_fields, strict=True):
        obj = model(page_ptr_id=page.pk, **fields)
        obj.pk = page.pk
        specific.append(obj)
    fields = list(model._meta.local_concrete_fields)
    for i in range(0, len(specific), 500):
        model._base_manager._insert(specific[i : i + 500], fields=fields, raw=True)
    Page.objects.filter(pk=parent.pk).update(numchild=start + len(pages))
    return [p.pk for p in pages]


def bulk_pages(parent, model, count, make_fields, nb):
    """Insert ``count`` live children of ``parent`` without per-page saves."""
    parent.refresh_from_db()
    now = timezone.now()
    pages = []
    for i in range(count):
        published = now - timezone.timedelta(days=rng.randint(0, 3650))
        pages.append(
            Page(
                title=sentence(rng.randint(3, 7))[:-1],
                slug=f"{model._meta.model_name}-{parent.pk}-{parent.numchild + i + 1}",
                first_published_at=published,
                last_published_at=published,
                locale=nb,
                translation_key=uuid.uuid4(),
            )
        )
    fields = [{"original_language": "nb", **make_fields()} for _ in pages]
    return insert_pages(parent, model, pages, fields)


RELATIONS = {"factors": "factorpage", "themes": "theme", "municipalities": "municipality"}


def add_aliases(nn, structure):
    """A nynorsk alias of every bokmål page not yet aliased, as the site makes them."""
    for source_parent in structure:
        source_parent.refresh_from_db()  # get_children() trusts numchild
        parent = source_parent.get_translation_or_none(nn)
        if parent is None:
            parent = source_parent.copy_for_translation(nn, copy_parents=True, alias=True)
        aliased = Page.objects.filter(locale=nn, alias_of__isnull=False).values("alias_of_id")
        children = source_parent.get_children().exclude(pk__in=aliased)
        for model in (ActivityPage, QuotePage, ArticlePage, CaseStudyPage):
            sources = list(model.objects.filter(pk__in=children.type(model).values("pk")))
            if not sources:
                continue
            pages = [
                Page(
                    title=src.title,
                    slug=src.slug,
                    first_published_at=src.first_published_at,
                    last_published_at=src.last_published_at,
                    locale=nn,
                    translation_key=src.translation_key,
                    alias_of_id=src.pk,
                )
                for src in sources
            ]
            own = [f for f in model._meta.local_concrete_fields if not f.primary_key]
            fields = [{f.attname: getattr(src, f.attname) for f in own} for src in sources]
            alias_of = dict(
                zip(
                    (src.pk for src in sources),
                    insert_pages(parent, model, pages, fields),
                    strict=True,
                )
            )
            for relation, target in RELATIONS.items():
                if not hasattr(model, relation):
                    continue
                through = getattr(model, relation).through
                source = model._meta.model_name
                pairs = through.objects.filter(**{f"{source}_id__in": alias_of}).values_list(
                    f"{source}_id", f"{target}_id"
                )
                link(model, relation, target, [(alias_of[a], b) for a, b in pairs])


def link(model, relation, target_field, pairs):
    through = getattr(model, relation).through
    source = model._meta.model_name
    through.objects.bulk_create(
        [through(**{f"{source}_id": a, f"{target_field}_id": b}) for a, b in pairs],
        batch_size=1000,
    )


def add_pages(count, nb, factors, indexes, themes, municipalities):
    shares = {ActivityPage: 0.3, QuotePage: 0.25, ArticlePage: 0.25, CaseStudyPage: 0.2}
    for model, share in shares.items():
        n = int(count * share)
        if model is ActivityPage:
            ids = []
            for i, factor in enumerate(factors):
                k = n // 6 + (1 if i < n % 6 else 0)
                ids += bulk_pages(
                    factor, model, k, lambda: {"summary": sentence(25), "body": "[]"}, nb
                )
        else:
            parent = indexes[
                {QuotePage: QuoteIndexPage, ArticlePage: ArticleIndexPage}.get(
                    model, CaseStudyIndexPage
                )
            ]
            makers = {
                QuotePage: lambda: {
                    "quote": sentence(30),
                    "municipality_id": rng.choice(municipalities).pk,
                    "organisation": "",
                    "role": "",
                    "source": "Erfaringer fra kommuneprogrammet",
                },
                ArticlePage: lambda: {
                    "lead": sentence(30),
                    "body": '[{"type": "paragraph", "value": "<p>' + sentence(120) + '</p>"}]',
                },
                CaseStudyPage: lambda: {
                    "summary": "<p>" + sentence(60) + "</p>",
                    "year": rng.randint(2005, 2025),
                    "publisher": "NOVA",
                    "main_findings": "[]",
                    "publication_type": "report",
                },
            }
            ids = bulk_pages(parent, model, n, makers[model], nb)
            link(
                model,
                "factors",
                "factorpage",
                [(pk, f.pk) for pk in ids for f in rng.sample(factors, rng.randint(1, 2))],
            )
            if model is CaseStudyPage:
                link(
                    model,
                    "municipalities",
                    "municipality",
                    [(pk, m.pk) for pk in ids for m in rng.sample(municipalities, 2)],
                )
        link(
            model,
            "themes",
            "theme",
            [(pk, t.pk) for pk in ids for t in rng.sample(themes, rng.randint(1, 3))],
        )


def percentile(values, pct):
    values = sorted(values)
    return values[min(len(values) - 1, round(pct / 100 * (len(values) - 1)))]


def measure_search(client, facets, url="/sok/"):
    timings, query_counts = [], []
    for query in QUERIES:  # warm-up round, not counted
        client.get(url, {"q": query})
    for _ in range(ROUNDS):
        for i, query in enumerate(QUERIES):
            params = {"q": query, **(FACETS[i % len(FACETS)] if facets else {})}
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                response = client.get(url, params)
                timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (params, response.status_code)
            query_counts.append(len(ctx))
    return timings, query_counts


def measure_typos(client):
    for query in TYPOS:  # warm-up: the first one also builds the word list
        client.get("/sok/", {"q": query})
    timings = []
    for _ in range(ROUNDS):
        for query in TYPOS:
            start = time.perf_counter()
            response = client.get("/sok/", {"q": query})
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
    return timings


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


def main():
    print(f"Search benchmark on {ENGINE}")
    call_command("migrate", verbosity=0)
    nb, factors, indexes, themes, municipalities = build_structure()
    if NYNORSK:
        nn = Locale.objects.get(language_code="nn")
        for theme in themes:
            theme.copy_for_translation(nn).save()
    client = Client()
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
        # The bulk insert bypassed the signals that tell memos of public content to rebuild.
        publication.renew()
        if connection.vendor == "postgresql":
            # Bulk inserts leave the planner without statistics; autovacuum would gather them.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        reset_queries()
        pages = Page.objects.count()
        print(
            f"\n{size:,} guidance pages ({pages:,} pages in all): "
            f"inserted in {built:.1f} s, indexed in {indexed:.1f} s"
        )
        searches = [("without facets", False, "/sok/"), ("with facets", True, "/sok/")]
        if NYNORSK:
            searches.append(("nn, facets", True, "/nn/sok/"))
        for label, facets, url in searches:
            timings, counts = measure_search(client, facets, url)
            print(
                f"  search {label:15} median {statistics.median(timings):6.1f} ms   "
                f"p95 {percentile(timings, 95):6.1f} ms   "
                f"queries {min(counts)}–{max(counts)}   (n={len(timings)})"
            )
        if connection.vendor == "postgresql":
            timings = measure_typos(client)
            print(
                f"  search with typos       median {statistics.median(timings):6.1f} ms   "
                f"p95 {percentile(timings, 95):6.1f} ms   (corrected against the word list)"
            )
        publication.renew()  # what publishing does: every memo of public content is rebuilt
        start = time.perf_counter()
        client.get("/sok/", {"q": "kommune", "factor": "3"})
        print(
            f"  first search after a publish (facet values rebuilt): "
            f"{(time.perf_counter() - start) * 1000:.0f} ms"
        )
        queries, median = measure_factor_page(client)
        print(f"  factor page            median {median:6.1f} ms   queries {queries}")


if __name__ == "__main__":
    main()
