import pytest

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.backends.base.creation import TEST_DATABASE_PREFIX
from django.utils import translation

from wagtail.models import Locale, Page, Site

from tests.factories.cases import CaseStudyIndexPageFactory, CaseStudyPageFactory
from tests.factories.guidance import (
    ActivityPageFactory,
    ArticleIndexPageFactory,
    ArticlePageFactory,
    FactorIndexPageFactory,
    FactorPageFactory,
    MunicipalityFactory,
    QuoteIndexPageFactory,
    QuotePageFactory,
    ThemeFactory,
)
from tests.factories.website import HomePageFactory
from tests.helpers import nynorsk_alias, publish


def is_test_database():
    """True when the default connection points at a test database, not the real one."""
    name = str(connection.settings_dict["NAME"])
    test_name = connection.settings_dict["TEST"]["NAME"]  # set by pytest-django under xdist
    if test_name:
        return name == test_name
    if connection.vendor == "sqlite":
        return connection.is_in_memory_db()
    return name.startswith(TEST_DATABASE_PREFIX)


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


def pytest_collection_modifyitems(items):
    """Transactional tests (servers in other processes read committed rows) end with a flush
    that empties the database of what the migrations put there; they run last, so the tests
    after them on the same worker (pytest-xdist --dist loadfile) do not miss it. xdist keeps
    this order only with --no-loadscope-reorder (pyproject.toml); by default it runs the files
    with most tests first, which put a transactional file in the middle."""
    items.sort(key=is_transactional)  # stable: the order within each group is kept


@pytest.fixture(scope="session")
def test_database(request, django_db_setup, django_db_blocker):
    """The test database, for fixtures that share database content between tests.

    pytest-django creates it only when a selected test is marked ``django_db`` (or uses
    ``db``, ``transactional_db`` or ``live_server``); the browser tests are not (see
    tests/website/conftest.py), so when they run alone it is created here.
    """
    from django.test.utils import setup_databases, teardown_databases

    created = None
    with django_db_blocker.unblock():
        if not is_test_database():
            created = setup_databases(
                verbosity=request.config.option.verbose, interactive=False, aliases={"default"}
            )
        assert is_test_database(), connection.settings_dict["NAME"]
    yield
    if created is not None:
        with django_db_blocker.unblock():
            teardown_databases(created, verbosity=request.config.option.verbose)


# The locales come from a data migration; a test on a transactional database (a live server)
# flushes them away for the tests after it on the same worker, so they are made again if gone.
@pytest.fixture
def nb(db):
    return Locale.objects.get_or_create(language_code="nb")[0]


@pytest.fixture
def nn(db):
    return Locale.objects.get_or_create(language_code="nn")[0]


@pytest.fixture
def home(db, nb, nn):  # both languages, as the migrations leave them
    # The root page and the default site come from migrations; after a transactional test's
    # flush (see pytest_collection_modifyitems) they are made again.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=nb)
    )
    home = HomePageFactory(parent=root, locale=nb)
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def tree(home):
    """The bare page structure of the site in bokmål."""

    class Tree:
        pass

    t = Tree()
    t.home = home
    t.factor_index = FactorIndexPageFactory(parent=home)
    t.factors = [
        FactorPageFactory(parent=t.factor_index, number=n, title=f"Faktor {n}", slug=f"faktor-{n}")
        for n in range(1, 7)
    ]
    t.quote_index = QuoteIndexPageFactory(parent=home)
    t.article_index = ArticleIndexPageFactory(parent=home)
    t.case_index = CaseStudyIndexPageFactory(parent=home)
    return t


@pytest.fixture
def content(tree, nb, nn):
    """A page of each searchable type on factor 3, with themes and municipalities (search,
    theme pages)."""
    f1, f3 = tree.factors[0], tree.factors[2]
    boligkontor = ThemeFactory(name="Boligkontor", slug="boligkontor", locale=nb)
    ledelse = ThemeFactory(name="Ledelse", slug="ledelse", locale=nb)
    hamar = MunicipalityFactory(name="Hamar kommune", number="3403")
    alta = MunicipalityFactory(name="Alta kommune", number="5601")
    activity = publish(
        ActivityPageFactory(
            parent=f3,
            title="Tydelig ansvarsfordeling",
            summary="Kommunen fordeler ansvaret mellom tjenestene.",
        ),
        themes=[boligkontor],
    )
    quote = publish(
        QuotePageFactory(
            parent=tree.quote_index,
            title="Hamar om samarbeid",
            quote="Vi lykkes i kommunen når vi jobber tverrfaglig og tverretatlig.",
            municipality=hamar,
        ),
        factors=[f3],
        themes=[boligkontor],
    )
    article = publish(
        ArticlePageFactory(
            parent=tree.article_index,
            title="Ledelse i kommunen",
            lead="Ledere i kommunen forankrer arbeidet.",
        ),
        factors=[f1, f3],
        themes=[ledelse],
    )
    case = publish(
        CaseStudyPageFactory(
            parent=tree.case_index,
            title="Fire casestudiar",
            summary="<p>Korleis kan kommunen samordne innsatsen?</p>",
            year=2011,
        ),
        factors=[f3],
        themes=[boligkontor],
        municipalities=[hamar, alta],
    )
    pages = {"activity": activity, "quote": quote, "article": article, "case": case}
    return {"factors": tree.factors, "themes": [boligkontor, ledelse], **pages}


@pytest.fixture
def nynorsk(content, nn):
    """Every page also in nynorsk, as the untranslated aliases the site creates."""
    for factor in content["factors"]:
        nynorsk_alias(factor, nn)
    aliases = {
        name: nynorsk_alias(content[name], nn) for name in ("activity", "quote", "article", "case")
    }
    theme = content["themes"][0].copy_for_translation(nn)
    theme.name, theme.slug = "Bustadkontor", "bustadkontor"
    theme.save()
    return {**aliases, "theme": theme}


@pytest.fixture(autouse=True)
def fresh_content_types():
    """Each test starts with no content type cached, as if it ran alone: a flush (after a
    transactional test, or a browser module's restore) may have given them new ids."""
    ContentType.objects.clear_cache()
    yield


@pytest.fixture(autouse=True)
def fresh_publication_memos():
    """Each test starts without the per-process memos of public content another test built."""
    from core import page_cache, publication

    publication.forget()
    page_cache.forget()
    yield


@pytest.fixture(autouse=True)
def default_language_afterwards():
    """Requests to /nn/ leave nynorsk active in this thread; later tests expect the default."""
    yield
    translation.deactivate()
