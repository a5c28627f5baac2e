"""Housekeeping of the data folder: what killed processes leave behind is cleared by the
next holder of the lock, the window's lock file is private, and the lock follows the
real file, so a symbolic link cannot open a second door."""

from __future__ import annotations

import stat
import sys

import pytest

from po_tracker.launcher import main
from po_tracker.paths import backups_dir, database_path, lock_path
from po_tracker.services.storage.writer_lock import LockHeldError, instance_lock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file semantics")


def run(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), *map(str, args)])
    capsys.readouterr()
    return code


def test_leftovers_of_killed_backups_and_restores_are_removed_at_the_next_start(capsys, data_dir):
    assert run(capsys, data_dir, "journal", "kept", "--date", "2025-01-02") == 0
    assert run(capsys, data_dir, "backup") == 0
    leftovers = [
        data_dir / ".po-tracker-backup-abc123.part",
        data_dir / ".po-tracker-backup-abc123.part-journal",
        data_dir / ".po-tracker.sqlite3.k2j.new.part",
        backups_dir(data_dir) / ".po-tracker-backup-x9.part",
        backups_dir(data_dir) / ".manifest.json.q1.part",
    ]
    for path in leftovers:
        path.write_bytes(b"half a copy")
    mine = data_dir / "notes.part"  # not one of ours: no leading dot
    mine.write_text("mine")
    before = {p.name for p in backups_dir(data_dir).iterdir()} - {
        ".po-tracker-backup-x9.part",
        ".manifest.json.q1.part",
    }
    assert run(capsys, data_dir, "journal", "again", "--date", "2025-01-03") == 0
    assert [p for p in leftovers if p.exists()] == []
    assert mine.read_text() == "mine"
    assert {p.name for p in backups_dir(data_dir).iterdir()} == before


def test_the_windows_lock_file_is_private(qapp, tmp_path):
    from po_tracker.ui.single_instance import InstanceGuard

    guard = InstanceGuard(tmp_path / "data")
    assert guard.acquire()
    try:
        mode = stat.S_IMODE(lock_path(tmp_path / "data").stat().st_mode)
        assert mode == 0o600
    finally:
        guard.release()


def test_a_linked_data_folder_shares_the_lock(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "alias").symlink_to(real)
    with instance_lock(real, timeout_s=0), pytest.raises(LockHeldError):
        instance_lock(tmp_path / "alias", timeout_s=0.2)


def test_a_linked_logbook_shares_the_lock_of_the_file_it_points_to(tmp_path, capsys):
    real = tmp_path / "real"
    assert run(capsys, real, "journal", "kept", "--date", "2025-01-02") == 0
    other = tmp_path / "other"
    other.mkdir()
    database_path(other).symlink_to(database_path(real))
    assert lock_path(other) == lock_path(real)
    with instance_lock(real, timeout_s=0), pytest.raises(LockHeldError):
        instance_lock(other, timeout_s=0.2)


def test_the_window_and_a_linked_folder_share_the_lock(qapp, tmp_path):
    from po_tracker.ui.single_instance import InstanceGuard

    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "alias").symlink_to(real)
    guard = InstanceGuard(tmp_path / "alias")
    assert guard.acquire()
    try:
        with pytest.raises(LockHeldError):
            instance_lock(real, timeout_s=0.2)
    finally:
        guard.release()
