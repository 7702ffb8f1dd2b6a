from django.core.management.base import BaseCommand

from editorial import links


class Command(BaseCommand):
    help = "Check the external links in published pages and store which ones fail."

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-requests",
            type=int,
            default=links.DEFAULT_MAX_REQUESTS,
            help="Check at most this many addresses in this run (oldest checks first).",
        )
        parser.add_argument(
            "--concurrency",
            type=int,
            default=links.DEFAULT_CONCURRENCY,
            help="Requests in flight at the same time.",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=links.DEFAULT_TIMEOUT,
            help="Seconds to wait for each answer.",
        )
        parser.add_argument(
            "--all",
            action="store_true",
            help="Check again addresses checked recently too.",
        )

    def handle(self, *args, **options):
        found, occurrences = links.collect_links()
        self.stdout.write(f"{found} external addresses in {occurrences} places.")
        checked = links.check_links(
            max_requests=max(0, options["max_requests"]),
            concurrency=options["concurrency"],
            timeout=options["timeout"],
            recheck_after=links.datetime.timedelta(0) if options["all"] else links.RECHECK_AFTER,
        )
        broken = [link for link in checked if link.is_broken]
        for link in broken:
            self.stdout.write(f"  {link.outcome}: {link.url}")
        self.stdout.write(
            self.style.SUCCESS(f"Checked {len(checked)} addresses; {len(broken)} failed.")
        )
