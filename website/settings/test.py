from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "veiviser-test-only"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off: tests that count queries or read response.context need the views to run. The page
# cache's own tests turn it on (tests/core/test_page_cache.py).
VEIVISER_PAGE_CACHE = False
# Every hit reads the stamp: the tests stand in for another process by writing it to the cache.
# tests/core/test_page_cache_hits.py tests the window of the production default.
VEIVISER_PAGE_CACHE_LOCAL_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"

WHITENOISE_USE_FINDERS = True
