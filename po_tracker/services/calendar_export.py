"""Dates to act on, as an iCalendar file the user imports into their own calendar:
certification renewal deadlines, goal target dates and event follow-ups.

Each is an all-day event marked free (it reminds, it does not block the day). An event's
UID is the UUID of the entry it is about plus the kind of deadline, never a row number:
importing a newer export, even one made from a copy of the logbook in another folder,
updates the events already in the calendar instead of adding copies, and two logbooks
never share one. ``calendar_history`` numbers the changes (SEQUENCE) and keeps deadlines
that stopped applying in the file as cancelled for a while, so clients remove them.

Renewal dates come from the renewal engine (``renewal.statuses``, what
``po-tracker status --json`` reports), never from the dates typed on one certification.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..files import write_atomic
from ..models import Certification, Credential, Goal, NetworkingEvent
from .calendar_history import Deadline, Sent, reconcile
from .errors import ValidationError
from .renewal import CredentialStatus, statuses

PRODID = "-//PO Tracker//po-tracker//EN"
UID_DOMAIN = "po-tracker.invalid"  # reserved (RFC 2606): names this app, reaches nothing
OPEN_GOALS = ("open", "in-progress")
RENEWABLE = ("active", "due-90", "due-30", "due-7", "grace")
SUMMARY_LIMIT = 100  # characters; longer summaries are cut with an ellipsis
REMINDER_DAYS = (30, 7)  # days before a renewal or goal date the calendar reminds
NOTHING_TO_EXPORT = (
    "there is nothing to put in a calendar: no renewal deadline, no open goal with a"
    " target date and no open follow-up"
)


def _uid(identity: str, kind: str) -> str:
    return f"{identity}-{kind}@{UID_DOMAIN}"


def one_line(text: str, limit: int = SUMMARY_LIMIT) -> str:
    """``text`` on one line (some clients drop an event whose summary has a line break),
    at most ``limit`` characters, cut where a character ends, not inside one."""
    flat = " ".join(unicodedata.normalize("NFC", text).split())
    if len(flat) <= limit:
        return flat
    cut = limit - 1
    # Never leave a combining mark or a joiner without the character it belongs to.
    while cut > 0 and (unicodedata.combining(flat[cut]) or flat[cut] in "\u200d\ufe0f\ufe0e"):
        cut -= 1
    return flat[:cut].rstrip() + "\u2026"


# -- renewals ---------------------------------------------------------------------------
def _identities(session: Session) -> dict[tuple, str]:
    """One lasting identity per held credential: the UUID of its first logged
    certification, so that renewing it (a new expiry, or logging it again) moves its
    event instead of making another."""
    rows = session.execute(
        select(Certification.credential_id, Certification.custom_name, Certification.uuid)
        .where(Certification.status.in_(("earned", "expired")), Certification.uuid.is_not(None))
        .order_by(Certification.earned_on.asc().nulls_last(), Certification.created_at)
    )
    found: dict[tuple, str] = {}
    for credential_id, custom_name, identity in rows:
        key = ("catalog", credential_id) if credential_id else ("custom", _custom(custom_name))
        found.setdefault(key, identity)
    return found


def _custom(name: str | None) -> str:
    return (name or "").strip().lower()


def _key(item: CredentialStatus) -> tuple:
    if item.credential_id is not None:
        return ("catalog", item.credential_id)
    return ("custom", _custom(item.name))


def _renewals(session: Session, today: date) -> list[Deadline]:
    held = statuses(session, today, with_credits=False)
    carried: dict[str, list[str]] = {}
    for item in held:
        if item.renewed_by:
            carried.setdefault(item.renewed_by, []).append(item.name)
    grace = dict(session.execute(select(Credential.id, Credential.grace_days)).all())
    identities = _identities(session)
    return [
        _renewal(item, identities[_key(item)], grace.get(item.credential_id, 0), carried)
        for item in held
        # A credential a higher one renews has no deadline of its own.
        if item.status in RENEWABLE
        and item.expires is not None
        and not item.renewed_by
        and _key(item) in identities
    ]


def _renewal(item: CredentialStatus, identity: str, grace_days: int, carried) -> Deadline:
    lines = [f"{item.name} expires on {item.expires}."]
    day, summary = item.expires, f"Renew {item.name}"
    if item.status == "grace":
        # Expired but still renewable: what matters now is the last day it can be.
        day = item.expires + timedelta(days=grace_days)
        summary = f"Last day to renew {item.name}"
        lines = [f"{item.name} expired on {item.expires}; its grace period ends on {day}."]
    if carried.get(item.name):
        lines.append(f"Renewing it also renews {', '.join(sorted(carried[item.name]))}.")
    return Deadline(
        _uid(identity, "renewal"), day, one_line(summary), " ".join(lines), REMINDER_DAYS
    )


# -- goals and follow-ups ---------------------------------------------------------------
def _goal_dates(session: Session) -> list[Deadline]:
    rows = session.scalars(
        select(Goal).where(
            Goal.target_date.is_not(None), Goal.status.in_(OPEN_GOALS), Goal.uuid.is_not(None)
        )
    )
    return [
        Deadline(
            _uid(row.uuid, "goal-target"),
            row.target_date,
            one_line(f"Goal due: {row.text}"),
            row.text,
            REMINDER_DAYS,
        )
        for row in rows
    ]


def _follow_ups(session: Session) -> list[Deadline]:
    rows = session.scalars(
        select(NetworkingEvent)
        .options(selectinload(NetworkingEvent.contacts))
        .where(
            NetworkingEvent.follow_up_on.is_not(None),
            NetworkingEvent.follow_up_done.is_(False),
            NetworkingEvent.uuid.is_not(None),
        )
    )
    return [
        Deadline(
            _uid(row.uuid, "follow-up"),
            row.follow_up_on,
            one_line(f"Follow up: {row.title}"),
            _follow_up_text(row),
        )
        for row in rows
    ]


def _follow_up_text(row: NetworkingEvent) -> str:
    names = sorted(contact.name for contact in row.contacts)
    met = f" People met: {', '.join(names)}." if names else ""
    return f"{row.title} ({row.event_type}, {row.event_date}).{met}"


def deadlines(session: Session, today: date) -> list[Deadline]:
    found = _renewals(session, today) + _goal_dates(session) + _follow_ups(session)
    return sorted(found, key=lambda d: (d.day, d.uid))


# -- the file ---------------------------------------------------------------------------
def build_calendar(session: Session, now: datetime | None = None) -> bytes:
    """The calendar as of ``now``; records what it says (see ``calendar_history``), so
    the caller's session must be able to write. Refuses an empty calendar, which RFC 5545
    does not allow, with a ``ValidationError``."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    today = stamp.astimezone().date()
    sent = reconcile(session, deadlines(session, today), today)
    if not sent:
        raise ValidationError.single("calendar", NOTHING_TO_EXPORT)
    return _calendar(sent, stamp).to_ical()


def _calendar(sent: Iterable[Sent], stamp: datetime) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "PO Tracker")
    for item in sent:
        calendar.add_component(_event(item, stamp))
    return calendar


def _event(item: Sent, stamp: datetime) -> icalendar.Event:
    deadline = item.deadline
    event = icalendar.Event()
    event.add("uid", deadline.uid)
    event.add("dtstamp", stamp)
    event.add("sequence", item.sequence)
    event.add("dtstart", deadline.day)
    event.add("dtend", deadline.day + timedelta(days=1))
    event.add("summary", deadline.summary)
    if deadline.description:
        event.add("description", deadline.description)
    event.add("transp", "TRANSPARENT")
    if item.cancelled:
        event.add("status", "CANCELLED")
        return event
    event.add("status", "CONFIRMED")
    for days in deadline.reminders:
        event.add_component(_alarm(days, deadline.summary))
    return event


def _alarm(days: int, summary: str) -> icalendar.Alarm:
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(days=-days))
    return alarm


def export_ics(session: Session, path: Path, force: bool = False, now=None) -> Path:
    """Writes the calendar atomically; an existing file is replaced only with ``force``.
    Run it in a write transaction: what the file says is recorded with it, and if the
    file cannot be written the record is rolled back with the transaction."""
    path = Path(path)
    write_atomic(path, build_calendar(session, now), force=force)
    return path
