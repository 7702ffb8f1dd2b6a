"""What readers leave is kept for a number of months (docs/operations.md, «Retention»).

``PruneCommand`` is the shared part of the commands that delete what is older: the period
from a setting or ``--months``, ``--dry-run``, the cut-off and the report. Each app's command
only says what it prunes (``old()``) and, where more goes with it, ``delete()``.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


def months_before(moment, months):
    """The same day and time ``months`` months earlier (the month's last day if it is shorter)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


class PruneCommand(BaseCommand):
    setting = ""  # the setting that holds the months to keep
    records = ""  # what is deleted, for the report: "answers"
    kept = ""  # what is kept, for the refusal of less than a month: "feedback"
    by_day = False  # rows per day: the cut-off is a date, not a moment

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.help = (
            f"Delete {cls.records} older than the retention period: --months, or the setting "
            f"{cls.setting} (default 12). Run it daily, e.g. from cron."
        )

    def old(self, cutoff):
        """The queryset of what is older than ``cutoff``."""
        raise NotImplementedError

    def delete(self, old, cutoff):
        """Delete ``old`` and return how many of ``records`` went."""
        return old.delete()[0]

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, help="Keep this many months (default: setting)")
        parser.add_argument("--dry-run", action="store_true", help="Count only, delete nothing")

    def handle(self, months=None, dry_run=False, **options):
        months = getattr(settings, self.setting) if months is None else months
        if months < 1:
            raise CommandError(f"Keep {self.kept} for at least one month.")
        now = timezone.localdate() if self.by_day else timezone.now()
        cutoff = months_before(now, months)
        old = self.old(cutoff)
        count = old.count() if dry_run else self.delete(old, cutoff)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} {self.records} from before {cutoff:%Y-%m-%d}.")
