"""Backups of the database and the media files, and their restore (docs/operations.md).

PostgreSQL is backed up with ``pg_dump --format=custom`` and restored with ``pg_restore
--single-transaction --exit-on-error`` into a new, empty database, so a restore either succeeds
whole or changes nothing. SQLite (the demo) is copied with SQLite's online backup. The media
files (images, documents) go into a tar.gz beside the dump.
"""

import os
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection


def libpq_environment(database):
    """The connection settings of ``database`` as libpq variables, so no password is in argv."""
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    return env


def run(command, database):
    result = subprocess.run(
        command, env=libpq_environment(database), capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise CommandError(f"{command[0]} failed ({result.returncode}): {result.stderr.strip()}")


def back_up_database(folder, stamp):
    database = connection.settings_dict
    if connection.vendor == "postgresql":
        target = folder / f"veiviser-{stamp}.dump"
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges"]
        run([*command, f"--file={target}", database["NAME"]], database)
        return target
    if connection.vendor == "sqlite":
        target = folder / f"veiviser-{stamp}.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return target
    raise CommandError(f"No backup for the {connection.vendor} database.")


def back_up_media(folder, stamp):
    target = folder / f"veiviser-{stamp}-media.tar.gz"
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(target, "w:gz") as archive:
        if media.is_dir():
            archive.add(media, arcname=".")
    return target


def database_is_empty():
    return not connection.introspection.table_names()


def restore_database(dump):
    database = connection.settings_dict
    if not database_is_empty():
        raise CommandError(
            f"The database {database['NAME']} is not empty. Restore into a new, empty database "
            "(createdb) and point DATABASE_URL at it."
        )
    if connection.vendor == "postgresql":
        command = ["pg_restore", "--single-transaction", "--exit-on-error", "--no-owner"]
        run([*command, "--no-privileges", f"--dbname={database['NAME']}", str(dump)], database)
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(dump) as source:
            source.backup(connection.connection)
        source.close()
    else:
        raise CommandError(f"No restore for the {connection.vendor} database.")
    connection.close()


def restore_media(archive_path):
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive_path, "r:gz") as archive:
        archive.extractall(media, filter="data")  # no absolute paths, links out or devices
