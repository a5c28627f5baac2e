"""Declarative base with a naming convention, so Alembic batch migrations on SQLite can
name (and later drop) every constraint."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import DateTime, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamped:
    """When a row was written and last changed (UTC), kept apart from the dates the user
    gives, which are calendar dates in their own time zone."""

    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)


def new_uuid() -> str:
    return str(uuid.uuid4())


class Identified:
    """A UUID that names the entry wherever it travels: calendar events take their UID
    from it, and the JSON interchange carries it, so an entry keeps its identity across
    exports, imports into a new folder and other logbooks (row ids do not). Nullable in
    the file only because SQLite cannot add a NOT NULL column without a constant
    default; every row gets one (the migration filled the older ones)."""

    uuid: Mapped[str | None] = mapped_column(String(36), default=new_uuid, index=True, unique=True)
