"""The demo served as in production, for the HTML validator and Lighthouse.

``manage.py runserver --noreload`` with ``website.settings.demo`` (DEBUG off, static files
collected, compressed and served by WhiteNoise, pages compressed) in a subprocess, on the test
database the module's ``demo_database`` fixture has committed the demo content to. Also the
crawl of every public page of the demo in both languages.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection

# Pages a crawl of links does not reach (forms' results, error pages), in both languages.
EXTRA_PATHS = [
    "/sok/?q=samarbeid",
    "/nn/sok/?q=samarbeid",
    "/sok/?q=",
    "/finnes-ikke/",
    "/nn/finst-ikkje/",
]
SKIPPED_PREFIXES = ("/static/", "/media/", "/documents/", "/admin", "/django-admin", "/api/")
# The server's PostgreSQL sessions go by this name, so that they can be seen to end.
APPLICATION_NAME = "veiviser-production-test"
SKIPPED_SUFFIXES = (".xml", ".txt", ".json", ".ico", ".webmanifest", ".csv", ".xlsx", ".pdf")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    """The test database, as a DATABASE_URL the subprocess's settings read."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        password = f":{urllib.parse.quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
        host = db.get("HOST") or "127.0.0.1"
        port = db.get("PORT") or 5432
        return (
            f"postgres://{db['USER']}{password}@{host}:{port}/{db['NAME']}"
            f"?application_name={APPLICATION_NAME}"
        )
    return f"sqlite:///{db['NAME']}"


class ProductionServer:
    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.demo",
            "DATABASE_URL": database_url(),
            "VEIVISER_BASE_URL": self.url,
            "PYTHONUNBUFFERED": "1",
        }
        self.process = None

    def manage(self, *args):
        return [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args]

    def start(self):
        subprocess.run(
            self.manage("collectstatic", "--noinput", "--verbosity", "0"),
            env=self.env,
            cwd=settings.BASE_DIR,
            check=True,
        )
        self.process = subprocess.Popen(
            self.manage("runserver", "--noreload", f"127.0.0.1:{self.port}"),
            env=self.env,
            cwd=settings.BASE_DIR,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped: {self.process.stderr.read()}")
            try:
                urllib.request.urlopen(self.url + "/robots.txt", timeout=5)
                return self
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        raise RuntimeError("the server did not start within a minute")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.end_database_sessions()

    @staticmethod
    def end_database_sessions():
        """Wait until the server's PostgreSQL sessions have ended (ending any left), or the test
        database cannot be dropped after the run («being accessed by other users»)."""
        if connection.vendor != "postgresql":
            return
        query = (
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND application_name = %s"
        )
        deadline = time.monotonic() + 15
        with connection.cursor() as cursor:
            while time.monotonic() < deadline:
                cursor.execute(query, [APPLICATION_NAME])
                if not cursor.fetchall():
                    return
                time.sleep(0.2)

    def get(self, path):
        """(status, content type, text) of ``path``."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=60) as response:
                body = response.read().decode()
                return response.status, response.headers.get("Content-Type", ""), body
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type", ""), error.read().decode()

    def crawl(self):
        """{path: HTML} of every page linked from the home pages and the sitemap, both
        languages, and ``EXTRA_PATHS``. Addresses with a query (facets, pages of results) are
        not followed: they show the same templates as those crawled."""
        _status, _type, sitemap = self.get("/sitemap.xml")
        queue = ["/", "/nn/", *EXTRA_PATHS]
        queue += [urllib.parse.urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)<", sitemap)]
        pages, seen = {}, set()
        while queue:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            status, content_type, html = self.get(path)
            if "text/html" not in content_type:
                continue
            pages[path] = (status, html)
            for href in re.findall(r'href="([^"#]+)', html):
                target = urllib.parse.urlsplit(
                    urllib.parse.urljoin(path, href.replace("&amp;", "&"))
                )
                if target.scheme not in ("", "http") or target.netloc not in ("", self.netloc):
                    continue
                if target.query or target.path in seen:
                    continue
                if target.path.startswith(SKIPPED_PREFIXES):
                    continue
                if target.path.endswith(SKIPPED_SUFFIXES) or "/feed" in target.path:
                    continue
                queue.append(target.path)
        return pages

    @property
    def netloc(self):
        return f"127.0.0.1:{self.port}"
