"""A database made by the previous main's code, and plain-SQL snapshots of its content.

Used by test_migration_from_previous_main.py. Models live in other apps in the new code, so the
snapshots read tables with SQL and name content types by their ``app_label.model`` label.
"""

import contextlib
import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from django.db import connection

from tests.helpers import STRICT

PREVIOUS_MAIN = "ae72a47da6b4d7481dd983cb70b7892c5361a5f4"
REPOSITORY = Path(__file__).resolve().parents[2]

# The content types the new code renames in place (core.migrations.move_content_type).
MOVED = {
    "guidance.directorate": "editorial.directorate",
    "website.publicationstamp": "core.publicationstamp",
}

# This project is installed in editable mode: setuptools' finder would hand the old code any
# module its tree lacks (guidance.wagtail_hooks, core) from this checkout. Dropped first.
ISOLATE = (
    "import sys; sys.meta_path[:] = [f for f in sys.meta_path"
    " if not getattr(f, '__module__', '').startswith('__editable__')]; "
)
RUN_OLD = (
    ISOLATE + "import runpy; sys.argv = sys.argv[1:]; "
    "runpy.run_path(sys.argv[0], run_name='__main__')"
)
PROBE_OLD = (
    ISOLATE + "import importlib.util, json; "
    "print(json.dumps({name: getattr(importlib.util.find_spec(name), 'origin', None)"
    " for name in ('website.publication', 'core')}))"
)

EDITOR = "previous-main-editor"

# Run by the old code after its demo loader: in-progress workflows on a page and a snippet, a
# translation source (there are more when Apertium translated the demo), and an editor with a
# directorate permission through a group and one of their own.
OLD_EXTRAS = f"""
from django.contrib.auth.models import Group, Permission, User
from wagtail_localize.models import TranslationSource
from guidance.models import FactorPage, Theme
editor = User.objects.create_user({EDITOR!r})
groups = Group.objects.filter(permissions__codename="access_admin")
editor.groups.add(groups.filter(permissions__codename="view_directorate").order_by("name")[0])
editor.user_permissions.add(
    Permission.objects.get(content_type__app_label="guidance", codename="change_directorate")
)
page = FactorPage.objects.filter(locale__language_code="nb").order_by("path")[0]
page.get_workflow().start(page, editor)
theme = Theme.objects.filter(locale__language_code="nb").order_by("pk")[0]
theme.get_workflow().start(theme, editor)
TranslationSource.get_or_create_from_instance(theme)
"""

# Run by the new code on the migrated database.
NEW_CHECKS = f"""
import django
django.setup()
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Site, WorkflowState
from core import publication
from editorial.models import Directorate

call_command("makemigrations", check=True, dry_run=True, verbosity=1)
client = Client()
for url in ("/", "/nn/"):
    status = client.get(url).status_code
    assert status == 200, f"GET {{url}}: {{status}}"
husbanken = Directorate.objects.get(name="Husbanken")
owners = {{getattr(p.specific, "directorate", None) for p in Page.objects.filter(depth__gt=1)}}
assert husbanken in owners, owners
for state in WorkflowState.objects.all():
    assert state.content_object is not None, state
editor = User.objects.get(username={EDITOR!r})
assert editor.has_perm("editorial.view_directorate"), "group permission lost"
assert editor.has_perm("editorial.change_directorate"), "user permission lost"
client.force_login(editor)
status = client.get(reverse(Directorate.snippet_viewset.get_url_name("list"))).status_code
assert status == 200, f"directorate listing for {{editor}}: {{status}}"

# It writes to the moved tables: a new directorate owns a page, the publish renews the stamp.
home = Site.objects.get(is_default_site=True).root_page.specific
home.directorate = Directorate.objects.create(name="Direktoratet etter migreringen")
stamp = publication.current()
home.save_revision().publish()
assert publication.current() != stamp, "publishing did not renew the publication stamp"
assert Page.objects.get(pk=home.pk).specific.directorate == home.directorate
print("new code serves the migrated database")
"""


def unavailable(reason):
    """Skip, or in CI (VEIVISER_STRICT_SKIPS=1) fail: the test must run there."""
    if STRICT:
        pytest.fail(reason)
    pytest.skip(reason)


def git(*args):
    return subprocess.run(
        ["git", "-C", str(REPOSITORY), *args], capture_output=True, check=False, timeout=120
    )


def require_previous_main():
    if shutil.which("git") is None:
        unavailable("git is not installed: the previous main's code cannot be extracted")
    if git("rev-parse", "--git-dir").returncode:
        unavailable(f"{REPOSITORY} is not a git clone: the previous main's code is not at hand")
    if git("cat-file", "-e", f"{PREVIOUS_MAIN}^{{commit}}").returncode:
        unavailable(f"commit {PREVIOUS_MAIN[:7]} (previous main) is not in this clone's history")


def extract_previous_main(folder):
    folder.mkdir(parents=True)
    archive = folder.with_suffix(".tar")
    result = git("archive", f"--output={archive}", PREVIOUS_MAIN)
    if result.returncode:
        pytest.fail(f"git archive {PREVIOUS_MAIN[:7]} failed: {result.stderr.decode()}")
    subprocess.run(["tar", "-x", "-f", str(archive), "-C", str(folder)], check=True, timeout=120)
    archive.unlink()
    return folder


def run(code, args, database_url, isolate=False):
    """Run the Python of this test with ``args`` in ``code`` (a checkout) on the database."""
    env = dict(
        os.environ,
        PYTHONPATH=str(code),
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="website.settings.test",
    )
    command = [sys.executable, *(["-c", RUN_OLD] if isolate else []), *args]
    result = subprocess.run(
        command, cwd=code, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    if result.returncode:
        pytest.fail(
            f"{' '.join(args)} in {code} failed ({result.returncode}):\n"
            f"{result.stdout[-4000:]}\n{result.stderr[-6000:]}",
            pytrace=False,
        )
    return result.stdout


def build_with_previous_main(code, database_url):
    """Migrate the database and load the demo content with the previous main's code."""
    found = json.loads(run(code, ["-c", PROBE_OLD], database_url))
    old_module = Path(found["website.publication"] or "/").resolve()
    if found["core"] is not None or not old_module.is_relative_to(code.resolve()):
        pytest.fail(f"the subprocess does not import the previous main's code alone: {found}")
    for args in (
        ["manage.py", "compile_translations"],
        ["manage.py", "migrate", "--noinput"],
        ["manage.py", "load_initial_data"],
        ["manage.py", "shell", "-c", OLD_EXTRAS],
    ):
        run(code, args, database_url, isolate=True)


# Scratch databases ---------------------------------------------------------------------------


class ScratchDatabase:
    def __init__(self, vendor, url, connect):
        self.vendor = vendor
        self.url = url
        self.connect = connect


@contextlib.contextmanager
def scratch_database(folder):
    """A new empty database on the server CI is testing with, removed afterwards."""
    if connection.vendor != "postgresql":
        path = folder / "previous.sqlite3"
        yield ScratchDatabase("sqlite", f"sqlite:///{path}", lambda: sqlite3.connect(path))
        return
    import psycopg

    settings = connection.settings_dict
    server = {
        "host": settings["HOST"] or None,
        "port": settings["PORT"] or None,
        "user": settings["USER"] or None,
        "password": settings["PASSWORD"] or None,
    }
    name = f"veiviser_previous_{secrets.token_hex(4)}"
    url = urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}"))
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield ScratchDatabase("postgresql", url, lambda: psycopg.connect(dbname=name, **server))
        finally:
            force = " WITH (FORCE)" if admin.info.server_version >= 130000 else ""
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"{force}')


# Snapshots -----------------------------------------------------------------------------------

TABLES_SQL = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'",
    "postgresql": "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()",
}

# name: (SQL, positions of content type ids in its rows)
LABELLED = {
    "pages": (
        "SELECT p.id, p.path, p.depth, p.title, p.slug, l.language_code, p.live,"
        " p.translation_key, p.alias_of_id, p.content_type_id"
        " FROM wagtailcore_page p JOIN wagtailcore_locale l ON l.id = p.locale_id",
        (9,),
    ),
    "directorates": ("SELECT * FROM guidance_directorate", ()),
    "publication stamps": ("SELECT id, stamp FROM website_publicationstamp", ()),
    "revisions": (
        "SELECT id, object_id, content_type_id, base_content_type_id, object_str, created_at"
        " FROM wagtailcore_revision",
        (2, 3),
    ),
    "permissions": ("SELECT id, content_type_id, codename, name FROM auth_permission", (1,)),
    "group permissions": (
        "SELECT g.name, c.app_label || '.' || p.codename FROM auth_group_permissions gp"
        " JOIN auth_group g ON g.id = gp.group_id"
        " JOIN auth_permission p ON p.id = gp.permission_id"
        " JOIN django_content_type c ON c.id = p.content_type_id",
        (),
    ),
    "user permissions": (
        "SELECT u.username, c.app_label || '.' || p.codename FROM auth_user_user_permissions up"
        " JOIN auth_user u ON u.id = up.user_id"
        " JOIN auth_permission p ON p.id = up.permission_id"
        " JOIN django_content_type c ON c.id = p.content_type_id",
        (),
    ),
    "workflow content types": (
        "SELECT w.name, wc.content_type_id FROM wagtailcore_workflowcontenttype wc"
        " JOIN wagtailcore_workflow w ON w.id = wc.workflow_id",
        (1,),
    ),
    "workflow states": (
        "SELECT s.id, s.content_type_id, s.base_content_type_id, s.object_id, s.status, w.name"
        " FROM wagtailcore_workflowstate s JOIN wagtailcore_workflow w ON w.id = s.workflow_id",
        (1, 2),
    ),
    "translation sources": (
        "SELECT s.id, s.object_id, o.content_type_id, s.specific_content_type_id,"
        " l.language_code, s.object_repr FROM wagtail_localize_translationsource s"
        " JOIN wagtail_localize_translatableobject o ON o.translation_key = s.object_id"
        " JOIN wagtailcore_locale l ON l.id = s.locale_id",
        (2, 3),
    ),
}


def plain(value):
    return bytes(value) if isinstance(value, memoryview) else value


def ordered(rows):
    return sorted((tuple(plain(v) for v in row) for row in rows), key=repr)


class Reader:
    def __init__(self, cursor):
        self.cursor = cursor

    def rows(self, sql):
        self.cursor.execute(sql)
        return ordered(self.cursor.fetchall())

    def records(self, table):
        """Every row of ``table`` as {column: value}, so columns added later compare fairly."""
        self.cursor.execute(f'SELECT * FROM "{table}"')
        names = [column[0] for column in self.cursor.description]
        records = (
            {name: plain(value) for name, value in zip(names, row, strict=True)}
            for row in self.cursor.fetchall()
        )
        return sorted(records, key=repr)

    def columns(self, table):
        self.cursor.execute(f'SELECT * FROM "{table}" WHERE 1 = 0')
        return [column[0] for column in self.cursor.description]


# Covered in their own terms: "content types" (by label) and "applied migrations" (a superset).
NOT_RAW = {"django_content_type", "django_migrations"}


def snapshot(database):
    """The database's content: ``{name: sorted rows}``, content types as ``app_label.model``."""
    with contextlib.closing(database.connect()) as db:
        read = Reader(db.cursor())
        content_types = read.rows("SELECT id, app_label, model FROM django_content_type")
        labels = {pk: f"{app}.{model}" for pk, app, model in content_types}
        result = {
            "content types": ordered(labels.items()),
            "applied migrations": read.rows("SELECT app, name FROM django_migrations"),
        }
        for name, (sql, positions) in LABELLED.items():
            result[name] = ordered(
                [labels.get(v) if i in positions else v for i, v in enumerate(row)]
                for row in read.rows(sql)
            )
        for label in sorted({row[-1] for row in result["pages"]} - {"wagtailcore.page"}):
            result[f"table of {label}"] = read.records(label.replace(".", "_"))
        tables = sorted(row[0] for row in read.rows(TABLES_SQL[database.vendor]))
        result.update(every_table(read, tables, labels))
    return result


def every_table(read, tables, labels):
    """Row counts and rows of every table, and which content types its columns point at."""
    result = {"row counts": [], "content type references": []}
    for table in tables:
        rows = read.records(table)
        if table == "django_migrations":
            continue
        result["row counts"].append((table, len(rows)))
        if table not in NOT_RAW:
            result[f"rows of {table}"] = rows
        for column in read.columns(table):
            if column.endswith("content_type_id"):
                counts = read.rows(f'SELECT "{column}", COUNT(*) FROM "{table}" GROUP BY 1')
                result["content type references"] += [
                    (table, column, labels.get(pk), n) for pk, n in counts
                ]
    result["content type references"] = ordered(result["content type references"])
    return result


def stale_labels(snapshot):
    """(table, cell) of text that names a moved model by its old label."""
    old = [label.lower() for label in MOVED]
    found = []
    for name, rows in snapshot.items():
        if name.startswith("rows of "):
            for row in rows:
                for value in row:
                    text = json.dumps(value) if isinstance(value, dict | list) else str(value)
                    if any(label in text.lower() for label in old):
                        found.append((name[len("rows of ") :], text[:200]))
    return found


def relabelled(snapshot):
    """``snapshot`` as the migration should leave it: the moved models under their new labels."""
    renames = dict(MOVED)
    for _pk, label, codename, _name in snapshot["permissions"]:
        if label in MOVED:
            old_app, new_app = label.split(".")[0], MOVED[label].split(".")[0]
            renames[f"{old_app}.{codename}"] = f"{new_app}.{codename}"

    def rename(value):
        return renames.get(value, value) if isinstance(value, str) else value

    result = {}
    for name, rows in snapshot.items():
        if name.startswith("rows of "):
            result[name] = rows  # raw ids: the content type rows keep theirs
        elif name.startswith("table of "):
            result[name] = [{key: rename(value) for key, value in row.items()} for row in rows]
        else:
            result[name] = ordered(tuple(rename(v) for v in row) for row in rows)
    return result
