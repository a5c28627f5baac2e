"""What each calendar export said, so that the next one can say what changed in the way
calendar programs understand (RFC 5546): an event whose date or text changed comes back
with a higher SEQUENCE, and a deadline that stopped applying (a goal done or dropped, a
follow-up done, a credential no longer renewable, an entry deleted) comes back as
STATUS:CANCELLED with a higher SEQUENCE, for ``CANCELLED_KEPT_DAYS`` days, after which it
is forgotten. A program that updates events by UID then moves or removes them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import CalendarEvent

CANCELLED_KEPT_DAYS = 180


@dataclass(frozen=True)
class Deadline:
    """One event: a date to act on and what to say about it."""

    uid: str
    day: date
    summary: str
    description: str
    reminders: tuple[int, ...] = ()  # days before ``day``


@dataclass(frozen=True)
class Sent:
    deadline: Deadline
    sequence: int
    cancelled: bool


def _digest(deadline: Deadline) -> str:
    text = "\x1f".join(
        (deadline.day.isoformat(), deadline.summary, deadline.description)
        + tuple(str(days) for days in deadline.reminders)
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def reconcile(
    session: Session, current: list[Deadline], today: date, *, record: bool = True
) -> list[Sent]:
    """The events to write: every current deadline, then the recently cancelled ones.
    With ``record``, writes what they say, and only where something changed, so
    exporting the same data again changes nothing in the logbook. Without it (another
    program holds the logbook: see ``export_ics``) the numbers are the same and nothing
    is written; the next recorded export gives them again."""
    stored = {row.uid: row for row in session.scalars(select(CalendarEvent))}
    sent = [_current(session, stored.pop(d.uid, None), d, record) for d in current]
    for row in sorted(stored.values(), key=lambda r: (r.day, r.uid)):
        cancelled = _cancelled(session, row, today, record)
        if cancelled is not None:
            sent.append(cancelled)
    return sent


def _current(session: Session, row: CalendarEvent | None, deadline: Deadline, record) -> Sent:
    digest = _digest(deadline)
    if row is None:
        if record:
            session.add(
                CalendarEvent(
                    uid=deadline.uid,
                    day=deadline.day,
                    content=digest,
                    summary=deadline.summary,
                    sequence=0,
                )  # fmt: skip
            )
        return Sent(deadline, 0, cancelled=False)
    if row.content == digest and row.cancelled_on is None:
        return Sent(deadline, row.sequence, cancelled=False)
    sequence = row.sequence + 1
    if record:
        row.sequence, row.day, row.content = sequence, deadline.day, digest
        row.summary, row.cancelled_on = deadline.summary, None
    return Sent(deadline, sequence, cancelled=False)


def _cancelled(session: Session, row: CalendarEvent, today: date, record) -> Sent | None:
    sequence = row.sequence
    if row.cancelled_on is None:
        sequence += 1
        if record:
            row.cancelled_on, row.sequence = today, sequence
    elif (today - row.cancelled_on).days > CANCELLED_KEPT_DAYS:
        if record:
            session.delete(row)
        return None
    return Sent(Deadline(row.uid, row.day, row.summary, ""), sequence, cancelled=True)
