"""Find the external links in published pages and check them, politely and in bounded time."""

import datetime
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

from django.db import models, transaction
from django.utils import timezone

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .models import CheckedLink, LinkOccurrence

USER_AGENT = "Veiviser-lenkesjekk/1.0 (+https://www.husbanken.no/)"
DEFAULT_TIMEOUT = 10
DEFAULT_CONCURRENCY = 4
DEFAULT_MAX_REQUESTS = 200
# Checked again only after this long, so that each run spends its requests on the oldest.
RECHECK_AFTER = datetime.timedelta(hours=20)


class _AnchorParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def hrefs_in_html(html):
    parser = _AnchorParser()
    parser.feed(html)
    return parser.hrefs


def is_external(url):
    return isinstance(url, str) and url.startswith(("http://", "https://"))


def _walk(value, path):
    """External addresses in raw StreamField data: URL fields and links in rich text."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "url" and is_external(item):
                yield path, item
            else:
                yield from _walk(item, path)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, path)
    elif isinstance(value, str) and "<a " in value:
        for href in hrefs_in_html(value):
            if is_external(href):
                yield path, href


def links_in_page(page):
    """(field name, address) for every external link in the page's published content."""
    found = []
    for field in page._meta.concrete_fields:
        value = getattr(page, field.attname, None)
        if not value:
            continue
        if isinstance(field, StreamField):
            found.extend(_walk(list(value.raw_data), field.name))
        elif isinstance(field, RichTextField):
            found.extend((field.name, h) for h in hrefs_in_html(value) if is_external(h))
        elif isinstance(field, models.URLField) and field.model is not Page and is_external(value):
            found.append((field.name, value))
    return found


@transaction.atomic
def collect_links():
    """Record which external addresses appear where, in live pages (aliases repeat others)."""
    pages = Page.objects.live().filter(alias_of__isnull=True).specific()
    occurrences = set()
    for page in pages:
        for field, url in links_in_page(page):
            if len(url) <= 2000:
                occurrences.add((page.pk, field, url))
    links = {}
    for url in sorted({url for _, _, url in occurrences}):
        links[url], _ = CheckedLink.objects.get_or_create(url=url)
    LinkOccurrence.objects.all().delete()
    LinkOccurrence.objects.bulk_create(
        LinkOccurrence(link=links[url], page_id=page_id, field=field)
        for page_id, field, url in occurrences
    )
    CheckedLink.objects.exclude(pk__in=[link.pk for link in links.values()]).delete()
    return len(links), len(occurrences)


def fetch_status(url, timeout=DEFAULT_TIMEOUT):
    """(HTTP status or None, error text). HEAD first; some servers only answer GET."""
    last_error = ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, ""
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return error.code, ""
        except TimeoutError:
            return None, "Timeout"
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                return None, "Timeout"
            last_error = str(reason)[:300]
            return None, last_error
    return None, last_error


def check_links(
    max_requests=DEFAULT_MAX_REQUESTS,
    concurrency=DEFAULT_CONCURRENCY,
    timeout=DEFAULT_TIMEOUT,
    recheck_after=RECHECK_AFTER,
    now=None,
):
    """Check at most ``max_requests`` addresses, oldest first, ``concurrency`` at a time."""
    now = now or timezone.now()
    due = CheckedLink.objects.filter(
        models.Q(checked_at__isnull=True) | models.Q(checked_at__lte=now - recheck_after)
    ).order_by(models.F("checked_at").asc(nulls_first=True), "url")[:max_requests]
    links = list(due)
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        results = list(pool.map(lambda link: fetch_status(link.url, timeout), links))
    for link, (status, error) in zip(links, results, strict=True):
        link.status_code = status
        link.error = error
        link.is_broken = status is None or status >= 400
        link.checked_at = timezone.now()
    CheckedLink.objects.bulk_update(links, ["status_code", "error", "is_broken", "checked_at"])
    return links
