from django.core.management.base import BaseCommand

from website import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into the configured database, which must "
        "be new and empty (PostgreSQL: pg_restore --single-transaction --exit-on-error), and "
        "the media files into MEDIA_ROOT. See docs/operations.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("dump", help="The database file (.dump or .sqlite3)")
        parser.add_argument("--media", help="The media archive (…-media.tar.gz)")

    def handle(self, dump, media=None, **options):
        backup.restore_database(dump)
        self.stdout.write(f"Database restored from {dump}.")
        if media:
            backup.restore_media(media)
            self.stdout.write(f"Media files restored from {media}.")
