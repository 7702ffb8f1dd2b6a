"""Guidance pages in bulk: tree paths computed directly, as treebeard would, without saves."""

import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from wagtail.models import Locale, Page, Site

from cases.models import CaseStudyIndexPage, CaseStudyPage
from demo import content as demo
from guidance.models import (
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
from website.models import HomePage

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


def refresh_after_bulk_insert():
    """What a bulk insert skips: the publication stamp (memos of public content rebuild) and,
    on PostgreSQL, the planner's statistics (autovacuum would gather them later)."""
    from core import publication

    publication.renew()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def grow(sizes, nb, factors, indexes, themes, municipalities):
    """Yield each of ``sizes`` once the site holds that many generated guidance pages."""
    made = 0
    for size in sizes:
        add_pages(size - made, nb, factors, indexes, themes, municipalities)
        made = size
        refresh_after_bulk_insert()
        yield size
