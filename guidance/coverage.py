"""Coverage at a glance: per success factor, how much content there is and how much is translated.

A content item is counted once per translation set (``translation_key``). It is *translated*
when every language has its own version, and *alias only* when some language still shows the
original text as an alias. Eight queries, however much content there is.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from wagtail.models import Locale

from .content_types import factor_linked_models
from .models import ActivityPage, FactorPage


def kinds():
    """``(search_key, label)`` of the activities and of each type linked to factors."""
    return [(model.search_key, model.listing_label) for model in coverage_models()]


def coverage_models():
    return [ActivityPage, *factor_linked_models()]


@dataclass
class Count:
    total: int = 0
    translated: int = 0

    @property
    def alias_only(self):
        return self.total - self.translated


@dataclass
class FactorCoverage:
    number: int
    title: str
    counts: dict = field(default_factory=dict)


def factor_coverage(locale=None):
    locale = locale or Locale.get_default()
    language_count = Locale.objects.count()
    factors = list(
        FactorPage.objects.filter(locale=locale)
        .order_by("number")
        .values_list("number", "title", "translation_key")
    )
    factor_key_by_path = dict(FactorPage.objects.values_list("path", "translation_key"))
    # kind -> factor key -> item key -> languages with their own (non-alias) live version
    found = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))

    activities = ActivityPage.objects.live().filter(alias_of__isnull=True)
    for path, key, locale_id in activities.values_list("path", "translation_key", "locale_id"):
        factor_key = factor_key_by_path.get(ActivityPage.factor_path_of(path))
        if factor_key is not None:
            found[ActivityPage.search_key][factor_key][key].add(locale_id)

    for model in factor_linked_models():
        through = model.factors.through
        source = model._meta.model_name
        rows = through.objects.filter(
            **{f"{source}__live": True, f"{source}__alias_of__isnull": True}
        ).values_list(
            f"{source}__translation_key", f"{source}__locale_id", "factorpage__translation_key"
        )
        for key, locale_id, factor_key in rows:
            found[model.search_key][factor_key][key].add(locale_id)

    result = []
    for number, title, factor_key in factors:
        coverage = FactorCoverage(number=number, title=title)
        for kind, _label in kinds():
            items = found[kind][factor_key]
            coverage.counts[kind] = Count(
                total=len(items),
                translated=sum(1 for langs in items.values() if len(langs) >= language_count),
            )
        result.append(coverage)
    return result
