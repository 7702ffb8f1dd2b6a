"""Production settings for the app servers the two-instance test starts: static files are
served from the source folders (no collectstatic manifest in a test run)."""

from website.settings.production import *  # noqa: F403

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
