from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Set the default Wagtail Site's host name and port to the public address (the argument, "
        "or VEIVISER_BASE_URL), so canonical links, hreflang, og:url, JSON-LD, the sitemap and "
        "e-mails use it. Changes no migration; run it at each start (make demo does)."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="e.g. https://veiviser.no")

    def handle(self, url=None, **options):
        url = (url or settings.VEIVISER_BASE_URL or "").rstrip("/")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CommandError(
                "Give the public address, e.g. https://veiviser.no, or set VEIVISER_BASE_URL."
            )
        if parts.path:
            raise CommandError("The site must be served at the root of its address.")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if parts.scheme == "https" and port != 443:
            raise CommandError("Wagtail writes https addresses only for port 443.")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site yet: load the content first.")
        if (site.hostname, site.port) != (parts.hostname, port):
            site.hostname, site.port = parts.hostname, port
            site.save()  # Wagtail clears its site cache when a site is saved
        self.stdout.write(f"The site's address is {site.root_url}")
