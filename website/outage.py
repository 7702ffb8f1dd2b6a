"""Database outages (issue 14, item 9): a 503 with Retry-After instead of «Noe gikk galt».

Django calls ``handler500`` (``server_error``) inside the ``except`` block of any uncaught
exception, from any view or middleware, so the outage is recognised there, without touching
the views: a page cache in front of the views still answers readers from its copy. The page
needs neither the database nor the session:

- readers get a short Norwegian 503 page;
- an editor whose form post to the admin failed is told that the change was NOT saved and gets
  back what they typed, read-only and ready to copy (not passwords, not the CSRF token).
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.views import defaults

from website.security import render_standalone

RETRY_AFTER_SECONDS = 30
# Fields of Django and Wagtail forms that are not what anybody typed.
NOT_TYPED = ("csrfmiddlewaretoken", "password", "TOTAL_FORMS", "INITIAL_FORMS", "NUM_FORMS")


def is_outage(exc):
    """A lost or refused database connection (not a bad query: those are bugs, 500)."""
    if isinstance(exc, (OperationalError, InterfaceError)):
        return True
    cause = getattr(exc, "__cause__", None)
    return isinstance(exc, DatabaseError) and isinstance(cause, (OperationalError, InterfaceError))


def typed_fields(request):
    """(name, value) of each non-empty field the editor posted, for them to copy."""
    fields = []
    for name, values in request.POST.lists():
        if any(marker in name for marker in NOT_TYPED):
            continue
        fields.extend((name, value) for value in values if value.strip())
    return fields[:200]


def outage_response(request):
    editor = request.path_info.startswith("/admin/") and request.method == "POST"
    context = {"editor": editor, "fields": typed_fields(request) if editor else []}
    return render_standalone(
        request,
        "website/errors/unavailable.html",
        503,
        context,
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: a 503 during a database outage, else Django's 500 page.

    Not decorated with ``requires_csrf_token`` (Django's is): the 500 page has no form, and
    that decorator reads the request body again.
    """
    if is_outage(sys.exc_info()[1]):
        return outage_response(request)
    return defaults.server_error.__wrapped__(request, template_name)


def bad_request(request, exception, template_name=defaults.ERROR_400_TEMPLATE_NAME):
    """handler400: the Norwegian 400 page, without reading the body again."""
    return render_standalone(request, template_name, 400)
