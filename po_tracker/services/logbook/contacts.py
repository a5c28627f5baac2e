"""People the user met. A contact is linked to every event where they met."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...models import Contact as ContactRow
from ...models import NetworkingEvent, event_contacts
from ...names import name_key
from ..limits import MAX_NAME, MAX_TEXT
from ..validation import Checker
from .crud import LogService, get_row, save

KIND = "contact"


@dataclass(frozen=True)
class ContactInput:
    name: str
    organization: str = ""
    role: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Contact:
    id: int
    name: str
    organization: str
    role: str
    notes: str
    events_count: int
    last_met: date | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class MetAt:
    event_id: int
    title: str
    event_date: date
    event_type: str


def _clean(data: ContactInput) -> dict:
    check = Checker()
    values = dict(
        name=check.text("name", data.name, required=True, limit=MAX_NAME),
        organization=check.text("organization", data.organization, limit=MAX_NAME),
        role=check.text("role", data.role, limit=MAX_NAME),
        notes=check.text("notes", data.notes, limit=MAX_TEXT),
    )
    check.done()
    return values


def validate(session: Session, data: ContactInput) -> None:
    _clean(data)


def find_or_create(session: Session, name: str) -> ContactRow:
    """The contact with this name, or a new one: "--met Émilie" and "--met ÉMILIE" are
    one person, whatever the script and however the accents were typed (``name_key``)."""
    cleaned = _clean(ContactInput(name))["name"]
    row = session.scalars(
        select(ContactRow)
        .where(ContactRow.name_key == name_key(cleaned))
        .order_by(ContactRow.id)
        .limit(1)
    ).first()
    if row is None:
        row = ContactRow(name=cleaned)
        session.add(row)
        session.flush()
    return row


def _stats_query():
    return (
        select(
            ContactRow,
            func.count(event_contacts.c.event_id),
            func.max(NetworkingEvent.event_date),
        )
        .outerjoin(event_contacts, event_contacts.c.contact_id == ContactRow.id)
        .outerjoin(NetworkingEvent, NetworkingEvent.id == event_contacts.c.event_id)
        .group_by(ContactRow.id)
    )


def _to_dto(row: ContactRow, count: int, last_met: date | None) -> Contact:
    return Contact(
        id=row.id,
        name=row.name,
        organization=row.organization,
        role=row.role,
        notes=row.notes,
        events_count=count,
        last_met=last_met,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def events_met(session: Session, entry_id: int) -> list[MetAt]:
    """The events where the user met this person, newest first."""
    get_row(session, ContactRow, entry_id, KIND)
    rows = session.execute(
        select(
            NetworkingEvent.id,
            NetworkingEvent.title,
            NetworkingEvent.event_date,
            NetworkingEvent.event_type,
        )
        .join(event_contacts, event_contacts.c.event_id == NetworkingEvent.id)
        .where(event_contacts.c.contact_id == entry_id)
        .order_by(NetworkingEvent.event_date.desc(), NetworkingEvent.id.desc())
    )
    return [MetAt(*row) for row in rows]


class _ContactLog(LogService[ContactInput, Contact]):
    """Contacts are read with how often and when the user last met them, so their
    query selects those next to each row."""

    def get(self, session: Session, entry_id: int) -> Contact:
        get_row(session, ContactRow, entry_id, KIND)
        return self.entries(session, ContactRow.id == entry_id)[0]

    def _rows(self, session: Session, query):
        return session.execute(query)


def _write(session: Session, row: ContactRow, data: ContactInput) -> None:
    save(session, row, _clean(data))


LOG = _ContactLog(
    KIND,
    ContactRow,
    ContactInput,
    Contact,
    write=_write,
    to_entry=lambda selected: _to_dto(*selected),
    order=(func.lower(ContactRow.name), ContactRow.id),
    query=_stats_query,
)
create, update, delete, get = LOG.create, LOG.update, LOG.delete, LOG.get
list_all, get_many = LOG.list_all, LOG.get_many
