"""What the probes (benchmarks/soak.py, benchmarks/db_restart.py) and the PostgreSQL outage test
share: a private PostgreSQL cluster, a prepared database, and the site served on localhost.

Everything listens on 127.0.0.1 only, on free ports, in temporary directories that are removed
afterwards. As root, PostgreSQL's programs run as the «postgres» user (initdb refuses root).
"""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
ADMIN_USER, ADMIN_PASSWORD = "probe", "probe-passord-2026"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_bin():
    """The newest /usr/lib/postgresql/N/bin with initdb, or None."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    return Path(found[-1]).parent if found else None


class PrivateCluster:
    """A PostgreSQL cluster of our own, to stop and start at will."""

    def __init__(self):
        self.bin = postgres_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL's initdb is not installed (/usr/lib/postgresql/*/bin)")
        self.dir = Path(tempfile.mkdtemp(prefix="veiviser-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")

    def _run(self, *args, check=True):
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True, timeout=120)

    def init(self):
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--no-sync")  # fmt: skip
        return self

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "log"), "-o", options,
                  "-w", "start")  # fmt: skip

    def stop(self):
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, name="veiviser"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def create_database(self, name="veiviser"):
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return self.url(name)

    def destroy(self):
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)


def environment(database_url):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="website.settings.test",
        PYTHONPATH=str(ROOT),
        PYTHONUNBUFFERED="1",
    )
    return env


def prepare(database_url, pages=120):
    """Migrate, then a site with six factors and ``pages`` guidance pages, and a superuser."""
    subprocess.run(
        [sys.executable, __file__, "prepare", str(pages)],
        env=environment(database_url),
        cwd=ROOT,
        check=True,
        timeout=900,
    )


def _prepare_here(pages):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from lib.pages import add_pages, build_structure

    call_command("migrate", verbosity=0)
    nb, factors, indexes, themes, municipalities = build_structure()
    add_pages(pages, nb, factors, indexes, themes, municipalities)
    get_user_model().objects.create_superuser(ADMIN_USER, "probe@example.invalid", ADMIN_PASSWORD)


class Site:
    """The site served by Django's runserver (threaded, DEBUG off) on a free localhost port."""

    def __init__(self, database_url):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (open while the server runs)
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload"],
            env=environment(database_url),
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                get(self.base + "/robots.txt", timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("the site did not start")

    def rss_kib(self):
        """The server process's resident memory (KiB)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(url, timeout=10, opener=None):
    """(status, headers, body) of a GET; HTTP errors are answers, not exceptions."""
    return request(url, timeout=timeout, opener=opener)


def request(url, data=None, timeout=10, opener=None, headers=None):
    opener = opener or urllib.request.build_opener(NoRedirect)
    body = urlencode(data, doseq=True).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with opener.open(req, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


def logged_in(site):
    """An opener with the probe superuser's session (and its CSRF token)."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    get(site.base + "/admin/login/", opener=opener)
    token = next(c.value for c in jar if c.name == "csrftoken")
    status, _headers, _body = request(
        site.base + "/admin/login/",
        {"username": ADMIN_USER, "password": ADMIN_PASSWORD, "csrfmiddlewaretoken": token},
        opener=opener,
        headers={"Referer": site.base + "/admin/login/", "Origin": site.base},
    )
    if status != 302:
        raise RuntimeError(f"login answered {status}")
    return opener, next(c.value for c in jar if c.name == "csrftoken")


if __name__ == "__main__" and sys.argv[1:2] == ["prepare"]:
    _prepare_here(int(sys.argv[2]))
