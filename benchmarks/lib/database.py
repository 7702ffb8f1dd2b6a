"""A database made from scratch for a benchmark, and Django set up on it."""

import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]


def keep():
    """BENCH_KEEP=1: reuse the database of an earlier run instead of making it again (faster
    iterations on the query side; the data are those of the run that made it)."""
    return os.environ.get("BENCH_KEEP") == "1"


def setup_django():
    """Recreate the benchmark's database, set Django up on it and name its engine.

    SQLite in a temporary file unless DATABASE_URL names a PostgreSQL database, which must end
    in «_bench»: it is dropped and created again. With BENCH_KEEP=1 the database is kept:
    SQLite in benchmarks/out/<script>.sqlite3, PostgreSQL not dropped when it exists.
    """
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "website.settings.test"
    engine = prepare_database()
    import django

    django.setup()
    return engine


def prepare_database():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        if keep():
            path = ROOT / "benchmarks" / "out" / f"{Path(sys.argv[0]).stem}.sqlite3"
            path.parent.mkdir(exist_ok=True)
        else:
            path = Path(tempfile.mkdtemp(prefix="veiviser-bench-")) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        return "SQLite"
    name = urlparse(url).path.lstrip("/")
    if not name.endswith("_bench"):
        sys.exit(f"Refusing to recreate {name!r}: use a database whose name ends in _bench.")
    import psycopg

    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and keep():
            return "PostgreSQL"
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return "PostgreSQL"
