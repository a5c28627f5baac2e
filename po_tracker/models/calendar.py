"""What the last calendar export said about each event, so that the next export can tell
calendar programs which events moved (a higher SEQUENCE) and which stopped applying
(STATUS:CANCELLED), instead of leaving stale deadlines in the user's calendar."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class CalendarEvent(Base):
    __tablename__ = "calendar_events"

    uid: Mapped[str] = mapped_column(String(200), primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    # A digest of everything the event says, so any change raises the sequence.
    content: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    # Set when the deadline stopped applying; the event is then sent as cancelled for a
    # while, and forgotten after that.
    cancelled_on: Mapped[date | None] = mapped_column(Date)
