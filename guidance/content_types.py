"""The registry of content types: the page models that say how they are searched and listed.

Each model declares its ``search_key``, ``teaser_field``, ``listing_label`` and
``listing_position`` (see ``GuidancePage``); everything that lists types asks here, so a new
content type is added by declaring those on its model, in whichever app it lives.
"""

from functools import cache

from wagtail.models import get_page_models

from .models.base import FactorLinkedPage, ThemeLinkedPage


@cache
def searchable_models():
    """The page models a reader can search, in the order they are shown."""
    models = [model for model in get_page_models() if getattr(model, "search_key", None)]
    return tuple(sorted(models, key=lambda model: model.listing_position))


def model_for_search_key(key):
    return next((model for model in searchable_models() if model.search_key == key), None)


def theme_linked_models():
    return tuple(model for model in searchable_models() if issubclass(model, ThemeLinkedPage))


def factor_linked_models():
    """The models listed on a factor page: everything that links to factors by choice."""
    return tuple(model for model in searchable_models() if issubclass(model, FactorLinkedPage))
