"""Journal entries with tags and links to any other logged entry."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Column, Date, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..vocabulary import LOG_KINDS, sql_in
from .base import Base, Identified, Timestamped

journal_entry_tags = Table(
    "journal_entry_tags",
    Base.metadata,
    Column("entry_id", ForeignKey("journal_entries.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_journal_entry_tags_tag_id", "tag_id"),
)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored lower-case, so "Roadmap" and "roadmap" are one tag.
    name: Mapped[str] = mapped_column(String(80), unique=True)


class JournalEntry(Identified, Timestamped, Base):
    __tablename__ = "journal_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The day the entry is about, which may differ from the day it was written.
    entry_date: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    prompt: Mapped[str] = mapped_column(Text, default="")

    tags: Mapped[list[Tag]] = relationship(secondary=journal_entry_tags, order_by=Tag.name)
    links: Mapped[list[JournalLink]] = relationship(
        cascade="all, delete-orphan", order_by="JournalLink.id"
    )

    __table_args__ = (Index("ix_journal_entries_entry_date", "entry_date"),)


class JournalLink(Base):
    """A link from an entry to another logged entry of any kind. Not a foreign key,
    since the target may live in any table; services remove links when a target goes."""

    __tablename__ = "journal_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("journal_entries.id", ondelete="CASCADE"))
    target_kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int]

    __table_args__ = (
        CheckConstraint(f"target_kind IN {sql_in(LOG_KINDS)}", name="target_kind"),
        Index("ix_journal_links_target", "target_kind", "target_id"),
    )
