"""Tell the HTTP cache in front (Varnish) that what readers see has changed.

``wagtail.contrib.frontend_cache`` purges a published page's own addresses. Everything else
that readers see on many pages (a theme, the notice, the menu, site settings, a directorate)
renews the publication stamp but has no address of its own; when the stamp is renewed and
the transaction commits, one ``BAN`` empties the Varnish cache (deploy/varnish/default.vcl).
Content changes a few times a day, so refilling it costs little. Only with ``VARNISH_URL`` set;
a Varnish that does not answer is logged and the site carries on.
"""

import logging
import urllib.request

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)


def ban_everything():
    url = getattr(settings, "VARNISH_URL", "")
    if not url:
        return
    try:
        request = urllib.request.Request(url.rstrip("/") + "/", method="BAN")
        with urllib.request.urlopen(request, timeout=2) as response:
            response.read()
    except Exception:  # a Varnish that does not answer must not fail a publish
        logger.warning("Varnish at %s did not take the ban", url, exc_info=True)


def ban_on_commit():
    if getattr(settings, "VARNISH_URL", ""):
        transaction.on_commit(ban_everything)
