"""«Var denne siden nyttig?»: readers' yes/no answers, with an optional comment.

Nothing about the reader is stored. Abuse is held back by limits counted in the shared cache
(Redis in production, so they hold across workers and instances): answers per client per page,
per client on the whole site, and per page from everyone, each per hour. The client is told
apart by a salted hash of their address (``core.http.client_address``, which honours the trusted
proxies) and the day, never saved. A hidden honeypot field catches form-filling robots.

Why the endpoint is exempt from CSRF: the form sits on every content page, and a CSRF token
would set a cookie on each page view, which keeps shared caches and CDNs from storing the page.
The form changes nothing of the reader's own (no session, no account), so the cookie protects
nothing worth a cookie; what it would still prevent, another site making browsers post
feedback, is refused by a same-origin check of ``Origin`` (or ``Referer``), which every
browser sends with a form POST.
"""

import time

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from wagtail.models import Page

from core.http import client_address

from .models import COMMENT_MAX_LENGTH, Feedback, OwnedPage

WINDOW_SECONDS = 60 * 60
HONEYPOT = "nettside"  # a name robots like to fill in
# Answers an hour: one client on one page, one client on the whole site, everyone on one page.
LIMITS = {"client_page": 5, "client": 20, "page": 60}


def limits():
    return {**LIMITS, **getattr(settings, "EDITORIAL_FEEDBACK_LIMITS", {})}


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        label=_("Was this page useful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose «Yes» or «No»."),
            "invalid_choice": _("Choose «Yes» or «No»."),
        },
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Do not write names or other personal information. We cannot answer here."),
        error_messages={
            "max_length": _(
                "The comment can be at most %(limit_value)d characters long "
                "(it has %(show_value)d)."
            )
        },
    )


def accepts_feedback(page):
    """Content pages only: not the root, the home page or an overview that only lists pages."""
    return isinstance(page, OwnedPage) and page.accepts_feedback


def client_digest(request):
    """Tells clients apart for a day without keeping who they are."""
    day = timezone.localdate().isoformat()
    value = f"{client_address(request)}|{day}"
    return salted_hmac("editorial.feedback.client", value).hexdigest()[:32]


def _count(key):
    """Adds one to a counter of this hour's window and returns it (atomic in Redis)."""
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        return 1


def over_limit(request, page):
    """None, or the message for a reader who is held back. Counts this answer."""
    window = int(time.time() // WINDOW_SECONDS)
    client = client_digest(request)
    limit = limits()
    prefix = f"editorial-feedback:{window}"
    if _count(f"{prefix}:client-page:{page.pk}:{client}") > limit["client_page"]:
        return _("You have already given feedback on this page several times. Thank you!")
    if _count(f"{prefix}:client:{client}") > limit["client"]:
        return _("You have sent a lot of feedback in a short time. Thank you!")
    # Counted only for answers that passed the client's own limits, so one sender cannot
    # use up the page's share.
    if _count(f"{prefix}:page:{page.pk}") > limit["page"]:
        return _("This page has received a lot of feedback in the last hour.")
    return None


def seconds_to_next_window():
    return WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS


def _origins(request):
    origins = {f"{request.scheme}://{request.get_host()}"}
    origins.update(getattr(settings, "CSRF_TRUSTED_ORIGINS", []))
    return origins


def is_same_origin(request):
    """True when the POST came from a page of this site (``Origin``, else ``Referer``)."""
    origin = request.META.get("HTTP_ORIGIN")
    if not origin or origin == "null":
        referer = request.META.get("HTTP_REFERER", "")
        scheme, _sep, rest = referer.partition("://")
        origin = f"{scheme}://{rest.split('/', 1)[0]}" if rest else ""
    return origin in _origins(request)


def _page_or_404(page_id):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if not accepts_feedback(page):
        raise Http404
    return page


def _error(request, page, form, status, message=None):
    response = TemplateResponse(
        request,
        "editorial/feedback_error.html",
        # Not "page": this answer is the site speaking, in the reader's language, not the text.
        {"feedback_page": page, "form": form, "message": message},
        status=status,
    )
    if status == 429:
        response["Retry-After"] = str(seconds_to_next_window())
    return response


@csrf_exempt  # see the module's docstring: same-origin check, limits and honeypot instead
@require_POST
def submit_feedback(request, page_id):
    page = _page_or_404(page_id)
    form = FeedbackForm(request.POST)
    thanks = HttpResponseRedirect(f"{page.url}?tilbakemelding=takk#tilbakemelding")
    if request.POST.get(HONEYPOT):
        return thanks  # a robot: it is told nothing, and nothing is stored
    if not is_same_origin(request):
        message = _("The feedback could not be sent from here. Send it from the page itself.")
        return _error(request, page, form, 403, message)
    if not form.is_valid():
        return _error(request, page, form, 400)
    message = over_limit(request, page)
    if message:
        return _error(request, page, form, 429, message)
    Feedback.objects.create(
        page=page,
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"].strip(),
    )
    return thanks
