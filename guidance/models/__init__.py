from .articles import ArticleIndexPage, ArticlePage
from .base import FactorLinkedPage, GuidancePage, ThemeLinkedPage
from .factors import ActivityPage, FactorIndexPage, FactorPage
from .processes import ProcessIndexPage, ProcessPage
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
    "ProcessIndexPage",
    "ProcessPage",
    "QuoteIndexPage",
    "QuotePage",
    "FactorLinkedPage",
    "Theme",
    "ThemeLinkedPage",
]
