from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Page

from editorial import roles
from editorial.models import Directorate


class Command(BaseCommand):
    help = (
        "Give a directorate its own section of the page tree: creates «<directorate> – "
        "redaktører», «– oversettere» and «– godkjennere» with page permissions on the section."
    )

    def add_arguments(self, parser):
        parser.add_argument("directorate", help="Name or abbreviation of the directorate.")
        parser.add_argument("page", help="The section's top page: its id or its URL path.")
        parser.add_argument(
            "--target-language",
            default="nn",
            help="The language translators translate into (default: nn).",
        )

    def handle(self, *args, directorate, page, target_language, **options):
        found = Directorate.objects.filter(name__iexact=directorate) | Directorate.objects.filter(
            abbreviation__iexact=directorate
        )
        if found.count() != 1:
            names = ", ".join(Directorate.objects.values_list("name", flat=True))
            raise CommandError(f"No single directorate called {directorate!r}. Known: {names}")
        section = self.find_page(page)
        with transaction.atomic():
            groups = roles.grant_section(
                apps, found.get(), section, target_language=target_language
            )
        for group in groups.values():
            self.stdout.write(f"  {group.name}")
        self.stdout.write(self.style.SUCCESS(f"Section «{section.title}» ({section.url_path})."))

    def find_page(self, value):
        if value.isdigit():
            page = Page.objects.filter(pk=int(value), depth__gt=1).first()
        else:
            path = "/" + value.strip("/") + "/"
            page = (
                Page.objects.filter(url_path__endswith=path, depth__gt=1).order_by("depth").first()
            )
        if page is None:
            raise CommandError(
                f"No page {value!r}: give a page id or a URL path such as /artikler/."
            )
        return page
