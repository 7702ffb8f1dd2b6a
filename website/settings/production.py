import os
from email.utils import getaddresses
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .environment import email_settings

DEBUG = False

try:
    SECRET_KEY = os.environ["SECRET_KEY"]
except KeyError as exc:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.") from exc
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long.")

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
# SECURE_SSL_REDIRECT=false for a plain-HTTP run (locally, or Varnish on this machine); behind a
# proxy that ends TLS and sets X-Forwarded-Proto, keep the default (true).
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SCHEME = "https" if SECURE_SSL_REDIRECT else "http"
CSRF_TRUSTED_ORIGINS = [f"{SCHEME}://{host}" for host in ALLOWED_HOSTS]
if VEIVISER_BASE_URL:  # noqa: F405
    ALLOWED_HOSTS.append(urlsplit(VEIVISER_BASE_URL).hostname)  # noqa: F405
    CSRF_TRUSTED_ORIGINS.append(VEIVISER_BASE_URL)  # noqa: F405

# Outgoing e-mail (workflow notifications, password reset, errors to ADMINS) from the environment.
globals().update(email_settings(os.environ))
# ADMINS=«Name <address>,…» get an e-mail on each server error, if e-mail is configured.
ADMINS = [getaddresses([entry])[0] for entry in os.environ.get("ADMINS", "").split(",") if entry]

# The search's work after a publish goes to the database queue, run by the worker that `make
# production` starts next to gunicorn (base.py, TASKS; docs/scaling.md).
TASKS["background"]["BACKEND"] = BACKGROUND_JOBS[  # noqa: F405
    os.environ.get("VEIVISER_BACKGROUND_JOBS", "database")
]

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365 if SECURE_SSL_REDIRECT else 0)
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = SECURE_SSL_REDIRECT  # plain HTTP could not log in with secure cookies
CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT
# Wagtail's live preview shows the page in a same-origin frame.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
