"""The registry of content types: the page models that say how they are searched and listed.

Each model declares its ``search_key``, ``teaser_field``, ``listing_label`` and
``listing_position`` (see ``GuidancePage``); everything that lists types asks here, so a new
content type is added by declaring those on its model, in whichever app it lives.
"""

from functools import cache

from django.db.models import Q

from wagtail.models import Page, get_page_models

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


def linked_to_factors(factor_keys):
    """A condition on pages: content linked, in any language, to a factor with one of these
    translation keys (a list or a subquery). The factor and its activities are not included."""
    condition = Q(pk__in=[])
    for model in factor_linked_models():
        linked = model.objects.filter(factors__translation_key__in=factor_keys).values("pk")
        condition |= Q(pk__in=linked)
    return condition


def linked_to_themes(theme_keys):
    """A condition on pages: content linked, in any language, to a theme with one of these
    translation keys (a list or a subquery)."""
    condition = Q(pk__in=[])
    for model in theme_linked_models():
        linked = model.objects.filter(themes__translation_key__in=theme_keys).values("pk")
        condition |= Q(pk__in=linked)
    return condition


def searchable_pages(locale):
    """Live, public pages of the searchable types in ``locale``, aliases (untranslated) included."""
    return Page.objects.live().public().type(*searchable_models()).filter(locale=locale)


def relation_querysets(models, relation, target_value, pages_of):
    """(page id, ``target_value``) rows of the many-to-many ``relation`` of several models.

    A queryset per model, over its through table, for ``union_all``. ``pages_of(model)`` gives
    the lookups that choose the model's pages (``{"locale": locale}``, ``{"pk__in": ids}``), or
    None to leave the model out.
    """
    querysets = []
    for model in models:
        lookups = pages_of(model)
        if lookups is None:
            continue
        source = model._meta.model_name
        querysets.append(
            getattr(model, relation)
            .through.objects.filter(**{f"{source}__{key}": value for key, value in lookups.items()})
            .values_list(f"{source}_id", target_value)
            .order_by()
        )
    return querysets


def union_all(querysets):
    """The rows of ``querysets`` (of the same columns) in one query."""
    if not querysets:
        return []
    first, *rest = querysets
    return list(first.union(*rest, all=True)) if rest else list(first)
