"""No export ever lands on the logbook, its side files or its backups, and ``--force``
replaces regular files only: every command that writes a file, through the CLI, with the
data folder's content compared byte for byte before and after."""

from __future__ import annotations

import hashlib
import os
import socket
from pathlib import Path

import pytest

from po_tracker import files
from po_tracker.launcher import main
from po_tracker.paths import backups_dir, database_path, lock_path
from po_tracker.services.exchange import csv_export

# Each command that writes a file, with the extension its target must have.
FILE_COMMANDS = {
    "json": (("export", "json"), ".json"),
    "ics": (("export", "ics"), ".ics"),
    "chart": (("export", "chart", "radar"), ".png"),
    "report": (("export", "report"), ".pdf"),
    "framework": (("framework", "export"), ".json"),
    "backup": (("backup",), ".sqlite3"),
}


def run(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def tree(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` with its content's hash (or what it is)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            found[key] = "link:" + os.readlink(path)
        elif path.is_file():
            found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[key] = "folder"
    return found


@pytest.fixture
def logbook(capsys, data_dir):
    """A logbook with an entry and one backup, closed."""
    assert run(capsys, data_dir, "journal", "A day to remember", "--date", "2025-01-02")[0] == 0
    assert run(capsys, data_dir, "backup")[0] == 0
    return database_path(data_dir)


def _targets(data_dir: Path, tmp_path: Path, suffix: str) -> dict[str, Path]:
    logbook = database_path(data_dir)
    (backup,) = [p for p in backups_dir(data_dir).iterdir() if p.suffix == ".sqlite3"]
    hard = tmp_path / f"hard-link{suffix}"
    os.link(logbook, hard)
    linked_folder = tmp_path / "linked"
    linked_folder.symlink_to(data_dir)
    return {
        "the logbook": logbook,
        "its -wal file": Path(f"{logbook}-wal"),
        "its -shm file": Path(f"{logbook}-shm"),
        "its lock file": lock_path(data_dir),
        "a backup": backup,
        "a new file in the backups folder": backups_dir(data_dir) / f"new{suffix}",
        "the logbook through a linked folder": linked_folder / logbook.name,
        "the logbook through ..": data_dir / ".." / data_dir.name / logbook.name,
        "a new file in the data folder": data_dir / f"new{suffix}",
        "a hard link to the logbook": hard,
    }


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_no_export_lands_on_the_logbook_or_its_backups(
    capsys, data_dir, tmp_path, logbook, command
):
    args, suffix = FILE_COMMANDS[command]
    for name, target in _targets(data_dir, tmp_path, suffix).items():
        before = tree(data_dir)
        code, out, err = run(capsys, data_dir, *args, target, "--force")
        assert code == 2, (name, out, err)
        assert err.startswith("po-tracker: error:") and err.count("\n") == 1, (name, err)
        assert tree(data_dir) == before, name
    # The refused hard link still holds the logbook's bytes.
    assert (tmp_path / f"hard-link{suffix}").read_bytes() == logbook.read_bytes()


def test_the_message_says_why(capsys, data_dir, tmp_path, logbook):
    code, _, err = run(capsys, data_dir, "export", "ics", logbook, "--force")
    assert code == 2
    assert "inside the data folder" in err and str(data_dir) in err
    hard = tmp_path / "copy.json"
    os.link(logbook, hard)
    code, _, err = run(capsys, data_dir, "export", "json", hard, "--force")
    assert code == 2 and "your logbook's file po-tracker.sqlite3" in err


def test_another_data_folder_is_protected_too(capsys, data_dir, tmp_path, logbook, monkeypatch):
    """A command pointed at one data folder cannot overwrite the logbook of the usual one."""
    monkeypatch.setenv("PO_TRACKER_DATA_DIR", str(data_dir))
    other = tmp_path / "other"
    before = tree(data_dir)
    code, _, err = run(capsys, other, "export", "json", logbook, "--force")
    assert code == 2 and "inside the data folder" in err
    assert tree(data_dir) == before


def _special_targets(tmp_path: Path, suffix: str) -> dict[str, tuple[Path | str, str]]:
    folder = tmp_path / f"folder{suffix}"
    folder.mkdir()
    fifo = tmp_path / f"fifo{suffix}"
    os.mkfifo(fifo)
    regular = tmp_path / f"regular{suffix}"
    regular.write_text("mine")
    link = tmp_path / f"link{suffix}"
    link.symlink_to(regular)
    dangling = tmp_path / f"dangling{suffix}"
    dangling.symlink_to(tmp_path / "nowhere")
    sock_path = tmp_path / f"s{suffix}"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    return {
        "folder": (folder, "is a folder"),
        "fifo": (fifo, "is a named pipe"),
        "link": (link, "is a symbolic link"),
        "dangling link": (dangling, "is a symbolic link"),
        "socket": (sock_path, "is a socket"),
        "device": (Path("/dev/null"), "is a device"),
        "dash": ("-", "standard output is not supported"),
    }


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_force_replaces_regular_files_only(capsys, data_dir, tmp_path, logbook, command):
    args, suffix = FILE_COMMANDS[command]
    for name, (target, message) in _special_targets(tmp_path, suffix).items():
        if name in ("dash", "device") and command in ("chart", "report"):
            continue  # no picture extension: refused for that first (tested elsewhere)
        if name == "folder" and command == "backup":
            continue  # a backup into a folder takes the usual name there (documented)
        before, outside = tree(data_dir), tree(tmp_path)
        code, _, err = run(capsys, data_dir, *args, target, "--force")
        assert code == 2, (name, err)
        assert message in err, (name, err)
        assert tree(data_dir) == before and tree(tmp_path) == outside, name
    assert (tmp_path / f"regular{suffix}").read_text() == "mine"


def test_force_replaces_a_regular_file(capsys, data_dir, tmp_path, logbook):
    target = tmp_path / "old.json"
    target.write_text("old")
    assert run(capsys, data_dir, "export", "json", target)[0] == 2
    assert target.read_text() == "old"
    assert run(capsys, data_dir, "export", "json", target, "--force")[0] == 0
    assert "A day to remember" in target.read_text()


@pytest.mark.parametrize(
    "name, make, message",
    [
        ("the data folder", lambda data, tmp: data, "inside the data folder"),
        ("the backups folder", lambda data, tmp: backups_dir(data), "inside the data folder"),
        ("a file", lambda data, tmp: _file(tmp / "plain"), "is not a folder"),
        ("a link to a folder", lambda data, tmp: _folder_link(tmp), "is not a folder"),
        ("standard output", lambda data, tmp: "-", "standard output cannot hold"),
    ],
)
def test_csv_export_refuses_folders_it_must_not_write(
    capsys, data_dir, tmp_path, logbook, name, make, message
):
    target = make(data_dir, tmp_path)
    before, outside = tree(data_dir), tree(tmp_path)
    code, _, err = run(capsys, data_dir, "export", "csv", target, "--force")
    assert code == 2 and message in err, (name, err)
    assert tree(data_dir) == before and tree(tmp_path) == outside


def _file(path: Path) -> Path:
    path.write_text("x")
    return path


def _folder_link(tmp: Path) -> Path:
    (tmp / "real").mkdir()
    (tmp / "alias").symlink_to(tmp / "real")
    return tmp / "alias"


def test_csv_export_is_all_or_nothing(capsys, data_dir, tmp_path, logbook, monkeypatch):
    """A failure while the set is written leaves neither part of a new set nor a changed
    old one, and no temporary folder."""
    fresh, kept = tmp_path / "fresh", tmp_path / "kept"
    assert run(capsys, data_dir, "export", "csv", kept)[0] == 0
    old = tree(kept)
    real_write, calls = files.write_atomic, []

    def failing(path, data, **kwargs):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real_write(path, data, **kwargs)

    monkeypatch.setattr(files, "write_atomic", failing)
    for target in (fresh, kept):
        calls.clear()
        code, _, err = run(capsys, data_dir, "export", "csv", target, "--force")
        assert code != 0 and "No space left" in err
    assert not fresh.exists()
    assert tree(kept) == old
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_csv_export_into_a_new_folder_writes_the_whole_set(capsys, data_dir, tmp_path, logbook):
    target = tmp_path / "new"
    code, out, _ = run(capsys, data_dir, "export", "csv", target)
    assert code == 0
    assert {p.name for p in target.iterdir()} == {k.csv_file for k in csv_export.KINDS}
    assert (target.stat().st_mode & 0o777) == 0o700
