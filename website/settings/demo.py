"""The demo as production serves it: DEBUG off (the designed error pages), static files
collected, compressed and served by WhiteNoise, pages compressed. `make demo` uses it; so do
the Lighthouse and HTML-validator tests. Not for the internet: the secret key is public."""

from .dev import *  # noqa: F403

DEBUG = False
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
# A reverse proxy compresses pages in production (docs/operations.md); the demo has none.
MIDDLEWARE = ["django.middleware.gzip.GZipMiddleware", *MIDDLEWARE]  # noqa: F405
# Uploaded images and documents, which DEBUG off would otherwise leave unserved (website/urls.py).
VEIVISER_SERVE_MEDIA = True
