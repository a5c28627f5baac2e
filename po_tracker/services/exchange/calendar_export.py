"""Dates to act on, as an iCalendar file the user imports into their own calendar:
certification renewal deadlines, goal target dates and event follow-ups.

Each is an all-day event marked free (it reminds, it does not block the day). An event's
UID is the UUID of the entry it is about plus the kind of deadline, never a row number:
importing a newer export, even one made from a copy of the logbook in another folder,
updates the events already in the calendar instead of adding copies, and two logbooks
never share one. ``calendar_history`` numbers the changes (SEQUENCE) and keeps deadlines
that stopped applying in the file as cancelled for a while, so clients remove them.

Renewals come from ``renewal_due.renewals_due``, the list the dashboard, the status
report and the progress report read (its dates are those ``po-tracker status --json``
reports): a renewal group (Scrum Alliance, SAFe) is one event for the group, with its
total credits and fee; its UID is the group's key plus the UUID of the group's first
logged certification, so it stays the same whichever members are held.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...files import check_target, write_atomic
from ...models import Certification, Credential, Goal, NetworkingEvent, RenewalGroup
from ..career.renewal_due import RenewalDue, renewals_due
from ..errors import ValidationError
from . import calendar_preferences
from .calendar_history import Deadline, Sent, reconcile
from .calendar_preferences import CalendarPreferences

PRODID = "-//PO Tracker//po-tracker//EN"
UID_DOMAIN = "po-tracker.invalid"  # reserved (RFC 2606): names this app, reaches nothing
OPEN_GOALS = ("open", "in-progress")
SUMMARY_LIMIT = 100  # characters; longer summaries are cut with an ellipsis
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
def _anchors(session: Session) -> dict[tuple, str]:
    """One lasting identity per renewal: the UUID of the first logged certification of
    the credential, or of any credential of its renewal group, so that renewing (a new
    expiry, a higher certification, logging it again) moves its event instead of making
    another, and two logbooks never name one event alike."""
    rows = session.execute(
        select(
            Certification.credential_id,
            Certification.custom_name,
            Certification.uuid,
            Credential.renewal_group,
        )
        .outerjoin(Credential, Credential.id == Certification.credential_id)
        .where(Certification.status.in_(("earned", "expired")), Certification.uuid.is_not(None))
        .order_by(Certification.earned_on.asc().nulls_last(), Certification.created_at)
    )
    found: dict[tuple, str] = {}
    for credential_id, custom_name, identity, group in rows:
        key = ("catalog", credential_id) if credential_id else ("custom", _custom(custom_name))
        found.setdefault(key, identity)
        if group:
            found.setdefault(("group", group), identity)
    return found


def _custom(name: str | None) -> str:
    return (name or "").strip().lower()


def _renewals(session: Session, today: date, prefs: CalendarPreferences) -> list[Deadline]:
    """One event per renewal as ``renewals_due`` lists them (what the dashboard, the
    status report and the progress report say): a renewal group once, for all of it."""
    catalog = {
        row.name: row
        for row in session.execute(
            select(
                Credential.id, Credential.name, Credential.grace_days, Credential.renewal_lead_days
            )
        )
    }
    group_keys = dict(session.execute(select(RenewalGroup.name, RenewalGroup.slug)).all())
    anchors = _anchors(session)
    found = []
    for item in renewals_due(session, today):
        key, kind = _renewal_key(item, catalog, group_keys)
        if key in anchors:
            rows = [catalog[name] for name in item.credentials if name in catalog]
            grace = max((row.grace_days or 0 for row in rows), default=0)
            found.append(_renewal(item, _uid(anchors[key], kind), grace, _lead(rows, prefs), prefs))
    return found


def _lead(rows: list, prefs: CalendarPreferences) -> int:
    """Days before the last valid day to act: the credential's own lead time, or the one
    set in Preferences; for a renewal of several credentials, the longest of theirs."""
    leads = [row.renewal_lead_days for row in rows if row.renewal_lead_days is not None]
    return max(leads) if leads else prefs.renewal_lead_days


def _renewal_key(item: RenewalDue, catalog: dict, group_keys: dict) -> tuple[tuple, str]:
    """(the key of its anchor, the kind of date in its UID): a group by its own key."""
    if item.group is not None:
        slug = group_keys.get(item.group)
        return ("group", slug), f"renewal-{slug}"
    if item.name in catalog:
        return ("catalog", catalog[item.name].id), "renewal"
    return ("custom", _custom(item.name)), "renewal"


def _renewal(
    item: RenewalDue, uid: str, grace_days: int, lead_days: int, prefs: CalendarPreferences
) -> Deadline:
    """On the day to act: the lead time before the last day it can be renewed (the
    expiry; for one in its grace period, the end of that period; for one expired but
    still renewable, the last day it is)."""
    day, lines = item.due, []
    if item.group:
        lines.append(f"One renewal for {', '.join(item.credentials)}.")
    elif len(item.credentials) > 1:
        also = ", ".join(item.credentials[1:])
        lines.append(f"Renewing {item.credentials[0]} also renews {also}.")
    if item.status == "grace":
        day = item.due + timedelta(days=grace_days)
        lines.append(f"Expired on {item.due}; its grace period ends on {day}.")
    elif item.status == "expired" and item.renewable_until:
        day = item.renewable_until
        lines.append(f"Expired on {item.due}; it can be renewed until {day}.")
    else:
        lines.append(f"Valid until {item.due}.")
    if lead_days:
        lines.append(f"Renew by {day - timedelta(days=lead_days)}, {lead_days} days before.")
    day -= timedelta(days=lead_days)
    return Deadline(uid, day, one_line(item.line), " ".join(lines), prefs.reminder_days)


# -- goals and follow-ups ---------------------------------------------------------------
def _goal_dates(session: Session, prefs: CalendarPreferences) -> list[Deadline]:
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
            prefs.reminder_days,
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
    prefs = calendar_preferences.get(session)
    found = _renewals(session, today, prefs) + _goal_dates(session, prefs) + _follow_ups(session)
    return sorted(found, key=lambda d: (d.day, d.uid))


# -- the file ---------------------------------------------------------------------------
def build_calendar(session: Session, now: datetime | None = None, *, record: bool = True) -> bytes:
    """The calendar as of ``now``. With ``record``, records what it says (see
    ``calendar_history``), so the caller's session must be able to write. Refuses an
    empty calendar, which RFC 5545 does not allow, with a ``ValidationError``."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    today = stamp.astimezone().date()
    sent = reconcile(session, deadlines(session, today), today, record=record)
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


def export_ics(
    session: Session, path: Path, force: bool = False, now=None, *, record: bool = True
) -> Path:
    """Writes the calendar atomically; an existing file is replaced only with ``force``.
    With ``record`` (the default), run it in a write transaction: what the file says is
    recorded with it, and if the file cannot be written the record is rolled back with
    the transaction. Without it, a read is enough and nothing is written to the logbook:
    the file is the same, and the next recorded export remembers what it said."""
    path = check_target(path, force=force)  # a target refused says so before anything else
    write_atomic(path, build_calendar(session, now, record=record), force=force)
    return path
