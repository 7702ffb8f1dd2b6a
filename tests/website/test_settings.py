"""Production settings take their secrets from the environment and refuse to start without."""

import os
import subprocess
import sys

from django.conf import settings


def run_with(env):
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    environ = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    environ.update(env, DJANGO_SETTINGS_MODULE="website.settings.production")
    return subprocess.run(
        [sys.executable, "-c", code],
        env=environ,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_with({})
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_starts_with_secret_key():
    result = run_with({"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "veiviser.example.no"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
