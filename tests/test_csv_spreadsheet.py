"""Every CSV file through a spreadsheet-style rewrite and back: what LibreOffice,
Gnumeric or Excel write when they save a CSV again (dates in their own forms, semicolons
for a decimal-comma locale, no byte-order mark, the formula guard's quote dropped), read
back with the csv module in each dialect, imported into a new logbook, gives the same
entries."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from datetime import UTC, date, datetime

import pytest

from po_tracker.services.errors import ValidationError
from po_tracker.services.exchange import csv_export, csv_import
from po_tracker.services.logbook import (
    certifications,
    contacts,
    events,
    experience,
    goals,
    ratings,
    training,
)
from po_tracker.services.logbook import journal_entries as journal
from po_tracker.services.logbook.log_kinds import BY_NAME as KINDS
from po_tracker.services.storage.opening import open_logbook

ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
GUARD = re.compile(r"^'[=+\-@]")
PLAIN_NUMBER = re.compile(r"^\d+(\.\d+)?$")
# Contacts before events, so the people met link to the contacts imported first.
IMPORT_ORDER = ("contact", "certification", "training", "event", "rating", "experience",
                "journal", "goal")  # fmt: skip
IGNORED = {"id", "created_at", "updated_at", "links", "events_count", "last_met"}


def _fill(session) -> None:
    contacts.create(session, contacts.ContactInput("Smith; Jones Ltd", organization="=cmd"))
    contacts.create(session, contacts.ContactInput("Zoë", role="Coach"))
    certifications.create(
        session,
        certifications.CertificationInput(
            "CSPO", earned_on=date(2025, 3, 14), credential_number="A-123",
            cost_amount=1250.5, cost_currency="EUR",
        ),
    )  # fmt: skip
    # Text a spreadsheet would read as a number or a date, were it not protected.
    certifications.create(
        session,
        certifications.CertificationInput(
            "PSPO I", earned_on=date(2024, 6, 1), credential_number="000123", notes="1.50"
        ),
    )
    contacts.create(session, contacts.ContactInput("Ann", role="3/4", organization="10:30"))
    training.create(
        session,
        training.TrainingInput(
            "+Backlog workshop", 7.5, date(2025, 1, 13), end_date=date(2025, 1, 14),
            skills=("communication", "leadership"), notes='Line one\nline two, "quoted"',
        ),
    )  # fmt: skip
    people = ("Smith; Jones Ltd", "Zoë", "C:\\path")
    events.create(
        session,
        events.EventInput(
            "Product camp", "conference", date(2025, 5, 20), hours=6, contacts=people,
            follow_up_on=date(2025, 6, 30),
        ),
    )  # fmt: skip
    rating = ratings.RatingInput("communication", 3, date(2025, 2, 28), note="@mention")
    ratings.create(session, rating)
    role = experience.ExperienceInput("Product Owner", date(2023, 1, 19), organization="Acme")
    experience.create(session, role)
    tags = ("decisions", "stakeholders")
    journal.create(
        session, journal.JournalInput("-Said no to the big client", date(2025, 4, 17), tags=tags)
    )
    goal = goals.GoalInput("Run a discovery workshop", date(2025, 9, 30), skill="communication")
    goals.create(session, goal)


def _entries(session) -> dict[str, list[dict]]:
    found = {}
    for name, kind in KINDS.items():
        found[name] = sorted(
            (
                {k: v for k, v in dataclasses.asdict(item).items() if k not in IGNORED}
                for item in kind.service.list_all(session)
            ),
            key=repr,
        )
    return found


def _rewrite(raw: bytes, *, separator: str, day: str) -> bytes:
    """What a spreadsheet saves: its own date form, its separator, no BOM, only the
    quotes CSV needs, and the guard's leading quote gone."""
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\n")
    for row in rows:
        writer.writerow([_spreadsheet_cell(cell, day) for cell in row])
    return out.getvalue().encode("utf-8")


def _spreadsheet_cell(cell: str, day: str) -> str:
    if found := ISO_DAY.match(cell):
        year, month, dd = found.groups()
        return {"YYYY/MM/DD": f"{year}/{month}/{dd}", "DD.MM.YYYY": f"{dd}.{month}.{year}",
                "MM/DD/YYYY": f"{month}/{dd}/{year}"}[day]  # fmt: skip
    if PLAIN_NUMBER.match(cell):
        return f"{float(cell):g}"  # read as a number: "000123" is saved back as 123
    return cell[1:] if GUARD.match(cell) else cell


@pytest.mark.parametrize(
    ("separator", "day"),
    [(";", "DD.MM.YYYY"), (",", "YYYY/MM/DD"), ("\t", "MM/DD/YYYY")],
    ids=["libreoffice-de", "gnumeric", "excel-us-tabs"],
)
def test_every_log_survives_a_spreadsheet_round_trip(db, tmp_path, separator, day):
    with db.write() as session:
        _fill(session)
    with db.read() as session:
        csv_export.export_csv(session, tmp_path / "out")
        before = _entries(session)
    other = open_logbook(tmp_path / "other")
    try:
        for name in IMPORT_ORDER:
            path = tmp_path / "out" / KINDS[name].csv_file
            edited = tmp_path / f"edited-{KINDS[name].csv_file}"
            edited.write_bytes(_rewrite(path.read_bytes(), separator=separator, day=day))
            with other.write() as session:
                csv_import.import_csv(session, name, edited)
        with other.read() as session:
            after = _entries(session)
    finally:
        other.close()
    assert after == before
    assert before["event"][0]["contacts"] == ("C:\\path", "Smith; Jones Ltd", "Zoë")


def _export_cells(db, tmp_path, file_name: str) -> list[dict[str, str]]:
    with db.read() as session:
        csv_export.export_csv(session, tmp_path / "x", force=True)
    text = (tmp_path / "x" / file_name).read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_a_formula_saved_back_without_its_guard_is_guarded_again(db, tmp_path):
    source = tmp_path / "t.csv"
    source.write_text('title,hours,start_date\n"=HYPERLINK(""http://x"")",2,2025-01-01\n')
    with db.write() as session:
        csv_import.import_csv(session, "training", source)
    (row,) = _export_cells(db, tmp_path, "trainings.csv")
    assert row["title"] == '\'=HYPERLINK("http://x")'


def test_timestamps_carry_their_offset(db, tmp_path):
    with db.write() as session:
        contacts.create(session, contacts.ContactInput("Ann"))
    (row,) = _export_cells(db, tmp_path, "contacts.csv")
    for name in ("created_at", "updated_at"):
        stamp = datetime.fromisoformat(row[name])
        assert stamp.utcoffset() is not None and stamp.utcoffset().total_seconds() == 0
        assert abs((datetime.now(UTC) - stamp).total_seconds()) < 600


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (["03/04/2026", "05/06/2026"], "column event_date: has dates that read as day-first"),
        (["13/04/2026", "04/13/2026"], "column event_date: mixes day-first and month-first"),
        (["2026-02-30"], "row 2, column event_date: is not a real date"),
        (["3 March"], "row 2, column event_date: must be a date as YYYY-MM-DD"),
    ],
)
def test_dates_that_cannot_be_read_for_sure_are_refused_naming_the_column(
    db, tmp_path, cells, message
):
    source = tmp_path / "e.csv"
    source.write_text("title,event_type,event_date\n" + "".join(f"M,meetup,{c}\n" for c in cells))
    with pytest.raises(ValidationError) as caught, db.write() as session:
        csv_import.import_csv(session, "event", source)
    assert message in " | ".join(str(e) for e in caught.value.errors)
    with db.read() as session:
        assert events.list_all(session) == []


def test_a_day_above_12_tells_the_order_for_the_whole_column(db, tmp_path):
    source = tmp_path / "e.csv"
    source.write_text("title;event_type;event_date\nA;meetup;03/04/2026\nB;meetup;25/04/2026\n")
    with db.write() as session:
        csv_import.import_csv(session, "event", source)
    with db.read() as session:
        days = sorted(e.event_date for e in events.list_all(session))
    assert days == [date(2026, 4, 3), date(2026, 4, 25)]


def test_a_file_with_another_separator_is_named_as_such(db, tmp_path):
    source = tmp_path / "c.csv"
    source.write_text("name|organization\nAnn|Acme\n")
    with pytest.raises(ValidationError) as caught, db.write() as session:
        csv_import.import_csv(session, "contact", source)
    assert "separated by commas, semicolons, tabs" in " | ".join(
        str(e) for e in caught.value.errors
    )


def test_credential_numbers_a_spreadsheet_changed_are_imported_and_flagged(db, tmp_path):
    source = tmp_path / "c.csv"
    source.write_text(
        "name,status,credential_number\n"
        "CSPO,planned,1.23457E+11\n"  # 123456789012 shortened on saving
        "CSM,planned,04/03/26\n"  # "3/4" opened as a date
        "PSPO I,planned,'000123\n"  # as the app wrote it
        "PSM I,planned,123\n"  # '000123 opened as a number and saved back
        "ICP-APO,planned,SA-0099\n"  # no spreadsheet reads this as a number
    )
    with db.write() as session:
        report = csv_import.import_csv(session, "certification", source)
    assert report.warnings == (
        "Row 2, column credential_number: '1.23457E+11' looks like a number a spreadsheet"
        " shortened; check it against the original.",
        "Row 3, column credential_number: '04/03/26' looks like a date a spreadsheet made"
        " of it; check it against the original.",
        "Row 5, column credential_number: '123' looks like a number a spreadsheet read, which"
        " drops leading zeros and trailing decimal zeros; check it against the original.",
    )
    assert report.summary().splitlines()[1:] == list(report.warnings)
    with db.read() as session:
        numbers = sorted(c.credential_number for c in certifications.list_all(session))
    # Kept as they are (flagged only); the protective "'" removed again.
    assert numbers == ["000123", "04/03/26", "1.23457E+11", "123", "SA-0099"]


def test_a_charts_numbers_table_leaves_dates_to_the_spreadsheet_but_guards_formulas():
    from po_tracker.services.exchange import table_csv

    raw = table_csv.render(("Skill", "Month", "Level"), [("=cmd", "2026-03", 3.5)])
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    # The month stays a value to compute with; a name that would run is still guarded.
    assert rows == [["Skill", "Month", "Level"], ["'=cmd", "2026-03", "3.5"]]
