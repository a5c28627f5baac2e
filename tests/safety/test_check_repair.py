"""`check` finds what can break a later command (the search index, dangling references)
and says how to repair it; `check --repair` rebuilds what can be rebuilt, after a backup.
A dangling reference never blocks the way out: export."""

from __future__ import annotations

import sqlite3

from po_tracker.launcher import main
from po_tracker.paths import backups_dir, database_path


def run(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def _sql(data_dir, *statements):
    connection = sqlite3.connect(database_path(data_dir))
    connection.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


def _logbook(capsys, data_dir):
    assert run(capsys, data_dir, "journal", "findable words", "--date", "2025-01-02")[0] == 0
    assert run(capsys, data_dir, "add", "goal", "Lead a workshop")[0] == 0


def test_an_index_out_of_step_is_found_and_rebuilt_after_a_backup(capsys, data_dir):
    _logbook(capsys, data_dir)
    _sql(data_dir, "DELETE FROM search_index WHERE rowid % 16 = 7")
    assert "Nothing matches" in run(capsys, data_dir, "search", "findable")[1]
    code, out, _ = run(capsys, data_dir, "check")
    assert code == 1 and "search index is out of step" in out and "check --repair" in out
    code, out, _ = run(capsys, data_dir, "check", "--repair")
    assert code == 0 and "rebuilt the search index (2 entries)" in out
    assert any("pre-repair" in p.name for p in backups_dir(data_dir).iterdir())
    assert "journal #1" in run(capsys, data_dir, "search", "findable")[1]
    assert run(capsys, data_dir, "check")[0] == 0


def test_a_dangling_reference_is_reported_and_every_export_still_works(capsys, data_dir, tmp_path):
    _logbook(capsys, data_dir)
    assert run(capsys, data_dir, "rate", "communication", "3", "--date", "2025-01-03")[0] == 0
    # A date for the calendar, which refuses to be empty.
    assert run(capsys, data_dir, "add", "goal", "Run a workshop", "--due", "2027-01-04")[0] == 0
    _sql(data_dir, "UPDATE skill_ratings SET skill_id = 99999")
    code, out, _ = run(capsys, data_dir, "check")
    assert code == 1 and "skill_ratings row 1 points at a missing skills" in out
    assert "still export" in out
    for args in (
        ("export", "json", tmp_path / "all.json"),
        ("export", "csv", tmp_path / "csv"),
        ("export", "ics", tmp_path / "dates.ics"),
        ("list", "ratings"),
    ):
        code, out, err = run(capsys, data_dir, *args)
        assert code == 0, (args, err)
    assert "(missing skill #99999)" in run(capsys, data_dir, "list", "ratings")[1]
