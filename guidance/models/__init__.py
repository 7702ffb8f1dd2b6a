from .articles import ArticleIndexPage, ArticlePage
from .base import FactorLinkedPage, GuidancePage, ThemeLinkedPage
from .factors import ActivityPage, FactorIndexPage, FactorPage
from .quotes import QuoteIndexPage, QuotePage
from .snippets import Municipality, Theme

__all__ = [
    "ActivityPage",
    "ArticleIndexPage",
    "ArticlePage",
    "FactorIndexPage",
    "FactorPage",
    "GuidancePage",
    "Municipality",
    "QuoteIndexPage",
    "QuotePage",
    "FactorLinkedPage",
    "Theme",
    "ThemeLinkedPage",
]
