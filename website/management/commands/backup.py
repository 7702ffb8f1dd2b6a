from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from website import backup


class Command(BaseCommand):
    help = (
        "Back up the database (PostgreSQL: pg_dump --format=custom) and the media files "
        "(tar.gz) into a folder. See docs/operations.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Where the two files are written")

    def handle(self, folder, **options):
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
        for path in (backup.back_up_database(folder, stamp), backup.back_up_media(folder, stamp)):
            self.stdout.write(str(path))
