"""The schema: migrations agree with the models, run from code, and guard the file."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from po_tracker import schema
from po_tracker.db import make_engine
from po_tracker.models import Base
from po_tracker.paths import database_path
from po_tracker.services.storage.opening import open_logbook


def test_models_and_migrations_agree(migrated_db):
    with migrated_db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "include_object": _not_search_index},
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def _not_search_index(obj, name, type_, reflected, compare_to):
    # Derived tables, kept by triggers and plain SQL, not by the ORM.
    derived = name.startswith("search_index") or name == "data_revision"
    return not (type_ == "table" and derived)


def test_schema_head_constant_is_the_newest_revision():
    script = ScriptDirectory.from_config(schema._alembic_config())
    assert script.get_heads() == [schema.SCHEMA_HEAD]


def test_fresh_logbook_is_at_head_and_second_open_does_no_migration(data_dir):
    open_logbook(data_dir).close()
    path = database_path(data_dir)
    assert schema.current_revision(path) == schema.SCHEMA_HEAD
    assert schema.ensure_schema(path) is False


def test_connection_pragmas(migrated_db):
    with migrated_db.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000


def test_files_are_private(migrated_db, data_dir):
    with migrated_db.write() as session:
        session.connection().exec_driver_sql("CREATE TABLE probe(x)")
        session.connection().exec_driver_sql("DROP TABLE probe")
    assert data_dir.stat().st_mode & 0o777 == 0o700
    files = list(data_dir.iterdir())
    assert files
    for path in files:
        assert path.stat().st_mode & 0o777 == 0o600, path.name


def test_search_triggers_are_installed(migrated_db):
    with migrated_db.engine.connect() as connection:
        names = {
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            )
        }
    tables = [
        "certifications",
        "trainings",
        "networking_events",
        "contacts",
        "skill_ratings",
        "experience_entries",
        "journal_entries",
        "goals",
    ]
    for table in tables:
        assert {f"search_{table}_ai", f"search_{table}_au", f"search_{table}_ad"} <= names


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_database_from_a_newer_version_is_left_byte_for_byte(data_dir):
    open_logbook(data_dir).close()
    path = database_path(data_dir)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = _digest(path)
    with pytest.raises(schema.NewerDatabaseError, match="newer version"):
        open_logbook(data_dir)
    assert _digest(path) == before


def test_failed_migration_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    _migrate_to(path, "0001")
    engine = make_engine(path)
    with engine.begin() as connection:
        # A table 0002 is about to create: the upgrade must fail and roll back whole.
        connection.exec_driver_sql("CREATE TABLE search_index (x)")
    engine.dispose()
    before = _digest(path)
    with pytest.raises(Exception, match="search_index"):
        schema.ensure_schema(path)
    assert schema.current_revision(path) == "0001"
    assert _digest(path) == before


def _migrate_to(path, revision: str) -> None:
    from alembic import command

    config = schema._alembic_config()
    engine = make_engine(path, foreign_keys=False)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def test_upgrade_calls_the_backup_hook_first(tmp_path):
    path = tmp_path / "new.sqlite3"
    seen = []
    schema.ensure_schema(path, before_upgrade=lambda revision: seen.append(revision))
    assert seen == [None]
    assert schema.current_revision(path) == schema.SCHEMA_HEAD


@pytest.mark.parametrize("revision", list(schema.TABLES_AT))
def test_each_revision_has_the_tables_the_identity_check_expects(tmp_path, revision):
    path = tmp_path / "at.sqlite3"
    _migrate_to(path, revision)
    with sqlite3.connect(path) as connection:
        tables = {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if not name.startswith("search_index_")  # FTS5's own shadow tables
        }
    connection.close()
    assert tables == schema.TABLES_AT[revision]
    assert schema.identify(path) == revision


def test_every_revision_is_known_to_the_identity_check():
    assert set(schema.TABLES_AT) == schema.known_revisions()
    assert list(schema.TABLES_AT)[-1] == schema.SCHEMA_HEAD


def test_a_new_logbook_carries_the_application_id(db):
    with sqlite3.connect(db.path) as connection:
        (app_id,) = connection.execute("PRAGMA application_id").fetchone()
    connection.close()
    assert app_id == schema.APPLICATION_ID == int.from_bytes(b"POTR", "big")
    assert db.path.read_bytes()[68:72] == b"POTR"  # where `file` and other tools read it


def test_a_write_takes_the_write_lock_when_it_begins_and_a_read_does_not(db):
    other = sqlite3.connect(db.path, timeout=0, isolation_level=None)
    try:
        with db.write() as session:
            session.connection()  # the transaction has begun, nothing written yet
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")  # a second writer is told at once
        with db.read() as session:
            session.connection()
            other.execute("BEGIN IMMEDIATE")  # a reader leaves the writers be
            other.execute("ROLLBACK")
    finally:
        other.close()
