"""Bad input gets one clear line (exit 2) and writes nothing: dates in any form but
YYYY-MM-DD, numbers that are not plain decimals, contradictions, control characters,
bytes that are not UTF-8. And what is stored is never printed raw to a terminal."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import run

from po_tracker.paths import database_path


def tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def logbook(capsys, data_dir):
    assert run(capsys, data_dir, "journal", "first", "--date", "2025-01-02")[0] == 0
    return data_dir


def refused(capsys, data_dir, *args, field: str) -> str:
    before = tree(data_dir)
    code, out, err = run(capsys, data_dir, *args)
    assert code == 2, (args, out, err)
    assert err.count("\n") == 1 and field in err, (args, err)
    assert tree(data_dir) == before, args
    return err


@pytest.mark.parametrize(
    "text", ["2025-W01-1", "2025-001", "2025W011", "20250101", "2025-1-1", "２０２５-01-01",
             "2025-02-30", " 2025-01-01x", "2025-01-01T00:00"],
)  # fmt: skip
def test_dates_only_as_yyyy_mm_dd(capsys, logbook, text):
    err = refused(capsys, logbook, "rate", "communication", "3", "--date", text, field="--date")
    assert "YYYY-MM-DD" in err


@pytest.mark.parametrize("text", ["1_0", "nan", "inf", "-inf", "1e3", "0x10", "١٢", "１２", "1,5"])
def test_numbers_only_as_plain_decimals(capsys, logbook, text):
    refused(capsys, logbook, "add", "training", "Course", "--hours", text, field="--hours")


@pytest.mark.parametrize("text", ["1_0", "1.0", "٣", "+-1", "3 "[:-1] + "x"])
def test_whole_numbers_only_as_plain_digits(capsys, logbook, text):
    refused(capsys, logbook, "add", "experience", "PO", "--sprints", text, field="--sprints")


@pytest.mark.parametrize("status", ["planned", "in-progress"])
def test_a_certification_not_yet_earned_has_no_earned_date(capsys, logbook, status):
    err = refused(
        capsys, logbook, "add", "certification", "CSPO", "--status", status,
        "--earned", "2025-01-01", field="earned",
    )  # fmt: skip
    assert status in err


@pytest.mark.parametrize(
    "args, field",
    [
        (("add", "goal", "Lead\x1b[2Ja workshop"), "text"),
        (("add", "contact", "Two\nlines"), "name"),
        (("add", "goal", "C1 \x9b control"), "text"),
        (("add", "contact", "Ana\tLima"), "name"),
        (("journal", "ok", "--title", "bell\x07"), "title"),
        (("journal", "nul \x00 inside"), "text"),
        (("add", "training", "Course", "--hours", "2", "--provider", "x\x7f"), "provider"),
    ],
)
def test_control_characters_are_refused_where_they_do_not_belong(capsys, logbook, args, field):
    err = refused(capsys, logbook, *args, field=field)
    assert "control character" in err


def test_multi_line_text_keeps_its_tabs_and_line_breaks(capsys, logbook):
    code, _, err = run(capsys, logbook, "journal", "line one\n\tindented\nline three")
    assert code == 0, err
    _, out, _ = run(capsys, logbook, "list", "journal", "--json")
    assert any(e["text"] == "line one\n\tindented\nline three" for e in json.loads(out))


def test_stored_control_characters_are_never_printed_raw(capsys, logbook):
    """An entry written by an older version or another tool, straight into the file."""
    connection = sqlite3.connect(database_path(logbook))
    connection.execute(
        "UPDATE journal_entries SET title = ?, body = ?",
        ("evil\x1b]0;pwned\x07 title\x9b", "body \x1b[31mred\x1b[0m searchable"),
    )
    connection.commit()
    connection.close()
    for args in (("list", "journal"), ("search", "searchable"), ("list", "journal", "--json"),
                 ("search", "searchable", "--json"), ("status",)):  # fmt: skip
        code, out, _ = run(capsys, logbook, *args)
        assert code == 0, args
        assert not any(char in out for char in "\x1b\x07\x9b"), (args, out)
    _, out, _ = run(capsys, logbook, "list", "journal")
    assert "\\x1b" in out
    _, out, _ = run(capsys, logbook, "list", "journal", "--json")
    assert json.loads(out)[0]["title"] == "evil\x1b]0;pwned\x07 title\x9b"


def _cli(data_dir, *args: bytes, stdin: bytes = b""):
    return subprocess.run(
        [sys.executable, "-m", "po_tracker", "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
    )


def test_arguments_that_are_not_utf8_are_refused(logbook):
    before = tree(logbook)
    result = _cli(logbook, b"add", b"goal", b"caf\xe9 au lait")
    assert result.returncode == 2, result.stderr
    assert b"argument 5 (caf\\xe9 au lait)" in result.stderr
    assert b"not valid UTF-8" in result.stderr
    assert result.stderr.count(b"\n") == 1
    assert tree(logbook) == before


def test_standard_input_that_is_not_utf8_is_refused(logbook):
    before = tree(logbook)
    result = _cli(logbook, b"journal", b"-", stdin=b"caf\xe9 au lait\n")
    assert result.returncode == 2 and b"standard input is not valid UTF-8" in result.stderr
    assert tree(logbook) == before
    assert _cli(logbook, b"journal", b"-", stdin="café\n".encode()).returncode == 0


def test_json_with_a_lone_surrogate_is_refused_naming_the_field(capsys, logbook, tmp_path):
    exported = tmp_path / "all.json"
    assert run(capsys, logbook, "export", "json", str(exported))[0] == 0
    text = exported.read_text().replace('"first"', '"half \\ud800 a character"')
    exported.write_text(text)
    err = refused(capsys, logbook, "import", "json", str(exported), field="lone surrogate")
    assert "journal" in err
