"""A database made and filled by the previous main's code migrates to the new code without loss.

The previous main (commit ae72a47) had ``PublicationStamp`` in website and ``Directorate`` in
guidance; the new code has them in core and editorial, on the same tables, and renames their
content type rows in place. This test builds a database with the old code (its migrations and
demo loader, in a subprocess), snapshots it with plain SQL, migrates it with the new code and
snapshots again: everything must be equal except the two content type labels, and the new code
must serve the migrated content. It uses a scratch database of its own (a SQLite file, or a
database on the PostgreSQL server of ``DATABASE_URL``), never the pytest-django test database.
"""

import shutil

from tests.core.previous_main import (
    MOVED,
    NEW_CHECKS,
    REPOSITORY,
    build_with_previous_main,
    extract_previous_main,
    relabelled,
    require_previous_main,
    run,
    scratch_database,
    snapshot,
    stale_labels,
)

MOVE_MIGRATIONS = {
    ("core", "0001_publication_stamp"),
    ("website", "0007_publication_stamp_moved_to_core"),
    ("editorial", "0006_directorate_moved_from_guidance"),
    ("guidance", "0004_directorate_moved_to_editorial"),
    ("cases", "0004_directorate_moved_to_editorial"),
    ("website", "0008_directorate_moved_to_editorial"),
}


def migrate_previous_main_database(folder):
    """Snapshots of a previous-main database before and after the new code's migrations."""
    code = extract_previous_main(folder / "previous-main")
    with scratch_database(folder) as database:
        build_with_previous_main(code, database.url)
        before = snapshot(database)
        run(REPOSITORY, ["manage.py", "migrate", "--noinput"], database.url)
        after = snapshot(database)
        served = run(REPOSITORY, ["-c", NEW_CHECKS], database.url)
    return before, after, served


def kept(old, new):
    """Whether ``new`` holds all of ``old``: every row, every key, counts no lower. A table's
    rows are compared on the old columns: a column added since (with its default) is no loss."""
    if isinstance(old, dict):
        return all(key in new and kept(value, new[key]) for key, value in old.items())
    if isinstance(old, list):
        columns = sorted(old[0]) if old and isinstance(old[0], dict) else None

        def key(row):
            return repr([row.get(c) for c in columns]) if columns else repr(row)

        return not {key(row) for row in old} - {key(row) for row in new}
    if isinstance(old, int) and isinstance(new, int):
        return new >= old
    return old == new


def test_previous_main_database_migrates_without_loss(tmp_path):
    require_previous_main()
    folder = tmp_path / "migration-from-previous-main"
    try:
        before, after, served = migrate_previous_main_database(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    # The old database has the content this test is about.
    labels = {label for _pk, label in before["content types"]}
    assert set(MOVED) <= labels
    assert before["directorates"] and before["publication stamps"]
    assert {row[5] for row in before["pages"]} == {"nb", "nn"}
    assert {label for _pk, label, _codename, _name in before["permissions"]} >= set(MOVED)
    assert "guidance.view_directorate" in {perm for _group, perm in before["group permissions"]}
    assert before["workflow states"] and before["revisions"] and before["translation sources"]
    assert before["user permissions"]

    # The new code's migrations ran, and only added to the migration history.
    applied = set(after.pop("applied migrations"))
    already = set(before.pop("applied migrations"))
    assert already < applied
    assert applied - already >= MOVE_MIGRATIONS

    # Everything else is as it was, but for the moved models' content type labels.
    expected = relabelled(before)
    assert set(expected) <= set(after)
    # Tables of apps added since (the glossary, the self-assessment) start out as their
    # migrations made them; every table the old database had is compared.
    after = {name: after[name] for name in expected}
    # Nothing the old database held is lost or changed; apps and models added since (the
    # glossary, work processes, the self-assessment) only add content types, permissions and rows.
    for counts in (expected, after):
        counts["row counts"] = dict(counts["row counts"])  # table → rows, compared as «no fewer»
    changed = [name for name in expected if not kept(expected[name], after[name])]
    assert not changed, f"changed in the migration: {', '.join(changed)}"
    assert set(MOVED.values()) <= {label for _pk, label in after["content types"]}
    assert not set(MOVED) & {label for _pk, label in after["content types"]}
    assert stale_labels(after) == []

    assert "new code serves the migrated database" in served
