"""Input that must never become a server error (issue 14, item 1).

- A form POST whose body Django cannot read (a non-UTF-8 charset on a urlencoded form, a broken
  multipart body, an unknown encoding, a body over the size limit) is refused here with a
  Norwegian 400 page. Django's own error views are decorated with ``requires_csrf_token``,
  which reads ``request.POST`` again; a second read raised once more and the worker answered
  with a bare 500. So after a failed read the request gets an empty POST, and nothing reads the
  body again.
- A NUL byte in the path is not an address of this site (PostgreSQL refuses it in a query): 404.
- ``SafeReportFilter`` keeps the error report (the log, e-mails to ADMINS) from failing on a body
  it cannot parse.
"""

from csp.middleware import CSPMiddleware
from csp.utils import build_policy

from django.conf import settings
from django.core.exceptions import BadRequest, RequestDataTooBig, SuspiciousOperation
from django.http import HttpResponse, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.datastructures import MultiValueDict
from django.views.debug import SafeExceptionReporterFilter

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
UNREADABLE = (
    BadRequest,
    SuspiciousOperation,  # RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
    RequestDataTooBig,
    MultiPartParserError,
    UnicodeError,
    LookupError,  # an unknown charset
    ValueError,
)


def path_language(path):
    """The language of an address without the database: nynorsk under /nn/, else bokmål."""
    return "nn" if path == "/nn" or path.startswith("/nn/") else "nb"


def render_standalone(request, template, status, context=None, headers=None):
    """An error page that needs neither the database nor the request's body."""
    path = request.path_info if "\x00" not in request.path_info else ""
    with translation.override(path_language(path)):
        html = render_to_string(template, context or {})
    response = HttpResponse(html, status=status, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def forget_body(request):
    """After a failed read: an empty POST, so that no later read touches the body again."""
    request._post, request._files = QueryDict(), MultiValueDict()


class RequestGuardMiddleware:
    """Refuses unreadable requests before anything else reads them (first in MIDDLEWARE but
    SecurityMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            return render_standalone(request, "website/errors/not_found.html", 404)
        if request.method == "POST" and request.content_type in FORM_TYPES:
            try:
                request.POST  # noqa: B018 (parse now, once)
            except UNREADABLE:
                forget_body(request)
                return render_standalone(request, "400.html", 400)
        return self.get_response(request)


class SafeReportFilter(SafeExceptionReporterFilter):
    """The default filter, but a body that cannot be parsed is left out of the report."""

    def get_post_parameters(self, request):
        try:
            return super().get_post_parameters(request)
        except Exception:  # noqa: BLE001 (the report must not fail)
            if request is not None:
                forget_body(request)
            return {}


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout answer (AXES_LOCKOUT_CALLABLE): a Norwegian 429 page, given before
    the password is checked (and so before it is hashed)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render_standalone(
        request,
        "website/errors/locked_out.html",
        429,
        {"minutes": minutes},
        headers={"Retry-After": str(minutes * 60)},
    )


def _policy_setting():
    return getattr(settings, "CONTENT_SECURITY_POLICY", None)


def _report_only_policy():
    return getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)


_built = [None, None]  # the policy setting, and the header built from it


def _public_policy():
    """The header for the policy setting, built again only when the setting is replaced."""
    setting = _policy_setting()
    if _built[0] is not setting:
        _built[:] = [setting, build_policy()]
    return _built[1]


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with two policies: CONTENT_SECURITY_POLICY (strict) for the public site, and
    VEIVISER_ADMIN_CONTENT_SECURITY_POLICY for the Wagtail admin (its editors need inline styles
    and scripts)."""

    def process_response(self, request, response):
        # The public policy is the same for every response that does not adjust it (no nonce,
        # no per-view override, no report-only policy): built once per policy setting instead
        # of on every response, a third of a cached page's CPU.
        adjusted = any(
            getattr(holder, name, None)
            for holder, name in (
                (response, "_csp_config"),
                (response, "_csp_update"),
                (response, "_csp_replace"),
                (response, "_csp_exempt"),
                (request, "_csp_nonce"),
            )
        )
        if adjusted or request.path_info.startswith("/admin/") or _report_only_policy():
            return super().process_response(request, response)
        if "Content-Security-Policy" not in response and not (
            settings.DEBUG and response.status_code in (404, 500)
        ):
            response["Content-Security-Policy"] = _public_policy()
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            parts.config = settings.VEIVISER_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class PermissionsPolicyMiddleware:
    """Permissions-Policy: the site uses no camera, microphone, position, payment or sensors."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.VEIVISER_PERMISSIONS_POLICY)
        return response
