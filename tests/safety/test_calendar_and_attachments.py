"""The iCalendar export, and certificate files kept inside the data folder."""

from __future__ import annotations

import os
import stat
from datetime import UTC, date, datetime

import icalendar
import pytest

from po_tracker.files import FileExistsRefused
from po_tracker.services.errors import ValidationError
from po_tracker.services.exchange import calendar_export
from po_tracker.services.logbook import certifications, events, goals
from po_tracker.services.storage import attachments

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


def _log_dates(session):
    cert = certifications.create(
        session, certifications.CertificationInput("CSPO", earned_on=date(2025, 3, 1))
    )
    goals.create(session, goals.GoalInput("Pass PSPO II", target_date=date(2026, 6, 1)))
    goals.create(session, goals.GoalInput("Done", target_date=date(2026, 1, 1), status="done"))
    events.create(
        session,
        events.EventInput("Meetup", "meetup", date(2026, 2, 1), follow_up_on=date(2026, 2, 8)),
    )
    return cert


def test_calendar_has_renewals_goals_and_follow_ups_as_all_day_events(session, tmp_path):
    cert = _log_dates(session)
    path = calendar_export.export_ics(session, tmp_path / "po.ics", now=NOW)
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    found = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    renewal_line = "Scrum Alliance renewal: 0 of 20 SEUs by 2027-03-01, USD 100"
    assert sorted(found) == ["Follow up: Meetup", "Goal due: Pass PSPO II", renewal_line]
    renewal = found[renewal_line]
    # The day to act: the default lead time (30 days) before the last valid day.
    assert cert.expires == date(2027, 3, 1)
    assert renewal.decoded("dtstart") == date(2027, 1, 30)
    assert renewal.decoded("dtend") == date(2027, 1, 31)
    assert str(renewal["uid"]).endswith("-renewal-scrum-alliance@po-tracker.invalid")
    assert f"-{cert.id}-" not in str(renewal["uid"]), "never a row number"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = calendar_export.build_calendar(session, now=NOW)
    assert again == path.read_bytes(), "same data, same file: stable UIDs"


def test_calendar_export_never_overwrites_without_force(session, tmp_path):
    _log_dates(session)
    target = tmp_path / "po.ics"
    target.write_text("mine")
    with pytest.raises(FileExistsRefused):
        calendar_export.export_ics(session, target)
    assert target.read_text() == "mine"
    calendar_export.export_ics(session, target, force=True)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_an_attachment_is_copied_under_a_generated_private_name(tmp_path, data_dir):
    source = tmp_path / "My Certificate (final).PDF"
    source.write_bytes(b"%PDF-1.7 certificate")
    name = attachments.store_attachment(data_dir, source)
    prefix, _, rest = name.partition("-")
    assert len(prefix) == 32 and rest == "My Certificate (final).pdf"
    assert attachments.original_name(name) == "My Certificate (final).pdf"
    stored = attachments.resolve_attachment(data_dir, name)
    assert stored.read_bytes() == source.read_bytes()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o400  # private, and never changed
    assert stat.S_IMODE(stored.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("Zertifikat Müller.pdf", "Zertifikat Müller.pdf"),
        ('a:b*c?"d<e>f|g.png', "a_b_c_d_e_f_g.png"),
        ("..hidden.pdf", "hidden.pdf"),
        ("x" * 120 + ".txt", "x" * 80 + ".txt"),
    ],
)
def test_the_stored_name_keeps_a_plain_form_of_the_files_own_name(tmp_path, data_dir, given, kept):
    source = tmp_path / given
    source.write_bytes(b"content")
    name = attachments.store_attachment(data_dir, source)
    assert attachments.original_name(name) == kept
    assert attachments.resolve_attachment(data_dir, name).read_bytes() == b"content"


def test_two_files_of_the_same_name_are_both_kept(tmp_path, data_dir):
    for folder, text in (("a", b"first"), ("b", b"second")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "certificate.pdf").write_bytes(text)
    first = attachments.store_attachment(data_dir, tmp_path / "a" / "certificate.pdf")
    second = attachments.store_attachment(data_dir, tmp_path / "b" / "certificate.pdf")
    assert first != second
    assert attachments.resolve_attachment(data_dir, first).read_bytes() == b"first"
    assert attachments.resolve_attachment(data_dir, second).read_bytes() == b"second"


def test_a_folder_is_refused_in_one_line(tmp_path, data_dir):
    (tmp_path / "slides.pdf").mkdir()
    with pytest.raises(ValidationError, match="is a folder; choose a file"):
        attachments.store_attachment(data_dir, tmp_path / "slides.pdf")


def test_links_odd_files_and_big_files_are_refused(tmp_path, data_dir, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    link = tmp_path / "cert.pdf"
    link.symlink_to(secret)
    with pytest.raises(ValidationError, match="is a link"):
        attachments.store_attachment(data_dir, link)
    (tmp_path / "run.sh").write_text("echo hi")
    with pytest.raises(ValidationError, match="not a kind of file"):
        attachments.store_attachment(data_dir, tmp_path / "run.sh")
    with pytest.raises(ValidationError, match="does not exist"):
        attachments.store_attachment(data_dir, tmp_path / "missing.pdf")
    big = tmp_path / "big.pdf"
    big.write_bytes(b"x" * 200)
    monkeypatch.setattr(attachments, "MAX_BYTES", 100)
    with pytest.raises(ValidationError, match="the limit is"):
        attachments.store_attachment(data_dir, big)
    folder = attachments.attachments_dir(data_dir)
    assert not folder.exists() or [p for p in folder.iterdir()] == []


@pytest.mark.parametrize(
    "name",
    [
        "../po-tracker.sqlite3",
        "..",
        "/etc/passwd",
        "a/b.pdf",
        "x.pdf",
        "",
        "C:\\x.pdf",
        "0123456789abcdef0123456789abcdef.pdf/../../x",
    ],
)
def test_a_stored_name_cannot_leave_the_attachments_folder(data_dir, name):
    with pytest.raises(ValidationError):
        attachments.resolve_attachment(data_dir, name)


def test_a_planted_link_in_the_attachments_folder_is_refused(tmp_path, data_dir):
    folder = attachments.attachments_dir(data_dir)
    folder.mkdir(parents=True)
    name = "0123456789abcdef0123456789abcdef.pdf"
    os.symlink(tmp_path / "outside.pdf", folder / name)
    with pytest.raises(ValidationError, match="outside"):
        attachments.resolve_attachment(data_dir, name)


@pytest.mark.parametrize("name", ["../x", "a/../../x", "/abs", "C:/x", "..\\x", "a\x00b"])
def test_archive_style_names_with_dot_dot_or_roots_are_refused(name):
    with pytest.raises(ValidationError):
        attachments.check_relative_name(name)


def test_plain_relative_names_are_accepted():
    assert attachments.check_relative_name("attachments/a.pdf") == "attachments/a.pdf"
    assert attachments.check_relative_name("./a.pdf") == "a.pdf"
