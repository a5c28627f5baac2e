"""The data-safety commands end to end: backup, restore, check, CSV and iCalendar
exchange, and the lock shared with the window."""

from __future__ import annotations

import csv
import json
import sqlite3

import vobject
from cli_run import run

from po_tracker.paths import database_path
from po_tracker.services.storage.writer_lock import instance_lock


def test_backup_restore_and_check(capsys, data_dir, tmp_path):
    run(capsys, data_dir, "rate", "communication", "2")
    code, out, _ = run(capsys, data_dir, "backup")
    assert code == 0 and "Backed up to" in out
    saved = out.split("Backed up to ", 1)[1].strip()
    run(capsys, data_dir, "rate", "communication", "5")
    code, out, _ = run(capsys, data_dir, "restore", saved)
    assert code == 0 and "kept as" in out
    code, out, _ = run(capsys, data_dir, "list", "ratings", "--json")
    assert [r["level"] for r in json.loads(out)] == [2]
    assert any(".replaced-" in p.name for p in data_dir.iterdir())
    code, out, _ = run(capsys, data_dir, "check")
    assert code == 0 and "sound" in out


def test_backup_to_a_file_refuses_to_overwrite(capsys, data_dir, tmp_path):
    target = tmp_path / "copy.sqlite3"
    assert run(capsys, data_dir, "backup", str(target))[0] == 0
    code, _, err = run(capsys, data_dir, "backup", str(target))
    assert code == 2 and "--force" in err


def test_csv_export_is_spreadsheet_safe_and_imports_back(capsys, data_dir, tmp_path):
    run(
        capsys,
        data_dir,
        "add",
        "training",
        '=HYPERLINK("x")',
        "--hours",
        "3",
        "--date",
        "2025-01-01",
    )
    folder = tmp_path / "csv"
    code, out, _ = run(capsys, data_dir, "export", "csv", str(folder))
    assert code == 0
    with open(folder / "trainings.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["title"].startswith("'=")
    other = tmp_path / "other"
    code, out, _ = run(
        capsys, other, "import", "csv", "training", str(folder / "trainings.csv"), "--dry-run"
    )
    assert code == 0 and "Dry run" in out
    assert run(capsys, other, "import", "csv", "training", str(folder / "trainings.csv"))[0] == 0
    _, out, _ = run(capsys, other, "list", "trainings", "--json")
    assert json.loads(out)[0]["title"] == '=HYPERLINK("x")'
    assert any(p.name.endswith("pre-import.sqlite3") for p in (other / "backups").iterdir())


def test_ics_export_lists_the_renewal(capsys, data_dir, tmp_path):
    run(capsys, data_dir, "add", "certification", "CSPO", "--earned", "2025-03-01")
    target = tmp_path / "dates.ics"
    assert run(capsys, data_dir, "export", "ics", str(target))[0] == 0
    text = target.read_text()
    # Valid until 2027-03-01; the event is on the day to act, a month before by default.
    assert "BEGIN:VCALENDAR" in text and "DTSTART;VALUE=DATE:20270130" in text
    assert "CSPO" in text


def test_json_import_takes_a_backup_first(capsys, data_dir, tmp_path):
    run(capsys, data_dir, "rate", "communication", "3")
    export = tmp_path / "all.json"
    run(capsys, data_dir, "export", "json", str(export))
    other = tmp_path / "other"
    run(capsys, other, "rate", "leadership", "2")
    code, out, _ = run(capsys, other, "import", "json", str(export))
    assert code == 0
    assert any(p.name.endswith("pre-import.sqlite3") for p in (other / "backups").iterdir())


def test_writes_wait_for_the_window_then_fail_clearly(capsys, data_dir, monkeypatch):
    run(capsys, data_dir, "rate", "communication", "3")
    before = database_path(data_dir).read_bytes()
    monkeypatch.setattr("po_tracker.cli.command_line.LOCK_WAIT_S", 0.2)
    with instance_lock(data_dir, timeout_s=1):  # as the open window holds it
        code, out, err = run(capsys, data_dir, "rate", "communication", "5")
        assert code == 1 and err.count("\n") == 1 and "po-tracker: error:" in err
        reading = run(capsys, data_dir, "list", "ratings")
    assert reading[0] == 0  # reading needs no lock
    assert database_path(data_dir).read_bytes() == before


def _noted(data_dir) -> list[tuple[str, int]]:
    """What the logbook noted of the calendar exports: (UID, SEQUENCE) of each event."""
    with sqlite3.connect(database_path(data_dir)) as connection:
        return connection.execute(
            "SELECT uid, sequence FROM calendar_events ORDER BY uid"
        ).fetchall()


def _sequences(path) -> dict[str, int]:
    text = path.read_text(encoding="utf-8")
    return {e.uid.value: int(e.sequence.value) for e in vobject.readOne(text).vevent_list}


def test_ics_export_works_while_the_window_holds_the_logbook(capsys, data_dir, tmp_path):
    run(capsys, data_dir, "add", "goal", "Pass PSPO II", "--due", "2027-06-01")
    first = tmp_path / "first.ics"
    assert run(capsys, data_dir, "export", "ics", str(first))[0] == 0
    assert [seq for _, seq in _noted(data_dir)] == [0]
    run(capsys, data_dir, "edit", "goal", "1", "--due", "2027-09-01")
    before = _noted(data_dir)
    under_window = tmp_path / "under-window.ics"
    with instance_lock(data_dir, timeout_s=1):  # as the open window holds it
        code, out, err = run(capsys, data_dir, "export", "ics", str(under_window))
    assert (code, err) == (0, "")
    assert "the PO Tracker window has open" in out and "File > Export dates" in out
    assert _noted(data_dir) == before  # nothing written to the logbook
    # The moved goal already has its higher SEQUENCE, and the next noted export agrees.
    assert list(_sequences(under_window).values()) == [1]
    later = tmp_path / "later.ics"
    code, out, _ = run(capsys, data_dir, "export", "ics", str(later))
    assert code == 0 and "window" not in out
    assert _sequences(later) == _sequences(under_window)
    assert [seq for _, seq in _noted(data_dir)] == [1]
