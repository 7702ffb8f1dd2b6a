"""Browsing without typing: what a theme gathers, grouped by factor, and a factor's themes."""

from collections import defaultdict

from django.db.models import Count, Q, Subquery
from django.urls import reverse
from django.utils import translation

from .content_types import factor_linked_models, relation_querysets, theme_linked_models, union_all
from .models import ActivityPage, FactorPage, Theme
from .models.base import live_in_locale


def theme_url(theme):
    return reverse("theme", kwargs={"slug": theme.slug})


class FactorGroup:
    def __init__(self, factor):
        self.factor = factor
        self.items = []


def theme_content(theme):
    """``[FactorGroup, …]`` for the factors with content on ``theme``, then the unlinked items.

    A constant number of queries whatever the amount of content: the factors, one per content
    type, and the factor links of the types that choose their factors.
    """
    factors = list(live_in_locale(FactorPage, theme.locale).order_by("number"))
    by_path = {f.path: f for f in factors}
    by_key = {f.translation_key: f for f in factors}
    groups = {f.pk: FactorGroup(f) for f in factors}
    unlinked = []

    for activity in ActivityPage.linked_to_theme(theme).order_by("path"):
        factor = by_path.get(ActivityPage.factor_path_of(activity.path))
        (groups[factor.pk].items if factor else unlinked).append(activity)

    tagged_models = factor_linked_models()
    tagged = []
    for model in tagged_models:
        tagged.extend(model.linked_to_theme(theme).order_by("title"))
    ids_by_model = defaultdict(list)
    for page in tagged:
        ids_by_model[type(page)].append(page.pk)
    factor_keys = defaultdict(set)
    rows = relation_querysets(
        tagged_models,
        "factors",
        "factorpage__translation_key",
        lambda model: {"pk__in": ids_by_model[model]} if ids_by_model[model] else None,
    )
    for pk, key in union_all(rows):
        factor_keys[pk].add(key)
    for page in tagged:
        linked = [by_key[k] for k in factor_keys[page.pk] if k in by_key]
        for factor in linked:
            groups[factor.pk].items.append(page)
        if not linked:
            unlinked.append(page)
    return [g for g in groups.values() if g.items], unlinked


def themes_for_factor(factor):
    """The themes (in the factor's language) of the content under or linked to ``factor``."""
    activity_themes = ActivityPage.themes.through.objects.filter(
        activitypage__in=Subquery(
            live_in_locale(ActivityPage, factor.locale).child_of(factor).values("pk")
        )
    ).values("theme__translation_key")
    condition = Q(translation_key__in=Subquery(activity_themes))
    for model in factor_linked_models():
        source = model._meta.model_name
        links = model.themes.through.objects.filter(
            **{f"{source}__in": Subquery(model.linked_to_factor(factor).values("pk"))}
        ).values("theme__translation_key")
        condition |= Q(translation_key__in=Subquery(links))
    return Theme.objects.filter(locale=factor.locale, live=True).filter(condition).order_by("name")


class ThemeSummary:
    """A theme with the number of live pages of each content type on it, for /tema/."""

    def __init__(self, theme, counts):
        self.theme = theme
        self.counts = counts  # [(model, count), …] in the order types are listed, none at 0
        self.total = sum(count for _model, count in counts)


def theme_overview(locale):
    """``[ThemeSummary, …]`` for every live theme of ``locale``, by name.

    One query for the themes and one per content type, whatever the number of themes.
    """
    themes = list(Theme.objects.filter(locale=locale, live=True).order_by("name"))
    counts = defaultdict(dict)
    for model in theme_linked_models():
        source = model._meta.model_name
        rows = (
            model.themes.through.objects.filter(
                **{f"{source}__in": Subquery(live_in_locale(model, locale).values("pk"))}
            )
            .values("theme__translation_key")
            .annotate(pages=Count(f"{source}_id", distinct=True))
            .order_by()
        )
        for row in rows:
            counts[row["theme__translation_key"]][model] = row["pages"]
    return [
        ThemeSummary(
            theme,
            [
                (model, n)
                for model in theme_linked_models()
                if (n := counts[theme.translation_key].get(model))
            ],
        )
        for theme in themes
    ]


def theme_translations(theme):
    """``{language code: address}`` of the live versions of ``theme``, its own included."""
    urls = {}
    versions = Theme.objects.filter(translation_key=theme.translation_key, live=True)
    for version in versions.select_related("locale"):
        code = version.locale.language_code
        with translation.override(code):
            urls[code] = theme_url(version)
    return urls
