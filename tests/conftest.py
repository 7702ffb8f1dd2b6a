import os
import shutil

import pytest

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
