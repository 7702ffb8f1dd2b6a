"""A finished public site (issue 15): icons and manifest, the notice's display period, valid
``datetime`` values, the demo settings (DEBUG off, the designed 404), wrapping at 320 px."""

import json
import re
import subprocess
import sys
from datetime import timedelta

import pytest

from django.conf import settings
from django.utils import timezone

from website.models import Notice, SiteSettings

# A valid global date and time string (HTML): seconds with at most three decimals.
HTML_DATETIME = re.compile(
    r"\A\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?([+-]\d{2}:?\d{2}|Z)?)?\Z"
)


def test_favicon_and_app_icons(client, home):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("icons/favicon.ico")
    html = client.get("/").content.decode()
    for icon in ("icons/favicon.ico", "icons/favicon.svg", "icons/apple-touch-icon.png"):
        assert icon in html, icon
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert (
        '<link rel="manifest" href="/nn/manifest.webmanifest">'
        in client.get("/nn/").content.decode()
    )
    for name in (
        "favicon.ico",
        "favicon.svg",
        "apple-touch-icon.png",
        "icon-192.png",
        "icon-512.png",
    ):
        assert (settings.BASE_DIR / "static" / "icons" / name).stat().st_size > 100, name


@pytest.mark.parametrize(
    ("path", "lang", "name", "start"),
    [
        ("/manifest.webmanifest", "nb", "Veiviser for boligsosialt arbeid", "/"),
        ("/nn/manifest.webmanifest", "nn", "Veiviser for bustadsosialt arbeid", "/nn/"),
    ],
)
def test_web_manifest_in_each_language(client, path, lang, name, start):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert (manifest["lang"], manifest["name"], manifest["start_url"]) == (lang, name, start)
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])


@pytest.fixture
def notice(home, nb):
    from wagtail.models import Site

    notice = Notice.objects.create(locale=nb, title="Viktig informasjon", text="<p>Nedetid</p>")
    notice.save_revision().publish()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.notice = notice
    site_settings.save()
    return notice


def shown(client):
    return "notice-title" in client.get("/").content.decode()


def test_notice_is_shown_only_during_its_display_period(client, notice):
    now = timezone.now()
    assert shown(client)  # no period: as long as it is the site's notice
    for starts, ends, expected in [
        (None, now - timedelta(days=1), False),  # over (the 2023 shutdown notice)
        (now + timedelta(days=1), None, False),  # not yet
        (now - timedelta(days=1), now + timedelta(days=1), True),
    ]:
        notice.shown_from, notice.shown_until = starts, ends
        notice.save_revision().publish()
        assert shown(client) is expected, (starts, ends)


def test_a_notice_that_ends_before_it_starts_is_refused_in_norwegian(notice):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    notice.shown_from = timezone.now()
    notice.shown_until = notice.shown_from - timedelta(hours=1)
    with translation.override("nb"), pytest.raises(ValidationError) as error:
        notice.full_clean()
    assert error.value.message_dict["shown_until"] == ["Meldingen må slutte etter at den starter."]


def test_datetime_values_are_valid_html(client, content):
    html = client.get(content["article"].url).content.decode()
    values = re.findall(r'<time datetime="([^"]+)"', html)
    assert values
    for value in values:
        assert HTML_DATETIME.match(value), value


def test_demo_settings_run_as_in_production():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEBUG, settings.STORAGES['staticfiles']['BACKEND'], "
        "settings.MIDDLEWARE[0], settings.VEIVISER_SERVE_MEDIA)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"DJANGO_SETTINGS_MODULE": "website.settings.demo", "PATH": "/usr/bin:/bin"},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "django.middleware.gzip.GZipMiddleware",
        "True",  # uploads are served with DEBUG off (website/urls.py)
    ]
