import pytest

from django.db import connection
from django.db.backends.base.creation import TEST_DATABASE_PREFIX
from django.utils import translation

from wagtail.models import Locale, Page, Site

from tests.factories.cases import CaseStudyIndexPageFactory
from tests.factories.guidance import (
    ArticleIndexPageFactory,
    FactorIndexPageFactory,
    FactorPageFactory,
    QuoteIndexPageFactory,
)
from tests.factories.website import HomePageFactory


def is_test_database():
    """True when the default connection points at a test database, not the real one."""
    name = str(connection.settings_dict["NAME"])
    test_name = connection.settings_dict["TEST"]["NAME"]  # set by pytest-django under xdist
    if test_name:
        return name == test_name
    if connection.vendor == "sqlite":
        return connection.is_in_memory_db()
    return name.startswith(TEST_DATABASE_PREFIX)


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


@pytest.fixture
def nb(db):
    return Locale.objects.get(language_code="nb")


@pytest.fixture
def nn(db):
    return Locale.objects.get(language_code="nn")


@pytest.fixture
def home(db, nb):
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, locale=nb)
    site = Site.objects.get(is_default_site=True)
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


@pytest.fixture(autouse=True)
def fresh_publication_memos():
    """Each test starts without the per-process memos of public content another test built."""
    from core import publication

    publication.forget()
    yield


@pytest.fixture(autouse=True)
def default_language_afterwards():
    """Requests to /nn/ leave nynorsk active in this thread; later tests expect the default."""
    yield
    translation.deactivate()
