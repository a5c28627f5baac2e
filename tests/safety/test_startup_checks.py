"""Start-up checks: a damaged file is never opened for writing, a newer file is left byte
for byte, and a migration that fails leaves the old file and its backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import alembic.command
import pytest
from safety_helpers import add_entries, corrupt_page, digest, root_page

from po_tracker import schema
from po_tracker.db import create_private_file, make_engine
from po_tracker.paths import database_path, ensure_private_dir
from po_tracker.schema import NewerDatabaseError
from po_tracker.services.storage import backup, checked_open, integrity
from po_tracker.services.storage.integrity import DamagedDatabaseError, full_check, quick_check


@pytest.fixture
def damaged(data_dir):
    """A logbook with a good backup, then a page of its journal damaged."""
    from po_tracker.services.storage.opening import open_logbook

    db = open_logbook(data_dir)
    add_entries(db, 60)
    good = backup.take_backup(db.path)
    db.close()
    path = database_path(data_dir)
    corrupt_page(path, root_page(path, "journal_entries"))
    return path, good


def test_a_damaged_page_is_found_and_the_file_never_opened_for_writing(damaged, data_dir):
    path, good = damaged
    before = digest(path)
    assert not quick_check(path).ok and not full_check(path).ok
    with pytest.raises(DamagedDatabaseError) as caught:
        checked_open.open_checked(data_dir)
    assert caught.value.backup == good
    message = str(caught.value)
    assert "damaged" in message and str(good) in message and "po-tracker restore" in message
    assert digest(path) == before


def test_a_damaged_header_is_found_too(closed_logbook, data_dir):
    data = bytearray(closed_logbook.read_bytes())
    data[:16] = b"\x00" * 16
    closed_logbook.write_bytes(bytes(data))
    before = digest(closed_logbook)
    with pytest.raises(DamagedDatabaseError, match="No good backup"):
        checked_open.open_checked(data_dir)
    assert digest(closed_logbook) == before


def test_restoring_the_offered_backup_recovers(damaged, data_dir):
    path, good = damaged
    result = backup.restore(path, good)
    assert result.safety_backup is None, "a damaged file cannot be backed up; it is moved aside"
    assert len(result.moved_aside) >= 1
    db = checked_open.open_checked(data_dir)
    db.close()
    assert full_check(path).ok


def test_a_newer_database_is_left_byte_for_byte(closed_logbook, data_dir):
    with sqlite3.connect(closed_logbook) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = digest(closed_logbook)
    with pytest.raises(NewerDatabaseError, match="newer version"):
        checked_open.open_checked(data_dir)
    assert digest(closed_logbook) == before
    assert backup.list_backups(data_dir) == []


def _logbook_at(path: Path, revision: str) -> None:
    ensure_private_dir(path.parent)
    create_private_file(path)
    config = schema._alembic_config()
    engine = make_engine(path, foreign_keys=False)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        alembic.command.upgrade(config, revision)
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO journal_entries (entry_date, title, body, prompt, created_at, updated_at)"
            " VALUES ('2025-01-01', 't', 'kept', '', '2025-01-01', '2025-01-01')"
        )
    connection.close()


def test_a_failed_migration_leaves_the_old_file_and_its_backup(data_dir, monkeypatch):
    path = database_path(data_dir)
    _logbook_at(path, "0001")
    before = backup.content_fingerprint(path)
    real_upgrade = alembic.command.upgrade

    def upgrade_then_fail(config, revision, **kwargs):
        real_upgrade(config, revision, **kwargs)
        raise RuntimeError("simulated failure at the end of the upgrade")

    monkeypatch.setattr(alembic.command, "upgrade", upgrade_then_fail)
    with pytest.raises(RuntimeError, match="simulated"):
        checked_open.open_checked(data_dir)
    assert integrity.read_revision(path) == "0001"
    assert backup.content_fingerprint(path) == before
    (saved,) = backup.list_backups(data_dir)
    assert saved.reason == "pre-migration" and backup.verify(saved.path) == "0001"
    monkeypatch.undo()
    checked_open.open_checked(data_dir).close()
    assert integrity.read_revision(path) == schema.SCHEMA_HEAD


def test_full_check_reports_a_broken_reference(closed_logbook):
    with sqlite3.connect(closed_logbook) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute(
            "INSERT INTO skill_ratings (skill_id, rated_on, level, source, note,"
            " created_at, updated_at) VALUES (99999, '2025-01-01', 3, 'self', '', '2025', '2025')"
        )
    connection.close()
    assert quick_check(closed_logbook).ok
    problems = full_check(closed_logbook).problems
    assert any("skill_ratings" in problem for problem in problems)
