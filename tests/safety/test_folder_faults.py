"""Faults of the data folder get a message, not a traceback (issue 12, point 11): a data
folder that is a file, one that cannot be written (reads still work), a read-only
logbook, and a full disk while writing under the data folder. Each through the command
line: the exit status, one line, and the data folder's content unchanged.

"Cannot be written" is made with ``chmod`` for an ordinary user; root is not stopped by
permissions, so as root the immutable attribute (``chattr +i``) stands in for them."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_run import run
from safety_helpers import folder_hashes

from po_tracker.paths import database_path
from po_tracker.services.storage.opening import open_logbook

READS = [
    ["list", "trainings"],
    ["status"],
    ["search", "Course"],
    ["check"],
]
WRITES = [
    ["add", "training", "Another", "--hours", "2", "--date", "2025-01-03"],
    ["backup"],
    ["delete", "training", "1"],
]


@pytest.fixture
def logbook(capsys, data_dir):
    open_logbook(data_dir).close()
    code, _, err = run(
        capsys, data_dir, "add", "training", "Course", "--hours", "8", "--date", "2025-01-02"
    )
    assert code == 0, err
    return data_dir


def _lock(path: Path):
    """Makes ``path`` unwritable; returns how to undo it. Skips when this system can
    do neither."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        return lambda: path.chmod(mode)
    result = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"cannot make {path} unwritable here: {result.stderr.decode().strip()}")
    return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.fixture
def unwritable(request):
    undo = []
    yield lambda path: undo.append(_lock(path))
    for step in reversed(undo):
        step()


def test_a_data_folder_that_is_a_file_is_named_as_such(capsys, tmp_path):
    folder = tmp_path / "data"
    folder.write_text("notes\n")
    for args in (["list", "trainings"], ["add", "contact", "Ana"]):
        code, _, err = run(capsys, folder, *args)
        assert code == 2 and err.count("\n") == 1, err
        assert f"{folder} is a file, not a folder" in err
    code, _, err = run(capsys, folder / "inside", "status")
    assert code == 2 and f"{folder} is a file, not a folder" in err
    assert folder.read_text() == "notes\n"


@pytest.mark.parametrize("target", ["folder", "logbook"])
def test_reads_work_and_writes_are_refused_where_nothing_can_be_written(
    capsys, logbook, unwritable, tmp_path, target
):
    before = folder_hashes(logbook)
    unwritable(logbook if target == "folder" else database_path(logbook))
    for args in READS:
        code, out, err = run(capsys, logbook, *args)
        assert code == 0, (args, err)
    code, out, _ = run(capsys, logbook, "list", "trainings")
    assert "Course" in out
    code, _, err = run(capsys, logbook, "export", "json", str(tmp_path / "all.json"))
    assert code == 0 and (tmp_path / "all.json").stat().st_size > 0, err
    for args in WRITES:
        code, _, err = run(capsys, logbook, *args)
        assert code == 1 and err.count("\n") == 1, (args, err)
        said = "cannot be written" if target == "folder" else "is read-only"
        assert said in err and "nothing was changed" in err, err
    assert folder_hashes(logbook) == before


def _full_disk_after(monkeypatch, pages: int) -> None:
    """Every new connection to the logbook may grow it by ``pages`` pages at most: SQLite
    then fails the write with SQLITE_FULL, as on a full disk."""
    from po_tracker import db

    make_engine = db.make_engine

    def limited(path, **options):
        engine = make_engine(path, **options)

        @db.event.listens_for(engine, "connect")
        def _limit(connection, _record):
            (count,) = connection.execute("PRAGMA page_count").fetchone()
            connection.execute(f"PRAGMA max_page_count = {count + pages}")

        return engine

    monkeypatch.setattr(db, "make_engine", limited)
    import po_tracker.services.storage.opening as opening

    monkeypatch.setattr(opening, "make_engine", limited)


def test_a_full_disk_while_saving_an_entry_changes_nothing(capsys, logbook, monkeypatch):
    before = folder_hashes(logbook)
    _full_disk_after(monkeypatch, 0)
    code, _, err = run(capsys, logbook, "journal", "x" * 100_000, "--date", "2025-01-03")
    assert code == 1 and err.count("\n") == 1, err
    assert "full" in err and "nothing was changed" in err, err
    assert "crash" not in err
    assert folder_hashes(logbook) == before


def test_a_full_disk_while_writing_a_backup_leaves_nothing_behind(capsys, logbook, monkeypatch):
    from po_tracker.services.storage import backup

    def full(path):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    shutil.rmtree(logbook / "backups", ignore_errors=True)
    before = folder_hashes(logbook)
    monkeypatch.setattr(backup, "fsync_path", full)
    code, _, err = run(capsys, logbook, "backup")
    assert code == 1 and err.count("\n") == 1, err
    assert os.strerror(errno.ENOSPC) in err, err
    assert folder_hashes(logbook) == before
