"""A file that is not a PO Tracker logbook is never adopted or initialised: refused by every
command (and the window) with a message naming the file and the newest good backup, and
left byte for byte as it was. Only a missing file is a new logbook."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from po_tracker.launcher import main
from po_tracker.paths import backups_dir, database_path
from po_tracker.schema import APPLICATION_ID


def run(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        connection.execute(statement)
    connection.close()


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _other_program(path: Path) -> None:
    path.unlink()
    _sql(path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)",
         "INSERT INTO moz_places (url) VALUES ('https://example.org')")  # fmt: skip


def _other_application_id(path: Path) -> None:
    """Even with our tables, a file that names another program in its header."""
    _sql(path, "PRAGMA application_id = 1598903374")


def _no_version_table(path: Path) -> None:
    _sql(path, "DROP TABLE alembic_version")


def _version_without_its_tables(path: Path) -> None:
    _sql(path, "PRAGMA foreign_keys = OFF", "DROP TABLE goals")


def _header_without_our_id(path: Path) -> None:
    _sql(path, "PRAGMA application_id = 0")


def _empty_database(path: Path) -> None:
    path.unlink()
    _sql(path, "PRAGMA user_version = 1")


FOREIGN = {
    "an empty file": (_empty, "it is empty (0 bytes)"),
    "another program's database": (_other_program, "another program's SQLite database"),
    "another application id": (_other_application_id, "belongs to another program"),
    "no version table": (_no_version_table, "another program's SQLite database"),
    "a version without its tables": (_version_without_its_tables, "goals missing"),
    "a current version without our id": (_header_without_our_id, "its header does not"),
    "an SQLite file with no tables": (_empty_database, "with no tables"),
}
COMMANDS = (
    ("list", "journal"),
    ("status", "--json"),
    ("add", "goal", "Write the case"),
    ("export", "json", "OUT/everything.json"),
    ("export", "chart", "radar", "OUT/radar.png"),
    ("check",),
    ("backup",),
)


@pytest.fixture
def with_backup(capsys, data_dir):
    """A real logbook with one entry and one good backup."""
    assert run(capsys, data_dir, "journal", "kept", "--date", "2025-01-02")[0] == 0
    assert run(capsys, data_dir, "backup")[0] == 0
    (good,) = [p for p in backups_dir(data_dir).iterdir() if p.suffix == ".sqlite3"]
    return good


@pytest.mark.parametrize("case", FOREIGN)
def test_every_command_refuses_a_file_that_is_not_a_logbook(
    capsys, data_dir, tmp_path, with_backup, case
):
    make, reason = FOREIGN[case]
    path = database_path(data_dir)
    make(path)
    before = digest(path)
    (tmp_path / "OUT").mkdir()
    for command in COMMANDS:
        args = [str(a).replace("OUT", str(tmp_path / "OUT")) for a in command]
        code, out, err = run(capsys, data_dir, *args)
        assert code == 1, (case, command, out, err)
        assert str(path) in err and "not a PO Tracker logbook" in err, (case, command, err)
        assert reason in err, (case, command, err)
        assert str(with_backup) in err, (case, command, err)
        assert digest(path) == before, (case, command)
    assert list((tmp_path / "OUT").iterdir()) == []


def test_without_a_backup_the_message_says_so(capsys, data_dir):
    data_dir.mkdir()
    path = database_path(data_dir)
    _empty(path)
    code, _, err = run(capsys, data_dir, "list", "journal")
    assert code == 1 and "No good backup was found" in err
    assert path.read_bytes() == b""


def test_only_a_missing_file_is_a_new_logbook(capsys, data_dir):
    assert run(capsys, data_dir, "journal", "first", "--date", "2025-01-02")[0] == 0
    path = database_path(data_dir)
    with sqlite3.connect(path) as connection:
        (app_id,) = connection.execute("PRAGMA application_id").fetchone()
    connection.close()
    assert app_id == APPLICATION_ID
    assert "first" in run(capsys, data_dir, "list", "journal")[1]


@pytest.mark.parametrize("case", FOREIGN)
def test_restore_refuses_a_file_that_is_not_a_logbook(capsys, data_dir, tmp_path, case):
    assert run(capsys, data_dir, "journal", "kept", "--date", "2025-01-02")[0] == 0
    make, reason = FOREIGN[case]
    source = tmp_path / "candidate.sqlite3"
    source.write_bytes(database_path(data_dir).read_bytes())
    make(source)
    logbook, candidate = digest(database_path(data_dir)), digest(source)
    code, _, err = run(capsys, data_dir, "restore", source)
    assert code == 2 and "not a PO Tracker logbook" in err and reason in err, err
    assert digest(database_path(data_dir)) == logbook and digest(source) == candidate
    assert "kept" in run(capsys, data_dir, "list", "journal")[1]


def test_the_window_refuses_it_too(qtbot, data_dir, with_backup, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from po_tracker.app import open_into
    from po_tracker.ui.main_window import MainWindow

    path = database_path(data_dir)
    _other_program(path)
    before = digest(path)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(MainWindow, "offer_first_run", lambda self: None)
    window = MainWindow()
    qtbot.addWidget(window)
    assert open_into(window, data_dir) is False
    assert len(shown) == 1 and "not a PO Tracker logbook" in shown[0]
    assert str(with_backup) in shown[0]
    assert digest(path) == before
