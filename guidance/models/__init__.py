from .articles import ArticleIndexPage, ArticlePage
from .base import GuidancePage, TaggedGuidancePage, ThemedGuidancePage
from .factors import ActivityPage, FactorIndexPage, FactorPage
from .quotes import QuoteIndexPage, QuotePage
from .snippets import Directorate, Municipality, Theme

__all__ = [
    "ActivityPage",
    "ArticleIndexPage",
    "ArticlePage",
    "Directorate",
    "FactorIndexPage",
    "FactorPage",
    "GuidancePage",
    "Municipality",
    "QuoteIndexPage",
    "QuotePage",
    "TaggedGuidancePage",
    "Theme",
    "ThemedGuidancePage",
]
