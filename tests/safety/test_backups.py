"""Backups: verified copies, kept by rotation within the user's limits, restored without
deleting anything."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from safety_helpers import add_entries, digest

from po_tracker.files import FileExistsRefused
from po_tracker.paths import database_path
from po_tracker.services.errors import ValidationError
from po_tracker.services.logbook import journal_entries as journal
from po_tracker.services.storage import backup, backup_rotation
from po_tracker.services.storage.backup_rotation import Dated, RotationLimits
from po_tracker.services.storage.integrity import read_revision
from po_tracker.services.storage.opening import open_logbook

NOW = datetime(2026, 11, 28, 10, 15, tzinfo=UTC)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_is_verified_private_and_named_by_time_and_reason(closed_logbook, data_dir):
    path = backup.take_backup(closed_logbook, reason="daily", now=NOW)
    assert path.name == "po-tracker-20261128T101500Z-daily.sqlite3"
    assert path.parent == data_dir / "backups"
    assert (mode(path), mode(path.parent)) == (0o600, 0o700)
    assert backup.verify(path) == read_revision(closed_logbook)
    assert backup.content_fingerprint(path) == backup.content_fingerprint(closed_logbook)
    assert not Path(f"{path}-wal").exists(), "a backup is one self-contained file"
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".part")] == []
    again = backup.take_backup(closed_logbook, reason="daily", now=NOW)
    assert again.name == "po-tracker-20261128T101500Z-daily.2.sqlite3"
    assert [info.path for info in backup.list_backups(data_dir)][0] in (path, again)


def test_a_backup_to_a_chosen_file_never_replaces_one(closed_logbook, tmp_path):
    target = tmp_path / "mine.sqlite3"
    target.write_bytes(b"precious")
    with pytest.raises(FileExistsRefused):
        backup.take_backup(closed_logbook, target)
    assert target.read_bytes() == b"precious"
    written = backup.take_backup(closed_logbook, target, force=True)
    assert backup.verify(written) and mode(written) == 0o600


def test_a_damaged_source_gives_no_backup(closed_logbook, data_dir):
    data = bytearray(closed_logbook.read_bytes())
    data[:16] = b"garbage garbage!"
    closed_logbook.write_bytes(bytes(data))
    with pytest.raises(Exception):  # noqa: B017 (sqlite3 or BackupError: either way, no file)
        backup.take_backup(closed_logbook, now=NOW)
    assert backup.list_backups(data_dir) == []


def test_rotation_plan_keeps_days_weeks_months_and_the_last_day():
    start = datetime(2026, 1, 1, tzinfo=UTC)
    dated = [Dated(Path(f"b{n}"), start + timedelta(hours=12 * n)) for n in range(2 * 365)]
    now = dated[-1].taken_at
    keep = backup_rotation.plan(dated, RotationLimits(daily=7, weekly=4, monthly=12), now)
    recent = {d.path for d in dated if now - d.taken_at < timedelta(days=1)}
    assert recent <= keep and dated[-1].path in keep
    days = {d.taken_at.date() for d in dated if d.path in keep}
    assert len(days) <= 1 + 7 + 4 + 12
    months = {(d.taken_at.year, d.taken_at.month) for d in dated if d.path in keep}
    assert len(months) >= 12
    assert backup_rotation.plan(dated, RotationLimits(0, 0, 0), now) == recent


def test_rotation_deletes_only_its_own_files_and_never_the_newest_good(closed_logbook, data_dir):
    made = [
        backup.take_backup(closed_logbook, reason="daily", now=NOW - timedelta(days=n))
        for n in range(30, 0, -1)
    ]
    folder = data_dir / "backups"
    stranger = folder / "po-tracker-20200101T000000Z-daily.sqlite3"
    stranger.write_bytes(made[-1].read_bytes())  # named like ours, but not ours
    notes = folder / "notes.txt"
    notes.write_text("mine")
    deleted = backup.rotate(data_dir, RotationLimits(daily=3, weekly=0, monthly=0), now=NOW)
    assert deleted and stranger.exists() and notes.exists()
    left = [info.path for info in backup.list_backups(data_dir) if info.managed]
    assert left == list(reversed(made[-3:]))
    nothing = backup.rotate(data_dir, RotationLimits(0, 0, 0), now=NOW + timedelta(days=400))
    assert made[-1].exists() and made[-1] not in nothing, "the newest good backup stays"


def test_rotation_limits_live_in_the_logbook_settings(data_dir):
    db = open_logbook(data_dir)
    with db.write() as session:
        assert backup_rotation.get_limits(session) == RotationLimits(7, 4, 12)
        backup_rotation.set_limits(session, RotationLimits(daily=2, weekly=1, monthly=0))
    with db.write() as session, pytest.raises(ValidationError, match="daily"):
        backup_rotation.set_limits(session, RotationLimits(daily=-1, weekly=1, monthly=0))
    db.close()
    assert backup.stored_limits(database_path(data_dir)) == RotationLimits(2, 1, 0)


def test_daily_backup_only_when_a_day_passed_and_the_data_changed(data_dir):
    db = open_logbook(data_dir)
    path = db.path
    first = backup.maybe_daily_backup(path, NOW)
    assert first is not None
    assert backup.maybe_daily_backup(path, NOW + timedelta(hours=23)) is None
    assert backup.maybe_daily_backup(path, NOW + timedelta(days=3)) is None, "nothing changed"
    add_entries(db, 1)
    assert backup.maybe_daily_backup(path, NOW + timedelta(hours=12)) is None, "too soon"
    second = backup.maybe_daily_backup(path, NOW + timedelta(days=3))
    assert second is not None and second != first
    db.close()


def test_restore_verifies_backs_up_and_moves_the_current_file_aside(data_dir):
    db = open_logbook(data_dir)
    add_entries(db, 2, prefix="old")
    saved = backup.take_backup(db.path, now=NOW)
    add_entries(db, 3, prefix="new")
    db.close()
    path = database_path(data_dir)
    before = backup.content_fingerprint(path)
    result = backup.restore(path, saved, now=NOW + timedelta(minutes=1))
    aside = Path(f"{path}.replaced-20261128T101600Z")
    assert aside in result.moved_aside and backup.content_fingerprint(aside) == before
    assert result.safety_backup is not None
    assert backup.content_fingerprint(result.safety_backup) == before
    assert mode(path) == 0o600
    db = open_logbook(data_dir)
    with db.read() as session:
        texts = [entry.text.split()[0] for entry in journal.list_all(session)]
    db.close()
    assert sorted(set(texts)) == ["old"]


def test_restore_refuses_a_damaged_backup_and_changes_nothing(closed_logbook, data_dir):
    saved = backup.take_backup(closed_logbook, now=NOW)
    data = bytearray(saved.read_bytes())
    data[:16] = b"not a database!!"
    saved.write_bytes(bytes(data))
    before = digest(closed_logbook)
    with pytest.raises(backup.BackupError, match="damaged|not"):
        backup.restore(closed_logbook, saved)
    assert digest(closed_logbook) == before
    assert sorted(p.name for p in data_dir.iterdir() if "replaced" in p.name) == []


def test_the_migration_hook_skips_a_new_file_and_backs_up_an_existing_one(closed_logbook):
    hook = backup.backup_before_upgrade(closed_logbook)
    hook(None)
    assert backup.list_backups(closed_logbook.parent) == []
    hook("0001")
    (made,) = backup.list_backups(closed_logbook.parent)
    assert made.reason == "pre-migration" and made.managed


def test_an_unreadable_manifest_means_nothing_is_deleted(closed_logbook, data_dir):
    for n in range(5, 0, -1):
        backup.take_backup(closed_logbook, now=NOW - timedelta(days=n))
    (data_dir / "backups" / "manifest.json").write_text("{ broken")
    assert backup.rotate(data_dir, RotationLimits(0, 0, 0), now=NOW) == []
    assert len(os.listdir(data_dir / "backups")) == 6


def _keep(data_dir, daily: int) -> None:
    from po_tracker.services.storage.opening import open_logbook as _open

    db = _open(data_dir)
    with db.write() as session:
        backup_rotation.set_limits(session, RotationLimits(daily=daily, weekly=0, monthly=0))
    db.close()


def test_backups_dated_in_the_future_never_push_real_recent_ones_out(closed_logbook, data_dir):
    """A clock years ahead made ten backups; set right, the next three are all kept."""
    _keep(data_dir, 3)
    ahead = NOW + timedelta(days=3 * 365)
    for n in range(10):
        backup.take_backup(closed_logbook, reason="daily", now=ahead + timedelta(days=n))
    real = [
        backup.take_backup(closed_logbook, reason="daily", now=NOW + timedelta(days=n))
        for n in range(3)
    ]
    kept = [info.path for info in backup.list_backups(data_dir)]
    assert set(real) <= set(kept)
    assert kept[0] == real[-1], "the newest is the last one taken, whatever its name says"
    assert backup.newest_good_backup(data_dir) == real[-1]


def test_backups_taken_out_of_date_order_are_kept_by_the_order_taken(closed_logbook, data_dir):
    """A clock set back between backups: the last ones taken are the newest."""
    _keep(data_dir, 3)
    for n in range(6):
        backup.take_backup(closed_logbook, reason="daily", now=NOW - timedelta(days=3 * n))
    kept = backup.list_backups(data_dir)
    assert [info.taken_at for info in kept[:3]] == [
        NOW - timedelta(days=15),
        NOW - timedelta(days=12),
        NOW - timedelta(days=9),
    ]
    assert [info.sequence for info in kept[:3]] == [6, 5, 4]
