from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from editorial.management.commands.prune_feedback import months_before
from search.models import SearchQueryDay


class Command(BaseCommand):
    help = (
        "Delete the search log's daily counts older than the retention period: --months, or "
        "the setting SEARCH_LOG_RETENTION_MONTHS (default 12). Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, help="Keep this many months (default: setting)")
        parser.add_argument("--dry-run", action="store_true", help="Count only, delete nothing")

    def handle(self, months=None, dry_run=False, **options):
        months = settings.SEARCH_LOG_RETENTION_MONTHS if months is None else months
        if months < 1:
            raise CommandError("Keep the search log for at least one month.")
        cutoff = months_before(timezone.localdate(), months)
        old = SearchQueryDay.objects.filter(date__lt=cutoff)
        # Wagtail's own per-query hits, should anything still write them, go by the same rule;
        # so do the queries that are left without hits or editors' picks.
        wagtail_hits = QueryDailyHits.objects.filter(date__lt=cutoff)
        if dry_run:
            count = old.count()
        else:
            count = old.delete()[0]
            wagtail_hits.delete()
            Query.objects.filter(daily_hits__isnull=True, editors_picks__isnull=True).delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} daily search counts from before {cutoff:%Y-%m-%d}.")
