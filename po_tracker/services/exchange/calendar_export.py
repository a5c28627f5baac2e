"""Dates to act on, as an iCalendar file the user imports into their own calendar:
certification renewal deadlines, goal target dates and event follow-ups.

Each is an all-day event marked free (it reminds, it does not block the day). UIDs are
derived from the entry's kind and id, so importing a newer export updates the events
already in the calendar instead of adding copies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
from sqlalchemy.orm import Session

from ...files import write_atomic
from ..logbook import certifications, events, goals

PRODID = "-//PO Tracker//po-tracker//EN"
UID_DOMAIN = "po-tracker.invalid"  # reserved (RFC 2606): names this app, reaches nothing
OPEN_GOALS = ("open", "in-progress")
RENEWABLE = ("earned", "in-progress")


@dataclass(frozen=True)
class Deadline:
    uid: str
    day: date
    summary: str
    description: str


def _renewals(session: Session) -> list[Deadline]:
    return [
        Deadline(
            f"certification-{item.id}-renewal@{UID_DOMAIN}",
            item.expires,
            f"Renew {item.name}",
            f"{item.name} ({item.issuer or 'no issuer'}) expires on {item.expires}.",
        )
        for item in certifications.list_all(session)
        if item.expires is not None and item.status in RENEWABLE
    ]


def _goal_dates(session: Session) -> list[Deadline]:
    return [
        Deadline(
            f"goal-{item.id}-target@{UID_DOMAIN}",
            item.target_date,
            f"Goal due: {item.text[:120]}",
            item.text,
        )
        for item in goals.list_all(session)
        if item.target_date is not None and item.status in OPEN_GOALS
    ]


def _follow_ups(session: Session) -> list[Deadline]:
    return [
        Deadline(
            f"event-{item.id}-follow-up@{UID_DOMAIN}",
            item.follow_up_on,
            f"Follow up: {item.title}",
            _follow_up_text(item),
        )
        for item in events.list_all(session)
        if item.follow_up_on is not None and not item.follow_up_done
    ]


def _follow_up_text(item) -> str:
    met = f" People met: {', '.join(item.contacts)}." if item.contacts else ""
    return f"{item.title} ({item.event_type}, {item.event_date}).{met}"


def deadlines(session: Session) -> list[Deadline]:
    found = _renewals(session) + _goal_dates(session) + _follow_ups(session)
    return sorted(found, key=lambda d: (d.day, d.uid))


def build_calendar(session: Session, now: datetime | None = None) -> bytes:
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "PO Tracker")
    for item in deadlines(session):
        calendar.add_component(_event(item, stamp))
    return calendar.to_ical()


def _event(item: Deadline, stamp: datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", item.day)
    event.add("dtend", item.day + timedelta(days=1))
    event.add("summary", item.summary)
    event.add("description", item.description)
    event.add("transp", "TRANSPARENT")
    return event


def export_ics(session: Session, path: Path, force: bool = False, now=None) -> Path:
    """Writes the calendar atomically; an existing file is replaced only with ``force``."""
    path = Path(path)
    write_atomic(path, build_calendar(session, now), force=force)
    return path
