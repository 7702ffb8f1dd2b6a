"""Settings read from the environment in production: the public address and outgoing e-mail.

Plain functions of an environment mapping, so the tests can call them with their own.
"""

from urllib.parse import parse_qs, unquote, urlsplit

TRUE = {"1", "true", "yes", "on"}


def base_url(environ):
    """The public address readers use, e.g. https://veiviser.no (VEIVISER_BASE_URL)."""
    return environ.get("VEIVISER_BASE_URL", "").strip().rstrip("/")


def email_settings(environ):
    """Django's SMTP settings from EMAIL_URL (smtp://user:password@host:587?tls=true, or smtps://
    for implicit TLS) or from EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
    EMAIL_USE_TLS and EMAIL_USE_SSL. Without either, no e-mail is sent (and none is promised:
    VEIVISER_EMAIL_CONFIGURED is False)."""
    values = {}
    if environ.get("EMAIL_URL"):
        url = urlsplit(environ["EMAIL_URL"])
        query = {key: items[-1].lower() for key, items in parse_qs(url.query).items()}
        values = {
            "EMAIL_HOST": url.hostname or "",
            "EMAIL_PORT": url.port or (465 if url.scheme == "smtps" else 25),
            "EMAIL_HOST_USER": unquote(url.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(url.password or ""),
            "EMAIL_USE_TLS": query.get("tls") in TRUE,
            "EMAIL_USE_SSL": url.scheme == "smtps" or query.get("ssl") in TRUE,
        }
    elif environ.get("EMAIL_HOST"):
        values = {
            "EMAIL_HOST": environ["EMAIL_HOST"],
            "EMAIL_PORT": int(environ.get("EMAIL_PORT", "25")),
            "EMAIL_HOST_USER": environ.get("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": environ.get("EMAIL_HOST_PASSWORD", ""),
            "EMAIL_USE_TLS": environ.get("EMAIL_USE_TLS", "").lower() in TRUE,
            "EMAIL_USE_SSL": environ.get("EMAIL_USE_SSL", "").lower() in TRUE,
        }
    configured = bool(values)
    values["EMAIL_BACKEND"] = (
        "django.core.mail.backends.smtp.EmailBackend"
        if configured
        else "django.core.mail.backends.dummy.EmailBackend"
    )
    values["VEIVISER_EMAIL_CONFIGURED"] = configured
    # Only offer a password reset that can reach the user.
    values["WAGTAIL_PASSWORD_RESET_ENABLED"] = configured
    if environ.get("DEFAULT_FROM_EMAIL"):
        values["DEFAULT_FROM_EMAIL"] = environ["DEFAULT_FROM_EMAIL"]
        values["SERVER_EMAIL"] = environ.get("SERVER_EMAIL", environ["DEFAULT_FROM_EMAIL"])
        values["WAGTAILADMIN_NOTIFICATION_FROM_EMAIL"] = environ["DEFAULT_FROM_EMAIL"]
    return values
