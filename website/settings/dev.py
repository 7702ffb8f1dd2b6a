from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-veiviser-dev-only"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
