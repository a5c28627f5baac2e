"""CSV: formula-safe export that never overwrites without force, and an all-or-nothing
import that turns every bad file into a clear message and an unchanged logbook."""

from __future__ import annotations

import csv
import io
import stat
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from po_tracker.files import FileExistsRefused
from po_tracker.services.errors import ValidationError
from po_tracker.services.exchange import csv_export, csv_import
from po_tracker.services.exchange.csv_format import neutralise, restore_text
from po_tracker.services.logbook import training
from po_tracker.services.logbook.log_kinds import BY_NAME as KINDS
from po_tracker.services.storage import backup

HOSTILE = ['=HYPERLINK("http://evil.example","click")', "+1", "-2", "@SUM(A1:A9)", "\tx", "\rx"]


def rows_of(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def test_text_that_a_spreadsheet_would_run_is_neutralised(session, tmp_path):
    # The services trim leading white space, so tab and CR are checked on the cell level.
    assert (neutralise("\tx"), neutralise("\rx")) == ("'\tx", "'\rx")
    for n, text in enumerate(HOSTILE[:4]):
        training.create(
            session, training.TrainingInput(text, 2.5 + n, date(2025, 1, 1), notes=text)
        )
    paths = csv_export.export_csv(session, tmp_path / "out")
    assert sorted(p.name for p in paths) == sorted(kind.csv_file for kind in KINDS.values())
    header, *rows = rows_of(tmp_path / "out" / "trainings.csv")
    for row in rows:
        cells = dict(zip(header, row, strict=True))
        assert cells["title"][0] == "'" and cells["notes"][0] == "'"
        assert cells["title"][1:] in HOSTILE
        assert float(cells["hours"]) >= 2.5 and cells["hours"][0].isdigit(), "numbers stay numbers"
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in paths)


@given(st.text(max_size=40))
def test_neutralising_round_trips_every_text(text):
    cell = neutralise(text)
    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert restore_text(cell) == text


def test_export_never_overwrites_without_force(session, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    mine = folder / "goals.csv"
    mine.write_text("my own file")
    with pytest.raises(FileExistsRefused, match="goals.csv"):
        csv_export.export_csv(session, folder)
    assert mine.read_text() == "my own file"
    assert sorted(p.name for p in folder.iterdir()) == ["goals.csv"], "none written"
    csv_export.export_csv(session, folder, force=True)
    assert rows_of(mine)[0][0] == "id"


def test_export_then_import_round_trips_a_log(session, tmp_path):
    training.create(session, training.TrainingInput("=cmd", 3.0, date(2025, 1, 2), notes="-x"))
    csv_export.export_csv(session, tmp_path)
    report = csv_import.import_csv(session, "training", tmp_path / "trainings.csv")
    assert report.rows == 1
    titles = [(t.title, t.hours, t.notes) for t in training.list_all(session)]
    assert titles == [("=cmd", 3.0, "-x"), ("=cmd", 3.0, "-x")]


def test_one_bad_row_and_nothing_is_imported(db, tmp_path):
    rows = [["title", "hours", "start_date"]]
    rows += [[f"Course {n}", "2", "2025-01-01"] for n in range(20)]
    rows += [["Broken", "-3", "2025-02-30"]]
    path = write_csv(tmp_path / "t.csv", rows)
    before = backup.content_fingerprint(db.path)
    with pytest.raises(ValidationError) as caught, db.write() as session:
        csv_import.import_csv(session, "training", path)
    messages = [str(error) for error in caught.value.errors]
    assert messages == [
        "row 22, column start_date: is not a real date ('2025-02-30')",
        "row 22, column hours: must not be negative (got -3)",
    ]
    assert backup.content_fingerprint(db.path) == before


def test_a_dry_run_reports_and_writes_nothing(db, tmp_path):
    path = write_csv(tmp_path / "c.csv", [["name", "organization"], ["Ada", "ACME"]])
    before = backup.content_fingerprint(db.path)
    with db.write() as session:
        report = csv_import.import_csv(session, "contacts", path, dry_run=True)
    assert report.summary() == "Would add 1 contact entry."
    assert backup.content_fingerprint(db.path) == before


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"title,hours\n", "start_date"),
        (b"title,hours,start_date,colour\n", "colour"),
        (b"title,title,hours,start_date\n", "more than once"),
        (b'title,hours,start_date\n"unclosed,1,2025-01-01\n', "not valid CSV"),
        (b"title,hours,start_date\nA\x00,1,2025-01-01\n", "NUL"),
        (b"title,hours,start_date\n\xff\xfe,1,2025-01-01\n", "not UTF-8"),
        (b"title,hours,start_date\nA,1e999,2025-01-01\n", "plain decimal"),
        (b"title,hours,start_date\nA,lots,2025-01-01\n", "must be a plain decimal number"),
    ],
)
def test_bad_files_get_a_clear_message(db, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    before = backup.content_fingerprint(db.path)
    with pytest.raises(ValidationError, match=message), db.write() as session:
        csv_import.import_csv(session, "training", path)
    assert backup.content_fingerprint(db.path) == before


def test_an_oversized_file_is_refused_before_reading(db, tmp_path, monkeypatch):
    monkeypatch.setattr(csv_import, "MAX_BYTES", 100)
    path = write_csv(tmp_path / "big.csv", [["name"]] + [["x" * 50]] * 5)
    with pytest.raises(ValidationError, match="the limit is"), db.write() as session:
        csv_import.import_csv(session, "contact", path)


CELLS = st.one_of(
    st.sampled_from(["", "2025-01-01", "2025-02-30", "-1", "1e400", "nan", "CSPO", "yes", "x"]),
    st.sampled_from(HOSTILE),
    st.text(max_size=12),
    st.integers(-(10**30), 10**30).map(str),
)


@st.composite
def bad_csv(draw) -> tuple[str, bytes]:
    """A file for a random log with at least one cell its service must refuse."""
    kind = draw(st.sampled_from(sorted(KINDS)))
    header = draw(st.permutations(csv_export.columns(KINDS[kind])))
    rows = [
        draw(st.lists(CELLS, min_size=len(header), max_size=len(header)))
        for _ in range(draw(st.integers(0, 3)))
    ]
    poison = draw(st.sampled_from(["date", "extra-cells", "unknown-column", "bytes"]))
    if poison == "date":
        header = header + ["entry_date", "start_date", "event_date", "rated_on"]
        rows.append(["x"] * (len(header) - 4) + ["2025-13-45"] * 4)
    elif poison == "extra-cells":
        rows.append(["x"] * (len(header) + 1))
    elif poison == "unknown-column":
        header = header + ["no_such_column"]
    text = io.StringIO()
    csv.writer(text).writerows([header, *rows])
    data = text.getvalue().encode("utf-8")
    if poison == "bytes":
        data = draw(st.binary(max_size=200)) + b"\xff\x00" + data
    return kind, data


@pytest.mark.slow
@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(bad_csv())
def test_generated_bad_files_leave_the_logbook_unchanged(db, tmp_path, bad):
    kind, data = bad
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    before = backup.content_fingerprint(db.path)
    with pytest.raises(ValidationError), db.write() as session:
        csv_import.import_csv(session, kind, path)
    assert backup.content_fingerprint(db.path) == before
