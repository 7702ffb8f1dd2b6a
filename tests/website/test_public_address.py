"""One public address (issue 14.8): the Wagtail Site follows the configured base URL, and every
absolute address a page gives out uses it, in both languages."""

import io
import json
import os
import re
import subprocess
import sys

import pytest

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import Site

from tests.helpers import nynorsk_alias

pytestmark = pytest.mark.django_db

BASE = "https://veiviser.example.no"


def absolute_urls(html):
    head = html[: html.index("</head>")]
    # The alternate addresses of pages (hreflang); a feed's link is relative like every other
    # link to this site.
    urls = re.findall(r'<link rel="(?:canonical|alternate)" (?:hreflang[^>]*)?href="([^"]+)"', head)
    urls += re.findall(r'<meta property="og:url" content="([^"]+)"', head)
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        urls += [data[key] for key in ("url", "@id") if key in data]  # the page's own address
    return urls


def test_set_site_address_moves_every_absolute_address(client, content, nn):
    article = content["article"]
    translation = article.copy_for_translation(nn, copy_parents=True)
    translation.title = "Leiing i kommunen"
    translation.save_revision().publish()
    alias = nynorsk_alias(content["case"], nn)
    call_command("set_site_address", BASE, stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("veiviser.example.no", 443, BASE)
    for page in (article, translation, content["case"], alias):
        html = client.get(page.url).content.decode()
        urls = absolute_urls(html)
        assert f'<link rel="canonical" href="{BASE}/' in html
        assert f'<meta property="og:url" content="{BASE}/' in html
        assert all(url.startswith(BASE + "/") for url in urls), urls
        assert "localhost" not in html
    html = client.get(translation.url).content.decode()
    assert f'hreflang="nb" href="{BASE}{article.url}"' in html
    assert f'hreflang="nn" href="{BASE}{translation.url}"' in html
    assert f'"url": "{BASE}{translation.url}"' in html  # JSON-LD
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(url.startswith(BASE + "/") for url in locations)
    assert f"{BASE}/nn/" in sitemap


def test_demo_address_and_the_setting(home, settings):
    call_command("set_site_address", "http://127.0.0.1:8105", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "http://127.0.0.1:8105"
    settings.VEIVISER_BASE_URL = "https://veiviser.example.no/"
    out = io.StringIO()
    call_command("set_site_address", stdout=out)
    assert "https://veiviser.example.no" in out.getvalue()
    assert Site.objects.get(is_default_site=True).port == 443


@pytest.mark.parametrize(
    "url, message",
    [
        ("", "VEIVISER_BASE_URL"),
        ("veiviser.example.no", "VEIVISER_BASE_URL"),
        ("https://veiviser.example.no/veiviser/", "root"),
        ("https://veiviser.example.no:8443", "443"),
    ],
)
def test_set_site_address_refuses_what_wagtail_cannot_serve(home, settings, url, message):
    settings.VEIVISER_BASE_URL = ""
    with pytest.raises(CommandError, match=message):
        call_command("set_site_address", url, stdout=io.StringIO())


def production(env):
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; print(json."
        "dumps({k: getattr(s, k) for k in ('WAGTAILADMIN_BASE_URL', 'VEIVISER_BASE_URL', "
        "'ALLOWED_HOSTS', 'CSRF_TRUSTED_ORIGINS', 'EMAIL_BACKEND', 'EMAIL_HOST', 'EMAIL_PORT', "
        "'EMAIL_USE_TLS', 'DEFAULT_FROM_EMAIL', 'WAGTAIL_PASSWORD_RESET_ENABLED', 'ADMINS')}))"
    )
    keep = ("PATH", "HOME", "LANG", "DATABASE_URL")
    environ = {k: v for k, v in os.environ.items() if k in keep}
    environ.update(env, SECRET_KEY="x" * 60, DJANGO_SETTINGS_MODULE="website.settings.production")
    result = subprocess.run(
        [sys.executable, "-c", code], env=environ, cwd=settings.BASE_DIR, capture_output=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_takes_address_and_email_from_the_environment():
    values = production(
        {
            "VEIVISER_BASE_URL": BASE,
            "ALLOWED_HOSTS": "internal.example",
            "EMAIL_URL": "smtp://veiviser:hemmeleg%40ord@smtp.example.no:587?tls=true",
            "DEFAULT_FROM_EMAIL": "Veiviser <ikkje-svar@veiviser.example.no>",
            "ADMINS": "Drift <drift@example.no>",
        }
    )
    assert values["WAGTAILADMIN_BASE_URL"] == BASE
    assert values["ALLOWED_HOSTS"] == ["internal.example", "veiviser.example.no"]
    assert BASE in values["CSRF_TRUSTED_ORIGINS"]
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (values["EMAIL_HOST"], values["EMAIL_PORT"], values["EMAIL_USE_TLS"]) == (
        "smtp.example.no",
        587,
        True,
    )
    assert values["DEFAULT_FROM_EMAIL"] == "Veiviser <ikkje-svar@veiviser.example.no>"
    assert values["WAGTAIL_PASSWORD_RESET_ENABLED"] is True
    assert values["ADMINS"] == [["Drift", "drift@example.no"]]


def test_production_without_email_promises_none():
    values = production({"ALLOWED_HOSTS": "veiviser.example.no"})
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.dummy.EmailBackend"
    assert values["WAGTAIL_PASSWORD_RESET_ENABLED"] is False
