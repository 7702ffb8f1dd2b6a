"""The search log keeps counts per normalised query, language and day, and nothing else.

Existing rows are folded into that aggregate: the log's own rows are normalised afresh (so
«Bolig?» and bolig become one row per day and language, their counts summed; rows that look
like personal data are dropped), Wagtail's per-query daily hits of days and queries the log
lacks (from before it knew the language) are added under the default language, and then
Wagtail's hits and the queries without editors' picks are deleted: searches no longer write
them.
"""

import re
import unicodedata
from collections import Counter

from django.conf import settings
from django.db import migrations

# A copy of search.models.normalise_query as it was when this migration was written.
PERSONAL_DATA = re.compile(r"\d{6}\s?\d{5}|(?<!\d)\d{8}(?!\d)|\d{3}\s\d{2}\s\d{3}|\S@\S")
SURROUNDING = "\"'«»“”‘’„‹›.,;:!?()[]{}"


def normalise_query(text):
    text = " ".join(unicodedata.normalize("NFKC", text or "").lower().split())
    text = text.strip(SURROUNDING + " ")
    if not text or PERSONAL_DATA.search(text):
        return ""
    return text[:255].rstrip()


def fold_into_aggregate(apps, schema_editor):
    SearchQueryDay = apps.get_model("veiviser_search", "SearchQueryDay")
    Locale = apps.get_model("wagtailcore", "Locale")
    Query = apps.get_model("wagtailsearchpromotions", "Query")
    QueryDailyHits = apps.get_model("wagtailsearchpromotions", "QueryDailyHits")

    searches, without_hits = Counter(), Counter()
    rows = SearchQueryDay.objects.values_list(
        "date", "locale_id", "query_string", "searches", "searches_without_hits"
    )
    for date, locale_id, query, count, zero in rows.iterator():
        query = normalise_query(query)
        if query:
            searches[date, locale_id, query] += count
            without_hits[date, locale_id, query] += zero
    logged = {(date, query) for date, _locale, query in searches}

    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if default is None:
        default = Locale.objects.order_by("pk").first()
    if default is not None:
        hits = QueryDailyHits.objects.values_list("date", "query__query_string", "hits")
        for date, query, count in hits.iterator():
            query = normalise_query(query)
            if query and (date, query) not in logged:
                searches[date, default.pk, query] += count

    SearchQueryDay.objects.all().delete()
    SearchQueryDay.objects.bulk_create(
        (
            SearchQueryDay(
                date=date,
                locale_id=locale_id,
                query_string=query,
                searches=count,
                searches_without_hits=without_hits[date, locale_id, query],
            )
            for (date, locale_id, query), count in searches.items()
        ),
        batch_size=500,
    )
    QueryDailyHits.objects.all().delete()
    Query.objects.filter(editors_picks__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("veiviser_search", "0006_vocabulary_schema_qualified"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(fold_into_aggregate, migrations.RunPython.noop)]
