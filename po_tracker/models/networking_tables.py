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
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..vocabulary import EVENT_TYPES, sql_in
from .base import Base, Timestamped
from .framework import Credential

event_contacts = Table(
    "event_contacts",
    Base.metadata,
    Column("event_id", ForeignKey("networking_events.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_event_contacts_contact_id", "contact_id"),
)


class Contact(Timestamped, Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    organization: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    events: Mapped[list[NetworkingEvent]] = relationship(
        secondary=event_contacts, back_populates="contacts"
    )

    __table_args__ = (Index("ix_contacts_name", "name"),)


class NetworkingEvent(Timestamped, Base):
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

    contacts: Mapped[list[Contact]] = relationship(
        secondary=event_contacts, back_populates="events", order_by=Contact.name
    )
    credit_claims: Mapped[list[EventCredit]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (
        CheckConstraint(f"event_type IN {sql_in(EVENT_TYPES)}", name="event_type"),
        CheckConstraint("hours >= 0", name="hours"),
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
