"""Networking events: meetups, conferences, workshops, forums, webinars, mentoring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...models import EventCredit
from ...models import NetworkingEvent as EventRow
from ...names import name_key
from ...vocabulary import EVENT_TYPES, MENTORING_DIRECTIONS
from ..career.credit_claims import CreditClaim, claim_rows, claims_to_dto, clean_claims
from ..limits import MAX_CONTACTS_PER_EVENT, MAX_NAME, MAX_TEXT
from ..validation import Checker
from . import contacts
from .crud import LogService, save

KIND = "event"


@dataclass(frozen=True)
class EventInput:
    title: str
    event_type: str
    event_date: date
    location: str = ""
    online: bool = False
    hours: float = 0.0
    contacts: tuple[str, ...] = ()
    takeaways: str = ""
    follow_up_on: date | None = None
    follow_up_done: bool = False
    credits: tuple[CreditClaim, ...] = ()
    notes: str = ""
    # A mentoring event's direction: "gave" (you mentored the people met) or "received".
    mentoring: str | None = None


@dataclass(frozen=True)
class Event:
    id: int
    title: str
    event_type: str
    event_date: date
    location: str
    online: bool
    hours: float
    contacts: tuple[str, ...]
    takeaways: str
    follow_up_on: date | None
    follow_up_done: bool
    credits: tuple[CreditClaim, ...]
    notes: str
    mentoring: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def type_label(self) -> str:
        """The type as the lists show it: "mentoring (gave)" for a mentoring event with
        its direction, else the type alone."""
        return f"{self.event_type} ({self.mentoring})" if self.mentoring else self.event_type


def _clean(session: Session, data: EventInput) -> tuple[dict, list[str], list]:
    check = Checker()
    event_date = check.day("event_date", data.event_date, required=True)
    follow_up = check.day("follow_up_on", data.follow_up_on)
    check.order("event_date", event_date, "follow_up_on", follow_up)
    values = dict(
        title=check.text("title", data.title, required=True),
        event_type=check.choice("event_type", data.event_type, EVENT_TYPES),
        event_date=event_date,
        location=check.text("location", data.location),
        online=bool(data.online),
        hours=check.number("hours", data.hours if data.hours is not None else 0.0),
        takeaways=check.text("takeaways", data.takeaways, limit=MAX_TEXT),
        follow_up_on=follow_up,
        follow_up_done=bool(data.follow_up_done),
        notes=check.text("notes", data.notes, limit=MAX_TEXT),
        mentoring=check_direction(check, data.event_type, data.mentoring),
    )
    met = data.contacts if check.count("contacts", data.contacts, MAX_CONTACTS_PER_EVENT) else ()
    names = [check.text("contacts", name, required=True, limit=MAX_NAME) for name in met]
    claims = clean_claims(session, check, data.credits)
    check.done()
    # One person typed twice ("Zoë, ZOË") is linked once, under the first spelling.
    unique: dict[str, str] = {}
    for name in names:
        unique.setdefault(name_key(name), name)
    return values, list(unique.values()), claims


def check_direction(check: Checker, event_type, mentoring) -> str | None:
    """A mentoring event's direction, or None; faults are recorded in ``check``. Shared
    with the JSON import, so both say the same."""
    if mentoring is None or mentoring == "":
        return None
    if event_type != "mentoring":
        check.fail("mentoring", "is only for an event of type mentoring (gave or received)")
        return None
    return check.choice("mentoring", mentoring, MENTORING_DIRECTIONS)


def validate(session: Session, data: EventInput) -> None:
    _clean(session, data)


def _write(session: Session, row: EventRow, data: EventInput) -> None:
    values, names, claims = _clean(session, data)
    values["contacts"] = [contacts.find_or_create(session, name) for name in names]
    values["credit_claims"] = claim_rows(EventCredit, claims)
    save(session, row, values)


def _to_dto(row: EventRow) -> Event:
    return Event(
        id=row.id,
        title=row.title,
        event_type=row.event_type,
        event_date=row.event_date,
        location=row.location,
        online=row.online,
        hours=row.hours,
        contacts=tuple(contact.name for contact in row.contacts),
        takeaways=row.takeaways,
        follow_up_on=row.follow_up_on,
        follow_up_done=row.follow_up_done,
        credits=claims_to_dto(row.credit_claims),
        notes=row.notes,
        mentoring=row.mentoring,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _query():
    return select(EventRow).options(
        selectinload(EventRow.contacts), selectinload(EventRow.credit_claims)
    )


LOG = LogService(
    KIND,
    EventRow,
    EventInput,
    Event,
    write=_write,
    to_entry=_to_dto,
    order=(EventRow.event_date.desc(), EventRow.id.desc()),
    query=_query,
)
create, update, delete, get = LOG.create, LOG.update, LOG.delete, LOG.get
list_all, get_many = LOG.list_all, LOG.get_many
