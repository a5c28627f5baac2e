"""The iCalendar export read back by an independent parser (vobject): events named by
the entries' UUIDs, moved and cancelled in ways calendar programs follow, renewal dates
that agree with ``status --json``, reminders, and one-line summaries."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest
import vobject
from sqlalchemy import update

from po_tracker.models import Credential
from po_tracker.services.career import status as status_service
from po_tracker.services.career.renewal_due import renewals_due
from po_tracker.services.errors import ValidationError
from po_tracker.services.exchange import calendar_export, calendar_preferences, interchange
from po_tracker.services.exchange.calendar_history import CANCELLED_KEPT_DAYS
from po_tracker.services.exchange.calendar_preferences import CalendarPreferences
from po_tracker.services.logbook import certifications, events, goals, training
from po_tracker.services.logbook.certifications import CertificationInput
from po_tracker.services.logbook.events import EventInput
from po_tracker.services.logbook.goals import GoalInput
from po_tracker.services.logbook.training import TrainingInput
from po_tracker.services.storage.opening import open_logbook

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
TODAY = NOW.astimezone().date()
# With no lead time of their own, renewals are placed a month before their last day.
LEAD = timedelta(days=CalendarPreferences().renewal_lead_days)


def _export(db, tmp_path, now=NOW, name="dates.ics"):
    with db.write() as session:
        path = calendar_export.export_ics(session, tmp_path / name, force=True, now=now)
    return _events(path.read_text(encoding="utf-8"))


def _events(text: str) -> dict[str, dict]:
    """Every VEVENT as plain values, keyed by summary, as vobject reads the file."""
    calendar = vobject.readOne(text)
    assert calendar.version.value == "2.0"
    found = {}
    for event in calendar.vevent_list:
        found[event.summary.value] = {
            "uid": event.uid.value,
            "start": event.dtstart.value,
            "sequence": int(event.sequence.value),
            "stamp": event.dtstamp.value,
            "status": event.status.value,
            "description": event.description.value if hasattr(event, "description") else "",
            "alarms": sorted(a.trigger.value for a in getattr(event, "valarm_list", [])),
        }
    return found


# CSPO earned on 2025-03-01 renews every 24 months (2027-03-01) with 20 SEUs, for the
# Scrum Alliance's fee of USD 100; alone, it is the whole of its renewal group.
CSPO_RENEWAL = "Scrum Alliance renewal: 0 of 20 SEUs by 2027-03-01, USD 100"


def _log(db):
    with db.write() as session:
        certifications.create(session, CertificationInput("CSPO", earned_on=date(2025, 3, 1)))
        goals.create(session, GoalInput("Pass PSPO II", target_date=date(2027, 6, 1)))
        events.create(
            session,
            EventInput("Meetup", "meetup", date(2026, 11, 1), follow_up_on=date(2026, 12, 8)),
        )


def test_uids_come_from_the_entries_uuids_and_survive_a_move_to_a_new_folder(db, tmp_path):
    _log(db)
    first = _export(db, tmp_path)
    with sqlite3.connect(db.path) as connection:
        goal_uuid = connection.execute("SELECT uuid FROM goals").fetchone()[0]
    assert first["Goal due: Pass PSPO II"]["uid"] == f"{goal_uuid}-goal-target@po-tracker.invalid"
    with db.read() as session:
        document = interchange.export_document(session)
    moved = open_logbook(tmp_path / "moved")
    try:
        with moved.write() as session:
            interchange.import_document(session, document)
        second = _export(moved, tmp_path, name="moved.ics")
    finally:
        moved.close()
    assert {k: v["uid"] for k, v in second.items()} == {k: v["uid"] for k, v in first.items()}
    assert sorted(first) == ["Follow up: Meetup", "Goal due: Pass PSPO II", CSPO_RENEWAL]


def test_two_logbooks_with_the_same_entries_never_share_a_uid(db, tmp_path):
    _log(db)
    other = open_logbook(tmp_path / "other")
    try:
        _log(other)
        theirs = _export(other, tmp_path, name="other.ics")
    finally:
        other.close()
    ours = _export(db, tmp_path)
    assert not {v["uid"] for v in ours.values()} & {v["uid"] for v in theirs.values()}


def test_every_event_has_a_sequence_and_a_stamp_and_the_same_data_keeps_them(db, tmp_path):
    _log(db)
    first = _export(db, tmp_path)
    later = NOW + timedelta(hours=1)
    again = _export(db, tmp_path, now=later)
    for name, event in again.items():
        assert event["sequence"] == first[name]["sequence"] == 0
        assert event["stamp"] == later


def test_a_moved_date_raises_the_sequence(db, tmp_path):
    _log(db)
    _export(db, tmp_path)
    with db.write() as session:
        goal = goals.list_all(session)[0]
        goals.update(session, goal.id, GoalInput("Pass PSPO II", target_date=date(2027, 9, 1)))
    moved = _export(db, tmp_path)["Goal due: Pass PSPO II"]
    assert (moved["start"], moved["sequence"], moved["status"]) == (
        date(2027, 9, 1),
        1,
        "CONFIRMED",
    )


def test_a_goal_done_and_an_entry_deleted_come_back_cancelled_with_a_higher_sequence(db, tmp_path):
    _log(db)
    first = _export(db, tmp_path)
    with db.write() as session:
        goal = goals.list_all(session)[0]
        goals.update(
            session, goal.id, GoalInput("Pass PSPO II", target_date=goal.target_date, status="done")
        )
        events.delete(session, events.list_all(session)[0].id)
    second = _export(db, tmp_path)
    for name in ("Goal due: Pass PSPO II", "Follow up: Meetup"):
        assert second[name]["uid"] == first[name]["uid"]
        assert second[name]["status"] == "CANCELLED"
        assert second[name]["sequence"] == first[name]["sequence"] + 1
        assert second[name]["alarms"] == []
    assert second[CSPO_RENEWAL]["status"] == "CONFIRMED"
    # Still said on the next export, and forgotten once the documented period is over.
    assert _export(db, tmp_path)["Follow up: Meetup"]["sequence"] == 1
    much_later = NOW + timedelta(days=CANCELLED_KEPT_DAYS + 1)
    assert "Follow up: Meetup" not in _export(db, tmp_path, now=much_later)


def test_a_goal_reopened_after_its_cancellation_comes_back_confirmed(db, tmp_path):
    _log(db)
    _export(db, tmp_path)
    with db.write() as session:
        goal = goals.list_all(session)[0]
        done = GoalInput("Pass PSPO II", target_date=goal.target_date, status="done")
        goals.update(session, goal.id, done)
    _export(db, tmp_path)
    with db.write() as session:
        goals.update(session, goal.id, GoalInput("Pass PSPO II", target_date=goal.target_date))
    back = _export(db, tmp_path)["Goal due: Pass PSPO II"]
    assert (back["status"], back["sequence"]) == ("CONFIRMED", 2)


def _status_expiry(db, name: str, as_of: date) -> tuple[str, date | None]:
    with db.read() as session:
        report = status_service.build(session, as_of).to_dict()
    found = {c["name"]: c for c in report["credentials"]}[name]
    return found["status"], found["expires"] and date.fromisoformat(found["expires"])


def test_renewal_dates_are_the_ones_status_reports(db, tmp_path):
    with db.write() as session:
        certifications.create(session, CertificationInput("CSPO", earned_on=date(2025, 3, 1)))
        # Renewed with a new expiry typed on a second row: the later one counts.
        certifications.create(
            session,
            CertificationInput("CSM", earned_on=date(2024, 1, 10), expires_on=date(2026, 1, 10)),
        )
        certifications.create(
            session,
            CertificationInput("CSM", earned_on=date(2026, 1, 5), expires_on=date(2028, 1, 10)),
        )
    found = _export(db, tmp_path)
    for name in ("CSPO", "CSM"):
        _status, expires = _status_expiry(db, name, TODAY)
        assert expires == date(2028, 1, 10)  # earning CSM again renewed CSPO with it
    # One renewal for the group, not one per credential: CSM's 20 SEUs plus CSPO's 10.
    (renewal,) = [e for e in found.values() if "renewal" in e["uid"]]
    assert renewal["start"] == date(2028, 1, 10) - LEAD
    assert "Scrum Alliance renewal: 0 of 30 SEUs by 2028-01-10, USD 100" in found


def _renews(event) -> list[str]:
    """The credentials a group's event says it renews (equal ranks come in any order)."""
    first = event["description"].split(".")[0]
    return sorted(first.removeprefix("One renewal for ").split(", "))


def test_a_renewal_group_is_one_event_with_its_total_credits_and_fee(db, tmp_path):
    with db.write() as session:
        certifications.create(session, CertificationInput("CSPO", earned_on=date(2025, 3, 1)))
        # Earning CSM renews the CSPO with it: both due on 2027-06-01.
        certifications.create(session, CertificationInput("CSM", earned_on=date(2025, 6, 1)))
        training.create(session, TrainingInput("Backlog clinic", 5, date(2026, 1, 10)))
    found = _export(db, tmp_path)
    summary = "Scrum Alliance renewal: 5 of 30 SEUs by 2027-06-01, USD 100"
    assert list(found) == [summary]
    assert found[summary]["start"] == date(2027, 6, 1) - LEAD == date(2027, 5, 2)
    assert _renews(found[summary]) == ["CSM", "CSPO"]
    assert found[summary]["description"].endswith(
        " Valid until 2027-06-01. Renew by 2027-05-02, 30 days before."
    )
    assert found[summary]["alarms"] == [timedelta(days=-30), timedelta(days=-7)]
    # The same words as the dashboard and the report, from the same list.
    with db.read() as session:
        assert [r.line for r in renewals_due(session, TODAY)] == [summary]


def test_a_groups_uid_stays_while_its_members_change_and_it_is_cancelled_when_gone(db, tmp_path):
    with db.write() as session:
        cspo = certifications.create(
            session, CertificationInput("CSPO", earned_on=date(2025, 3, 1))
        ).id
    (alone,) = _export(db, tmp_path).values()
    assert alone["uid"].endswith("-renewal-scrum-alliance@po-tracker.invalid")
    with db.write() as session:
        csm = certifications.create(
            session, CertificationInput("CSM", earned_on=date(2026, 6, 1))
        ).id
    (both,) = _export(db, tmp_path).values()
    # CSM renewed the CSPO to 2028-06-01: the same event, moved, with a higher SEQUENCE.
    moved = (alone["uid"], date(2028, 6, 1) - LEAD, 1)
    assert (both["uid"], both["start"], both["sequence"]) == moved
    assert _renews(both) == ["CSM", "CSPO"]
    with db.write() as session:
        certifications.delete(session, csm)
        certifications.delete(session, cspo)
        goals.create(session, GoalInput("Keep something in the calendar", date(2027, 1, 1)))
    gone = [e for e in _export(db, tmp_path).values() if e["uid"] == alone["uid"]]
    assert [(e["status"], e["sequence"]) for e in gone] == [("CANCELLED", 2)]


def test_a_higher_credential_moves_the_groups_event(db, tmp_path):
    with db.write() as session:
        certifications.create(session, CertificationInput("CSPO", earned_on=date(2025, 3, 1)))
    (before,) = _export(db, tmp_path).values()
    with db.write() as session:
        certifications.create(session, CertificationInput("A-CSPO", earned_on=date(2026, 6, 1)))
    (after,) = _export(db, tmp_path).values()
    _status, expires = _status_expiry(db, "A-CSPO", TODAY)
    assert after["start"] == expires - LEAD and expires == date(2028, 6, 1)
    assert after["uid"] == before["uid"] and after["sequence"] == before["sequence"] + 1
    assert _renews(after) == ["A-CSPO", "CSPO"]


def test_the_safe_group_gives_its_fee(db, tmp_path):
    with db.write() as session:
        certifications.create(session, CertificationInput("SAFe POPM", earned_on=date(2026, 2, 1)))
    # 12 months, 10 PDUs, USD 295 for every SAFe certification held.
    assert list(_export(db, tmp_path)) == ["SAFe renewal: 0 of 10 PDUs by 2027-02-01, USD 295"]


def test_no_renewal_for_a_credential_in_progress_a_lifetime_one_or_one_past_renewing(db, tmp_path):
    with db.write() as session:
        certifications.create(session, CertificationInput("CSPO", status="in-progress"))
        certifications.create(session, CertificationInput("PSPO I", earned_on=date(2024, 5, 1)))
        certifications.create(session, CertificationInput("CSM", earned_on=date(2020, 5, 1)))
        goals.create(session, GoalInput("Keep something in the calendar", date(2027, 1, 1)))
    assert list(_export(db, tmp_path)) == ["Goal due: Keep something in the calendar"]


def test_a_credential_in_its_grace_period_gets_its_last_renewal_day(db, tmp_path):
    with db.write() as session:
        session.execute(update(Credential).where(Credential.slug == "csm").values(grace_days=90))
        certifications.create(session, CertificationInput("CSM", earned_on=date(2024, 10, 1)))
    status, expires = _status_expiry(db, "CSM", TODAY)
    assert (status, expires) == ("grace", date(2026, 10, 1))
    ((summary, event),) = _export(db, tmp_path).items()
    # 2026-10-01 + 90 days: the last day it can still be renewed; the event a month before.
    assert event["start"] == date(2026, 12, 30) - LEAD
    assert "expired on 2026-10-01, still in its grace period" in summary
    assert "its grace period ends on 2026-12-30" in event["description"]


def test_renewals_and_goals_carry_reminders_before_the_day(db, tmp_path):
    _log(db)
    found = _export(db, tmp_path)
    for name in (CSPO_RENEWAL, "Goal due: Pass PSPO II"):
        assert found[name]["alarms"] == [timedelta(days=-30), timedelta(days=-7)]


def test_summaries_are_one_line_and_cut_where_a_character_ends(db, tmp_path):
    # "q" with a combining acute has no composed form: two code points, one character.
    accented_q = "q\u0301"
    text = "Line one\nline two\r\n" + "x" * 70 + accented_q * 20
    with db.write() as session:
        goals.create(session, GoalInput(text, target_date=date(2027, 1, 1)))
    (summary,) = _export(db, tmp_path)
    assert "\n" not in summary and "\r" not in summary
    assert summary.startswith("Goal due: Line one line two xxx")
    assert summary.endswith("\u2026") and len(summary) <= calendar_export.SUMMARY_LIMIT
    body = summary[:-1]
    # The cut falls between a q and its accent: the whole character goes.
    assert body.count("q") == body.count(accented_q), "a q lost its accent"
    assert body.endswith("x")


def test_an_empty_calendar_is_refused_and_no_file_is_written(db, tmp_path):
    target = tmp_path / "empty.ics"
    with db.write() as session, pytest.raises(ValidationError, match="nothing to put"):
        calendar_export.export_ics(session, target, now=NOW)
    assert not target.exists()


def test_reminders_and_the_renewal_lead_time_follow_the_preferences(db, tmp_path):
    _log(db)
    with db.write() as session:
        calendar_preferences.set_preferences(
            session, CalendarPreferences(reminder_days=(14, 60, 1), renewal_lead_days=21)
        )
    found = _export(db, tmp_path)
    renewal = found[CSPO_RENEWAL]
    # CSPO expires on 2027-03-01; 21 days before is 2027-02-08. The summary and the
    # description still give the last valid day.
    assert renewal["start"] == date(2027, 2, 8)
    assert renewal["description"].endswith(
        "Valid until 2027-03-01. Renew by 2027-02-08, 21 days before."
    )
    expected = [timedelta(days=-60), timedelta(days=-14), timedelta(days=-1)]
    assert renewal["alarms"] == expected
    goal = found["Goal due: Pass PSPO II"]
    assert (goal["start"], goal["alarms"]) == (date(2027, 6, 1), expected)  # no lead time
    assert found["Follow up: Meetup"]["alarms"] == []


@pytest.mark.parametrize(
    ("text", "message"),
    [("30, soon", "whole numbers of days"), ("400", "from 0 to 365"), ("1,2,3,4,5", "at most 4")],
)
def test_bad_reminder_days_are_refused_and_nothing_is_kept(db, text, message):
    with pytest.raises(ValidationError, match=message):
        calendar_preferences.parse_days(text)
    with db.write() as session, pytest.raises(ValidationError, match="renewal_lead_days"):
        calendar_preferences.set_preferences(session, CalendarPreferences((7,), -1))
    with db.read() as session:
        assert calendar_preferences.get(session) == CalendarPreferences((30, 7), 30)


def _set_lead(db, lead_days: dict[str, int | None]) -> None:
    with db.write() as session:
        for name, days in lead_days.items():
            session.execute(
                update(Credential).where(Credential.name == name).values(renewal_lead_days=days)
            )


def test_a_credentials_own_lead_time_places_its_renewal_whatever_the_preferences(db, tmp_path):
    _log(db)
    _set_lead(db, {"CSPO": 45})
    with db.write() as session:
        calendar_preferences.set_preferences(session, CalendarPreferences((7,), 10))
    renewal = _export(db, tmp_path)[CSPO_RENEWAL]
    # CSPO's last valid day is 2027-03-01; its own 45 days win over the Preferences' 10.
    assert renewal["start"] == date(2027, 1, 15)
    assert "Renew by 2027-01-15, 45 days before." in renewal["description"]
    # Its own lead time of 0 is "on the day itself", not "use the Preferences".
    _set_lead(db, {"CSPO": 0})
    renewal = _export(db, tmp_path)[CSPO_RENEWAL]
    assert renewal["start"] == date(2027, 3, 1) and "Renew by" not in renewal["description"]


def test_a_group_renewal_takes_the_longest_lead_time_of_its_members(db, tmp_path):
    with db.write() as session:
        certifications.create(session, CertificationInput("CSPO", earned_on=date(2025, 3, 1)))
        certifications.create(session, CertificationInput("CSM", earned_on=date(2025, 6, 1)))
    _set_lead(db, {"CSPO": 20, "CSM": 60})
    (renewal,) = _export(db, tmp_path).values()
    assert renewal["start"] == date(2027, 6, 1) - timedelta(days=60)
