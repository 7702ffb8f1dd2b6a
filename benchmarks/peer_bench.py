"""Benchmark: Veiviser's factor page against the reference peer's blog page, on one stack.

The peer is wagtail/bakerydemo, run beside Veiviser (its code is never part of this
repository) on the same Wagtail 8.0, Django 5.2, gunicorn and PostgreSQL:

    git clone https://github.com/wagtail/bakerydemo /tmp/bakerydemo && cd /tmp/bakerydemo
    python3 -m venv .venv && .venv/bin/pip install "wagtail>=8.0,<8.1" "Django>=5.2,<5.3" \\
        python-dotenv wagtail-font-awesome-svg django-debug-toolbar django-extensions \\
        "django-csp<4" dj-database-url "psycopg[binary]" gunicorn whitenoise
    export DJANGO_SETTINGS_MODULE=bakerydemo.settings.production DJANGO_SECRET_KEY=bench \\
        DATABASE_URL=postgres://postgres@127.0.0.1:5432/peer_bakery
    createdb -h 127.0.0.1 -U postgres peer_bakery && .venv/bin/python manage.py migrate
    .venv/bin/python manage.py load_initial_data && .venv/bin/python manage.py collectstatic

Then, from Veiviser's repository root (needs Debian's wrk and a PostgreSQL database):

    PEER_DIR=/tmp/bakerydemo PEER_DATABASE_URL=postgres://postgres@127.0.0.1:5432/peer_bakery \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/veiviser_peer_bench \\
    REDIS_URL=redis://127.0.0.1:6379/3 .venv/bin/python benchmarks/peer_bench.py

With REDIS_URL the page cache runs as in production (pages and the publication stamp in
Redis: a hit reads no table); without it each worker keeps its own and reads the stamp's row.
For the cached/static ratio alone, `benchmarks/http_bench.py --wrk` measures the two in turn.

Each server runs gunicorn with 2 workers and production settings; wrk drives it with 2 threads
and 8 connections for DURATION seconds per address. Veiviser runs twice: with its page cache
off (every request renders) and on. Prints req/s, p50 and p99 and the ratios that issue 13 sets:
factor page against the peer's blog page (≥ 2×), cached page against a static file (≥ 0.8×).
"""

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DURATION = int(os.environ.get("DURATION", "15"))
SECRET = "peer-bench-" + "x" * 50


def wait_until_up(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer in {timeout} s")


@contextmanager
def gunicorn(directory, python, module, port, env):
    command = [python, "-m", "gunicorn", module, "--workers", "2", "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        command,
        cwd=directory,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def wrk(url):
    """req/s, p50 ms, p99 ms, non-2xx responses."""
    output = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{DURATION}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def millis(label):
        value, unit = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", output, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, millis("50"), millis("99"), int(errors.group(1)) if errors else 0


def main():
    peer_dir, peer_db = os.environ.get("PEER_DIR"), os.environ.get("PEER_DATABASE_URL")
    if not (peer_dir and peer_db and os.environ.get("DATABASE_URL") and shutil.which("wrk")):
        sys.exit(__doc__)
    python = sys.executable
    veiviser = {
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
    }
    manage = [python, "manage.py"]
    for step in (["migrate", "--noinput"], ["load_initial_data"], ["collectstatic", "--noinput"]):
        subprocess.run(
            manage + step, cwd=ROOT, env={**os.environ, **veiviser}, check=True, capture_output=True
        )
    peer = {
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": SECRET,
        "DATABASE_URL": peer_db,
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on localhost, as for Veiviser
    }
    peer_python = str(Path(peer_dir) / ".venv" / "bin" / "python")
    rows = {}
    with gunicorn(peer_dir, peer_python, "bakerydemo.wsgi", 8911, peer) as base:
        wait_until_up(base + "/blog/wild-yeast/")
        rows["peer: blog page"] = wrk(base + "/blog/wild-yeast/")
        rows["peer: home page"] = wrk(base + "/")
    for cache in ("false", "true"):
        env = {**veiviser, "VEIVISER_PAGE_CACHE": cache}
        with gunicorn(ROOT, python, "website.wsgi", 8912, env) as base:
            wait_until_up(base + "/")
            label = "cached" if cache == "true" else "uncached"
            for page, path in (("factor page", first_factor_path(base)), ("home page", "/")):
                rows[f"veiviser: {page}, {label}"] = wrk(base + path)
            if cache == "true":
                rows["veiviser: static file"] = wrk(base + "/static/css/veiviser.css")
    print(f"wrk -t2 -c8 -d{DURATION}s, gunicorn with 2 workers each, PostgreSQL")
    print(f"{'address':40} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for label, (rate, p50, p99, errors) in rows.items():
        print(f"{label:40} {rate:8.1f} {p50:8.1f} {p99:8.1f} {errors:7d}")
    factor = rows["veiviser: factor page, uncached"][0]
    print(f"\nfactor page / peer's blog page: {factor / rows['peer: blog page'][0]:.2f}× (aim ≥ 2)")
    cached = rows["veiviser: factor page, cached"][0]
    static = rows["veiviser: static file"][0]
    print(f"cached factor page / static file: {cached / static:.2f}× (aim ≥ 0.8)")


def first_factor_path(base):
    with urllib.request.urlopen(base + "/suksessfaktorer/") as response:
        html = response.read().decode()
    return re.search(r'href="(/suksessfaktorer/[^"/]+/)"', html).group(1)


if __name__ == "__main__":
    main()
