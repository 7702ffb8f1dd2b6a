"""«Var denne siden nyttig?»: readers' yes/no answers, with an optional comment.

Nothing about the reader is stored. To limit abuse, the cache counts answers per page per
client for an hour, keyed by a salted hash of the address and the day, which is never saved.
"""

import hashlib

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.models import Page

from .models import COMMENT_MAX_LENGTH, Feedback

RATE_LIMIT = getattr(settings, "EDITORIAL_FEEDBACK_RATE_LIMIT", 5)
RATE_WINDOW_SECONDS = 60 * 60


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


def client_key(request, page_id):
    """A key that tells clients apart for a day without keeping who they are."""
    address = request.META.get("REMOTE_ADDR", "")
    day = timezone.localdate().isoformat()
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{address}|{day}".encode()).hexdigest()
    return f"editorial-feedback:{page_id}:{digest[:32]}"


def _page_or_404(page_id):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    return page.specific


def _error(request, page, form, status, message=None):
    return TemplateResponse(
        request,
        "editorial/feedback_error.html",
        # Not "page": this answer is the site speaking, in the reader's language, not the text.
        {"feedback_page": page, "form": form, "message": message},
        status=status,
    )


@require_POST
def submit_feedback(request, page_id):
    page = _page_or_404(page_id)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return _error(request, page, form, 400)
    key = client_key(request, page.pk)
    cache.add(key, 0, RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW_SECONDS)
        count = 1
    if count > RATE_LIMIT:
        message = _("You have already given feedback on this page several times. Thank you!")
        return _error(request, page, form, 429, message)
    Feedback.objects.create(
        page=page,
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"].strip(),
    )
    return HttpResponseRedirect(f"{page.url}?tilbakemelding=takk#tilbakemelding")
