"""The logbook most tests start from (a copy of the session's template) is the one a user
gets from open_logbook on a new folder: same schema, same seeded data, same privacy."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from logbook_template import copy_logbook, template_path

from po_tracker import schema
from po_tracker.paths import database_path
from po_tracker.services.storage.opening import open_logbook
from po_tracker.services.storage.start_view import logbook_revision


def _contents(data_dir) -> tuple[list, dict]:
    """Every schema object's SQL and every table's rows."""
    with closing(sqlite3.connect(database_path(data_dir))) as connection:
        objects = connection.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        tables = [name for kind, name, _ in objects if kind == "table"]
        rows = {t: sorted(map(repr, connection.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    return objects, rows


def test_a_copied_logbook_is_what_open_logbook_makes(tmp_path):
    open_logbook(tmp_path / "real").close()
    copy_logbook(tmp_path / "copy").close()
    real_objects, real_rows = _contents(tmp_path / "real")
    copy_objects, copy_rows = _contents(tmp_path / "copy")
    assert copy_objects == real_objects
    # Each logbook draws its own random data revision; everything else is the same.
    real_revision, copy_revision = real_rows.pop("data_revision"), copy_rows.pop("data_revision")
    assert len(copy_revision) == len(real_revision) == 1 and copy_revision != real_revision
    assert copy_rows == real_rows
    assert sum(map(len, copy_rows.values())) > 100  # the default framework is there


def test_the_template_follows_the_newest_migration(tmp_path):
    # SCHEMA_HEAD is read, not written here: a new migration moves the template with it.
    assert schema.current_revision(template_path()) == schema.SCHEMA_HEAD
    copy_logbook(tmp_path / "copy").close()
    assert schema.current_revision(database_path(tmp_path / "copy")) == schema.SCHEMA_HEAD
    assert schema.ensure_schema(database_path(tmp_path / "copy")) is False


def test_each_copy_has_its_own_data_revision(tmp_path):
    revisions = set()
    for name in ("a", "b"):
        copy_logbook(tmp_path / name).close()
        revisions.add(logbook_revision(database_path(tmp_path / name)))
    assert len(revisions) == 2 and None not in revisions


def test_a_copied_logbook_is_private_and_leaves_the_template_alone(tmp_path):
    before = template_path().read_bytes()
    database = copy_logbook(tmp_path / "copy")
    with database.write() as session:
        session.connection().exec_driver_sql("CREATE TABLE probe(x)")
    database.close()
    assert (tmp_path / "copy").stat().st_mode & 0o777 == 0o700
    assert database_path(tmp_path / "copy").stat().st_mode & 0o777 == 0o600
    assert template_path().read_bytes() == before
