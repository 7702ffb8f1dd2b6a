import os
import shutil

import pytest

from django.db import connection
from django.db.backends.base.creation import TEST_DATABASE_PREFIX

from wagtail.models import Locale, Page, Site

from cases.factories import CaseStudyIndexPageFactory
from guidance.factories import (
    ArticleIndexPageFactory,
    FactorIndexPageFactory,
    FactorPageFactory,
    QuoteIndexPageFactory,
)
from website.factories import HomePageFactory

# In CI every test must run: a missing browser or translator is a failure, not a skip.
STRICT = os.environ.get("VEIVISER_STRICT_SKIPS") == "1"


def require_binary(path, packages):
    """Skip (or in CI, fail) when a Debian-packaged binary the test needs is missing."""
    if shutil.which(path) or os.path.exists(path):
        return
    reason = f"{path} is not installed (Debian packages: {packages})"
    if STRICT:
        pytest.fail(reason)
    pytest.skip(reason)


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
    tests/browser.py), so when they run alone it is created here.
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


def nynorsk_alias(page, nn):
    """The page's nynorsk counterpart as the site creates it before translation: an alias."""
    return page.copy_for_translation(nn, copy_parents=True, alias=True).specific


@pytest.fixture(autouse=True)
def fresh_publication_memos():
    """Each test starts without the per-process memos of public content another test built."""
    from website import publication

    publication.forget()
    yield
