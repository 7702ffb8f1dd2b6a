from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from core.retention import PruneCommand
from search.models import SearchQueryDay


class Command(PruneCommand):
    setting = "SEARCH_LOG_RETENTION_MONTHS"
    records = "daily search counts"
    kept = "the search log"
    by_day = True

    def old(self, cutoff):
        return SearchQueryDay.objects.filter(date__lt=cutoff)

    def delete(self, old, cutoff):
        count = old.delete()[0]
        # Wagtail's own per-query hits, should anything still write them, go by the same rule;
        # so do the queries that are left without hits or editors' picks.
        QueryDailyHits.objects.filter(date__lt=cutoff).delete()
        Query.objects.filter(daily_hits__isnull=True, editors_picks__isnull=True).delete()
        return count
