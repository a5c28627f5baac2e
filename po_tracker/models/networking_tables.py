"""Networking events and the people met at them (many to many)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from ..names import name_key as key_of_name
from ..vocabulary import EVENT_TYPES, MENTORING_DIRECTIONS, sql_in
from .base import Base, Identified, Timestamped
from .framework import Credential

event_contacts = Table(
    "event_contacts",
    Base.metadata,
    Column("event_id", ForeignKey("networking_events.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_event_contacts_contact_id", "contact_id"),
)


def _key_of_inserted_row(context) -> str | None:
    name = context.get_current_parameters().get("name")
    return key_of_name(name) if isinstance(name, str) else None


class Contact(Identified, Timestamped, Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    organization: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # ``names.name_key(name)``: what "--met NAME" and imports match people by. Set on
    # every insert, bulk ones included, and whenever the ORM sets ``name``.
    name_key: Mapped[str | None] = mapped_column(String(200), default=_key_of_inserted_row)

    events: Mapped[list[NetworkingEvent]] = relationship(
        secondary=event_contacts, back_populates="contacts"
    )

    __table_args__ = (Index("ix_contacts_name", "name"), Index("ix_contacts_name_key", "name_key"))

    @validates("name")
    def _keep_name_key(self, _field: str, value: str) -> str:
        self.name_key = key_of_name(value) if isinstance(value, str) else None
        return value


class NetworkingEvent(Identified, Timestamped, Base):
    __tablename__ = "networking_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    event_type: Mapped[str] = mapped_column(String(20))
    event_date: Mapped[date] = mapped_column(Date)
    location: Mapped[str] = mapped_column(String(300), default="")
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    hours: Mapped[float] = mapped_column(Float, default=0)
    takeaways: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    # For a mentoring event, which way it went (MENTORING_DIRECTIONS); None otherwise, or
    # when not said.
    mentoring: Mapped[str | None] = mapped_column(String(10))

    contacts: Mapped[list[Contact]] = relationship(
        secondary=event_contacts, back_populates="events", order_by=Contact.name
    )
    credit_claims: Mapped[list[EventCredit]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (
        CheckConstraint(f"event_type IN {sql_in(EVENT_TYPES)}", name="event_type"),
        CheckConstraint("hours >= 0", name="hours"),
        CheckConstraint(
            f"mentoring IS NULL OR mentoring IN {sql_in(MENTORING_DIRECTIONS)}", name="mentoring"
        ),
        Index("ix_networking_events_event_date", "event_date"),
    )


class EventCredit(Base):
    """How an event counts toward one credential's renewal (see ``TrainingCredit``)."""

    __tablename__ = "event_credits"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("networking_events.id", ondelete="CASCADE"), primary_key=True
    )
    credential_id: Mapped[int] = mapped_column(
        ForeignKey("credentials.id", ondelete="CASCADE"), primary_key=True
    )
    credits: Mapped[float | None] = mapped_column(Float)
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)

    credential: Mapped[Credential] = relationship(lazy="joined")

    __table_args__ = (CheckConstraint("credits IS NULL OR credits >= 0", name="credits"),)
