"""People the user met. A contact is linked to every event where they met."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...models import Contact as ContactRow
from ...models import NetworkingEvent, event_contacts
from ..validation import MAX_TEXT, Checker
from .crud import delete_row, get_row, in_order

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
        name=check.text("name", data.name, required=True, limit=200),
        organization=check.text("organization", data.organization, limit=200),
        role=check.text("role", data.role, limit=200),
        notes=check.text("notes", data.notes, limit=MAX_TEXT),
    )
    check.done()
    return values


def validate(session: Session, data: ContactInput) -> None:
    _clean(data)


def find_or_create(session: Session, name: str) -> ContactRow:
    """The contact with this name (any case), or a new one: "--met Alice" twice is one
    person."""
    cleaned = _clean(ContactInput(name))["name"]
    row = session.scalars(
        select(ContactRow).where(func.lower(ContactRow.name) == cleaned.lower()).limit(1)
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


def create(session: Session, data: ContactInput) -> Contact:
    row = ContactRow(**_clean(data))
    session.add(row)
    session.flush()
    return get(session, row.id)


def update(session: Session, entry_id: int, data: ContactInput) -> Contact:
    row = get_row(session, ContactRow, entry_id, KIND)
    for key, value in _clean(data).items():
        setattr(row, key, value)
    session.flush()
    return get(session, entry_id)


def delete(session: Session, entry_id: int) -> None:
    delete_row(session, ContactRow, entry_id, KIND)


def get(session: Session, entry_id: int) -> Contact:
    get_row(session, ContactRow, entry_id, KIND)
    row, count, last_met = session.execute(_stats_query().where(ContactRow.id == entry_id)).one()
    return _to_dto(row, count, last_met)


def list_all(session: Session) -> list[Contact]:
    rows = session.execute(_stats_query().order_by(func.lower(ContactRow.name), ContactRow.id))
    return [_to_dto(row, count, last_met) for row, count, last_met in rows]


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


def get_many(session: Session, ids: list[int]) -> list[Contact]:
    """The contacts with these ids, in the order given."""
    rows = session.execute(_stats_query().where(ContactRow.id.in_(ids)))
    return in_order([_to_dto(row, count, last_met) for row, count, last_met in rows], ids)
