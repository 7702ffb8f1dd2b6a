"""Settings shared by every environment. Environment-specific modules import from here."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from django.utils.translation import gettext_lazy as _

from .environment import base_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    # Veiviser's apps, lowest layer first (docs/architecture.md)
    "core",
    "editorial",
    "languages",
    "guidance",
    "glossary",
    "cases",
    "assessment",
    "search",
    "reuse",
    "website",
    "demo",
    "django_tasks_db",  # the queue of background jobs in production (TASKS below)
    "axes",  # login throttling (issue 14): AxesStandaloneBackend, AxesMiddleware
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "editorial.user_admin.VeiviserUsersAppConfig",  # wagtail.users with role boundaries
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "core.health.HealthCheckMiddleware",  # /healthz, before the Host check and HTTPS redirect
    "django.middleware.security.SecurityMiddleware",
    "website.security.PermissionsPolicyMiddleware",
    "website.security.ContentSecurityPolicyMiddleware",
    "website.security.RequestGuardMiddleware",  # unreadable bodies and NUL paths, before all else
    "django.middleware.http.ConditionalGetMiddleware",  # ETag, and 304 for a matching one
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.page_cache.PageCacheMiddleware",  # anonymous pages, whole; a hit stops here
    "core.memo.RequestMemoMiddleware",  # what a request reads twice, read once (core/pages.py)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "languages.apertium.MachineTranslationErrorMiddleware",  # Apertium failures as messages
    "languages.marking.WrittenFormMiddleware",  # names in the other written form get their lang
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last (django-axes)
]

ROOT_URLCONF = "website.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "website.wsgi.application"

# SQLite is the zero-set-up default; DATABASE_URL (postgres://…) selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        # A connection the database dropped (a restart) is replaced, not used and failed on.
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login throttling (django-axes): the axes backend comes first and refuses a locked-out
# username and address before the password is hashed (on the workers that serve readers).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("VEIVISER_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("VEIVISER_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.http.client_address"  # behind VEIVISER_TRUSTED_PROXIES
AXES_LOCKOUT_CALLABLE = "website.security.locked_out"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False

# Error reports leave out a request body they cannot parse (website/security.py).
DEFAULT_EXCEPTION_REPORTER_FILTER = "website.security.SafeReportFilter"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: bokmål is the default (served at /), nynorsk at /nn/.
LANGUAGE_CODE = "nb"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("nb", _("Norwegian Bokmål")),
    ("nn", _("Norwegian Nynorsk")),
]
WAGTAIL_I18N_ENABLED = True
# ASCII slugs, the same in both written forms: ø→o, æ→ae, å→a, é→e (languages/slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Oslo"
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# How many reverse proxies in front of the site append to X-Forwarded-For (core/http.py); 0 when
# clients connect directly. Each must append the address it saw (nginx: $proxy_add_x_forwarded_for).
VEIVISER_TRUSTED_PROXIES = int(os.environ.get("VEIVISER_TRUSTED_PROXIES", "0"))

# How long what readers leave is kept (reader feedback, the search log): `manage.py
# prune_feedback` deletes what is older (docs/operations.md).
VEIVISER_RETENTION_MONTHS = int(os.environ.get("VEIVISER_RETENTION_MONTHS", "12"))
# The search log's daily counts: `manage.py prune_search_log` deletes older days.
SEARCH_LOG_RETENTION_MONTHS = int(os.environ.get("SEARCH_LOG_RETENTION_MONTHS", "12"))

# Jobs (django-tasks). «default» runs Wagtail's own tasks (the search index and reference index
# of a saved object, frontend-cache purges) at once, in the request, as Wagtail does without
# this setting: a published page is found by the search and purged from Varnish before the
# editor sees «published». «background» runs what may lag by seconds: the search's word list,
# word map and facets after a publish (search/tasks.py). At once, in the publishing request,
# unless VEIVISER_BACKGROUND_JOBS=database, which production sets: there a worker runs them
# (`manage.py db_worker --backend background`, started by `make production`; docs/search.md).
BACKGROUND_JOBS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {
    "default": {"BACKEND": BACKGROUND_JOBS["immediate"]},
    "background": {
        "BACKEND": BACKGROUND_JOBS[os.environ.get("VEIVISER_BACKGROUND_JOBS", "immediate")]
    },
}

# The shared cache: Redis when REDIS_URL is set (every process and instance shares the page
# cache, rate limits and memos), else each process's own memory. A Redis that does not answer
# within half a second counts as down: pages are served uncached (core/page_cache.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",  # survives Redis going away
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache and the Cache-Control of anonymous pages (docs/scaling.md).
VEIVISER_PAGE_CACHE = os.environ.get("VEIVISER_PAGE_CACHE", "true").lower() == "true"
VEIVISER_PAGE_CACHE_TIMEOUT = int(os.environ.get("VEIVISER_PAGE_CACHE_TIMEOUT", 60 * 60))
# How long a process answers hits from its own copy after it last read the stamp from Redis:
# a publish reaches other processes at most that much later (core/page_cache.py). 0: every hit
# reads the stamp.
VEIVISER_PAGE_CACHE_LOCAL_SECONDS = float(
    os.environ.get("VEIVISER_PAGE_CACHE_LOCAL_SECONDS", "0.1")
)
VEIVISER_CACHE_MAX_AGE = int(os.environ.get("VEIVISER_CACHE_MAX_AGE", 60))
VEIVISER_CACHE_STALE_WHILE_REVALIDATE = 30
VEIVISER_CACHE_STALE_IF_ERROR = 60 * 60 * 24
# Varnish in front (deploy/varnish/default.vcl), e.g. http://127.0.0.1:6081: purged on publish
# by wagtail.contrib.frontend_cache, banned whole when the stamp changes (core/frontend_cache.py).
VARNISH_URL = os.environ.get("VARNISH_URL", "").rstrip("/")
if VARNISH_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": VARNISH_URL,
        }
    }

WAGTAIL_SITE_NAME = "Veiviser"
# The public address (docs/operations.md): the admin's e-mail links and, through
# `manage.py set_site_address`, the Wagtail Site behind every absolute URL.
VEIVISER_BASE_URL = base_url(os.environ)
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL") or VEIVISER_BASE_URL or "http://127.0.0.1:8000"
)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

# One index table for both languages; PostgreSQL stems with the Norwegian configuration.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "norwegian",
    }
}

# Bokmål ↔ nynorsk machine translation, offline. NYNORSK_MODE: "nob-nno_e" (e-infinitive, the
# norm of the site, docs/nynorsk.md) or "nob-nno" (a-infinitive).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "languages.apertium.ApertiumTranslator",
    "OPTIONS": {
        "NYNORSK_MODE": os.environ.get("APERTIUM_NYNORSK_MODE", "nob-nno_e"),
        # Names of municipalities, people and organisations stay as written (languages/protected).
        "PROTECT_NAMES": True,
    },
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The admin in bokmål and nynorsk (Wagtail's own strings fall back to bokmål in nynorsk).
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("nb", "Norsk bokmål"),
    ("nn", "Norsk nynorsk"),
    ("en", "English"),
]

# Editorial workflow (issue 6): new translations start as drafts; a translation is published by
# approval, like every change (editorial/README.md).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# An edit made during approval is a new change that someone else must approve.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Approvers cannot publish directly (editorial/permissions.py); their approval publishes.
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_approved"

# Content-Security-Policy (django-csp 4, website/security.py). The public site: nothing inline
# that runs (JSON-LD is data, not script), nothing from elsewhere.
_SELF, _NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "frame-src": [_SELF],
        "object-src": [_NONE],
        "base-uri": [_SELF],
        "form-action": [_SELF],
        "frame-ancestors": [_SELF],
    }
}
# The Wagtail admin (and the previews it frames) needs inline styles and scripts.
VEIVISER_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [_SELF, "'unsafe-inline'"],
        "style-src": [_SELF, "'unsafe-inline'"],
        "img-src": [_SELF, "data:", "blob:"],
        "font-src": [_SELF, "data:"],
        "worker-src": [_SELF, "blob:"],
    }
}
VEIVISER_PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "accelerometer=(), gyroscope=(), magnetometer=(), fullscreen=(self)"
)
# No avatars from gravatar.com in the admin (the policy allows no other origin).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin does not ask releases.wagtail.org for new versions (nothing leaves the site, and the
# policy allows no other origin).
WAGTAIL_ENABLE_UPDATE_CHECK = False
