"""Evidence for a promotion case: the user's wins and the feedback others gave."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..vocabulary import FEEDBACK_ROLES, STAGE_REQUIREMENTS, sql_in
from .base import Base, Identified, Timestamped
from .framework import Skill
from .networking_tables import Contact

win_skills = Table(
    "win_skills",
    Base.metadata,
    Column("win_id", ForeignKey("wins.id", ondelete="CASCADE"), primary_key=True),
    Column("skill_id", ForeignKey("skills.id", ondelete="RESTRICT"), primary_key=True),
    Index("ix_win_skills_skill_id", "skill_id"),
)

win_contacts = Table(
    "win_contacts",
    Base.metadata,
    Column("win_id", ForeignKey("wins.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_win_contacts_contact_id", "contact_id"),
)


class WinRequirement(Base):
    """A stage requirement (one of ``STAGE_REQUIREMENTS``) a win is evidence for."""

    __tablename__ = "win_requirements"

    win_id: Mapped[int] = mapped_column(ForeignKey("wins.id", ondelete="CASCADE"), primary_key=True)
    requirement: Mapped[str] = mapped_column(String(40), primary_key=True)

    __table_args__ = (
        CheckConstraint(f"requirement IN {sql_in(STAGE_REQUIREMENTS)}", name="requirement"),
    )


class Win(Identified, Timestamped, Base):
    """Something the user did and what came of it; the metric is optional (all four
    parts empty), and when present says what moved: "Lead time: 12 -> 5 days"."""

    __tablename__ = "wins"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    win_date: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    impact: Mapped[str] = mapped_column(Text, default="")
    metric_name: Mapped[str] = mapped_column(String(200), default="")
    metric_before: Mapped[float | None] = mapped_column(Float)
    metric_after: Mapped[float | None] = mapped_column(Float)
    metric_unit: Mapped[str] = mapped_column(String(40), default="")
    attachment: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str] = mapped_column(Text, default="")

    skills: Mapped[list[Skill]] = relationship(secondary=win_skills, order_by=Skill.position)
    contacts: Mapped[list[Contact]] = relationship(secondary=win_contacts, order_by=Contact.name)
    requirements: Mapped[list[WinRequirement]] = relationship(
        cascade="all, delete-orphan", order_by=WinRequirement.requirement
    )

    __table_args__ = (Index("ix_wins_win_date", "win_date"),)


class FeedbackSkill(Base):
    """A skill a piece of feedback speaks to, with the level the giver saw (optional)."""

    __tablename__ = "feedback_skills"

    feedback_id: Mapped[int] = mapped_column(
        ForeignKey("feedback.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[int] = mapped_column(
        ForeignKey("skills.id", ondelete="RESTRICT"), primary_key=True
    )
    level: Mapped[int | None] = mapped_column(Integer)

    skill: Mapped[Skill] = relationship(lazy="joined")

    __table_args__ = (
        CheckConstraint("level IS NULL OR level BETWEEN 1 AND 5", name="level"),
        Index("ix_feedback_skills_skill_id", "skill_id"),
    )


class Feedback(Identified, Timestamped, Base):
    """What someone said about the user's work. The giver is a contact; deleting the
    contact keeps the feedback (its giver becomes unknown)."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    quote: Mapped[str] = mapped_column(Text)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    giver_role: Mapped[str] = mapped_column(String(20))
    given_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    contact: Mapped[Contact | None] = relationship(lazy="joined")
    skills: Mapped[list[FeedbackSkill]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (
        CheckConstraint(f"giver_role IN {sql_in(FEEDBACK_ROLES)}", name="giver_role"),
        Index("ix_feedback_given_on", "given_on"),
        Index("ix_feedback_contact_id", "contact_id"),
    )
