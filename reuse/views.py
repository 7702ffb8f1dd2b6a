"""«Hva er nytt»: the guidance published or updated most recently, a page at a time."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from .recent import changed_at, recent_pages

PAGE_SIZE = 30
# Publishing writes first_ and last_published_at a moment apart; a minute tells an update.
SAME_PUBLICATION = timedelta(minutes=1)


def is_update(page):
    first = page.first_published_at or changed_at(page)
    return changed_at(page) - first > SAME_PUBLICATION


@require_GET
def whats_new(request):
    locale = Locale.get_active()
    pages = recent_pages(locale)
    # get_page() answers «page=abc» with the first page and a page past the end with the last.
    listing_page = Paginator(pages, PAGE_SIZE).get_page(request.GET.get("page"))
    items = list(listing_page.object_list.specific())
    for item in items:
        item.is_update = is_update(item)
        item.changed_at = changed_at(item)
    return TemplateResponse(
        request, "reuse/whats_new.html", {"listing_page": listing_page, "items": items}
    )
