import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from editorial.models import Feedback


def months_before(moment, months):
    """The same day and time ``months`` months earlier (the month's last day if it is shorter)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


class Command(BaseCommand):
    help = (
        "Delete reader feedback older than the retention period: --months, or the setting "
        "VEIVISER_RETENTION_MONTHS (default 12). Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, help="Keep this many months (default: setting)")
        parser.add_argument("--dry-run", action="store_true", help="Count only, delete nothing")

    def handle(self, months=None, dry_run=False, **options):
        months = settings.VEIVISER_RETENTION_MONTHS if months is None else months
        if months < 1:
            raise CommandError("Keep feedback for at least one month.")
        cutoff = months_before(timezone.now(), months)
        old = Feedback.objects.filter(created_at__lt=cutoff)
        if dry_run:
            count = old.count()
        else:
            count, _ = old.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} answers given before {cutoff:%Y-%m-%d}.")
