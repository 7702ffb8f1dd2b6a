"""Every public page type costs at most 15 queries, in bokmål and nynorsk, and as many with
~2,000 pages as with the demo's ~100 (issue 13; core/pages.py).

The demo content is loaded once for the module in a transaction rolled back after it; each URL
is measured warm (the per-process memos built, as on a running site), then the site grows to
about 2,000 pages and every URL is measured again.
"""

import io
import re

import pytest

from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page

from assessment.models import AssessmentPage
from core import publication
from guidance.models import (
    ArticleIndexPage,
    ArticlePage,
    FactorPage,
    ProcessPage,
    QuoteIndexPage,
    QuotePage,
    Theme,
)

LIMIT = 15
SAVEPOINT = re.compile(r"(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT) ")
GROWN_TO = 2_000


def page_type_urls():
    """One address per page type and language, and the site's other public views."""
    urls = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
        urls.setdefault(f"{type(page).__name__} {page.locale.language_code}", page.url)
    for code in ("nb", "nn"):
        prefix = "" if code == "nb" else "/nn"
        process = ProcessPage.objects.live().filter(locale__language_code=code).first()
        if process is not None:
            urls[f"process step {code}"] = f"{process.url}steg/1/"
        assessment = AssessmentPage.objects.live().filter(locale__language_code=code).first()
        if assessment is not None:
            answers = "&".join(f"f{n}-{i}=2" for n in range(1, 7) for i in range(3))
            urls[f"assessment result {code}"] = f"{assessment.url}?{answers}&vis=1"
        factor = FactorPage.objects.live().filter(locale__language_code=code).first()
        theme = Theme.objects.filter(locale__language_code=code, live=True).first()
        urls[f"whats new {code}"] = f"{prefix}/nytt/"
        urls[f"feed {code}"] = f"{prefix}/feed/"
        urls[f"factor feed {code}"] = f"{prefix}/feed/faktor/{factor.slug}/"
        if theme is not None:
            urls[f"theme page {code}"] = f"{prefix}/tema/{theme.slug}/"
            urls[f"theme feed {code}"] = f"{prefix}/feed/tema/{theme.slug}/"
        urls[f"search {code}"] = f"{prefix}/sok/?q=bolig"
    urls["sitemap"] = "/sitemap.xml"
    return urls


def measure(urls):
    """Queries per address; and what would keep a shared cache from storing the response."""
    client = Client()
    counts, uncacheable = {}, {}
    for name, url in urls.items():
        client.get(url)  # warm the per-process memos, as a running site has them
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        # The module's content lives in one transaction, so an outermost atomic block in the
        # code (the search guards its full-text query with one) shows up as SAVEPOINT/RELEASE;
        # served without ATOMIC_REQUESTS, as the site is, such a block is a transaction of its
        # own (BEGIN/COMMIT, no savepoints), so savepoints are the test's, not the site's.
        counts[name] = sum(
            1 for query in captured.captured_queries if not SAVEPOINT.match(query["sql"])
        )
        problems = []
        if response.cookies:
            problems.append(f"Set-Cookie {sorted(response.cookies)}")
        if "cookie" in response.get("Vary", "").lower():
            problems.append("Vary: Cookie")
        if "public" not in response.get("Cache-Control", "") or not response.get("ETag"):
            problems.append(f"Cache-Control {response.get('Cache-Control')!r}, no ETag")
        if problems:
            uncacheable[name] = problems
    counts["uncacheable"] = uncacheable
    return counts


def grow(total):
    """Articles and quotes in both languages, linked to the first factor, up to ``total`` pages."""
    first_factor = {
        code: FactorPage.objects.get(locale__language_code=code, number=1) for code in ("nb", "nn")
    }
    per_kind = max(0, (total - Page.objects.count()) // 4)
    for code in ("nb", "nn"):
        locale = Locale.objects.get(language_code=code)
        articles = ArticleIndexPage.objects.get(locale=locale)
        quotes = QuoteIndexPage.objects.get(locale=locale)
        made_articles, made_quotes = [], []
        for n in range(per_kind):
            made_articles.append(
                articles.add_child(
                    instance=ArticlePage(
                        title=f"Vekst {n}", slug=f"vekst-{n}", lead="Ledd.", locale=locale
                    )
                )
            )
            made_quotes.append(
                quotes.add_child(
                    instance=QuotePage(
                        title=f"Sitat {n}",
                        slug=f"sitat-{n}",
                        quote="Sitat.",
                        organisation="KS",
                        locale=locale,
                    )
                )
            )
        factor = first_factor[code]
        ArticlePage.factors.through.objects.bulk_create(
            ArticlePage.factors.through(articlepage=page, factorpage=factor)
            for page in made_articles
        )
        QuotePage.factors.through.objects.bulk_create(
            QuotePage.factors.through(quotepage=page, factorpage=factor) for page in made_quotes
        )
    publication.renew()


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_initial_data", stdout=io.StringIO())
        publication.forget()
        urls = page_type_urls()
        small = measure(urls), Page.objects.count()
        grow(GROWN_TO)
        large = measure(urls), Page.objects.count()
        transaction.set_rollback(True)
    publication.forget()
    return urls, small, large


def test_every_page_type_is_measured(counts):
    urls, _small, _large = counts
    names = {name.rsplit(" ", 1)[0] for name in urls}
    for expected in (
        "HomePage",
        "FactorIndexPage",
        "FactorPage",
        "ActivityPage",
        "QuoteIndexPage",
        "QuotePage",
        "ArticleIndexPage",
        "ArticlePage",
        "CaseStudyIndexPage",
        "CaseStudyPage",
        "InformationPage",
        "ProcessIndexPage",
        "ProcessPage",
        "process step",
        "GlossaryPage",
        "AssessmentPage",
        "assessment result",
        "whats new",
        "feed",
        "factor feed",
        "theme page",
        "search",
    ):
        assert expected in names, expected
    assert any(name.endswith(" nn") for name in urls)


def test_every_page_type_costs_at_most_15_queries(counts):
    _urls, (small, pages), _large = counts
    assert pages < 200
    small = {name: n for name, n in small.items() if name != "uncacheable"}
    over = {name: n for name, n in small.items() if n > LIMIT}
    assert not over, over


def test_queries_stay_the_same_with_2000_pages(counts):
    _urls, (small, _), (large, pages) = counts
    assert pages >= GROWN_TO * 0.95
    small, large = dict(small), dict(large)
    small.pop("uncacheable"), large.pop("uncacheable")
    changed = {name: (small[name], large[name]) for name in small if small[name] != large[name]}
    assert not changed, changed


def test_anonymous_pages_set_no_cookie_and_may_be_cached_by_anyone(counts):
    """No Set-Cookie, no Vary: Cookie, Cache-Control public and an ETag on every page type."""
    _urls, (small, _), (large, _) = counts
    assert small["uncacheable"] == {}
    assert large["uncacheable"] == {}
