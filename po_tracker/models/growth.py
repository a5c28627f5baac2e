"""Skill ratings (a history, never overwritten), experience, goals and the profile."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..vocabulary import (
    DEFAULT_WEIGHTS,
    GOAL_REQUIREMENTS,
    GOAL_STATUSES,
    RATING_SOURCES,
    sql_in,
)
from .base import Base, Timestamped
from .framework import Credential, Skill, Stage


class SkillRating(Timestamped, Base):
    __tablename__ = "skill_ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    skill_id: Mapped[int] = mapped_column(ForeignKey("skills.id", ondelete="RESTRICT"))
    rated_on: Mapped[date] = mapped_column(Date)
    level: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20), default="self")
    note: Mapped[str] = mapped_column(Text, default="")

    skill: Mapped[Skill] = relationship()

    __table_args__ = (
        CheckConstraint("level BETWEEN 1 AND 5", name="level"),
        CheckConstraint(f"source IN {sql_in(RATING_SOURCES)}", name="source"),
        # "Latest rating on or before a date" is the engine's hottest query.
        Index("ix_skill_ratings_skill_id_rated_on", "skill_id", "rated_on"),
    )


class ExperienceEntry(Timestamped, Base):
    """A dated stretch of product work: a role, or a period with its counts."""

    __tablename__ = "experience_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(300))
    organization: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date] = mapped_column(Date)
    # Empty while the stretch is still going on.
    end_date: Mapped[date | None] = mapped_column(Date)
    sprints: Mapped[int] = mapped_column(Integer, default=0)
    products_owned: Mapped[int] = mapped_column(Integer, default=0)
    team_size: Mapped[int] = mapped_column(Integer, default=0)
    ceremonies_facilitated: Mapped[int] = mapped_column(Integer, default=0)
    people_mentored: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates"),
        CheckConstraint(
            "sprints >= 0 AND products_owned >= 0 AND team_size >= 0"
            " AND ceremonies_facilitated >= 0 AND people_mentored >= 0",
            name="counts",
        ),
        Index("ix_experience_entries_start_date", "start_date"),
    )


class Goal(Timestamped, Base):
    """A line of the development plan, serving a skill, a credential or a requirement."""

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    target_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    skill_id: Mapped[int | None] = mapped_column(ForeignKey("skills.id", ondelete="RESTRICT"))
    credential_id: Mapped[int | None] = mapped_column(
        ForeignKey("credentials.id", ondelete="RESTRICT")
    )
    requirement: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str] = mapped_column(Text, default="")

    skill: Mapped[Skill | None] = relationship()
    credential: Mapped[Credential | None] = relationship()

    __table_args__ = (
        CheckConstraint(f"status IN {sql_in(GOAL_STATUSES)}", name="status"),
        CheckConstraint(
            f"requirement IS NULL OR requirement IN {sql_in(GOAL_REQUIREMENTS)}",
            name="requirement",
        ),
    )


class Profile(Base):
    """The single user's standing and preferences that the numbers depend on."""

    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    current_stage_id: Mapped[int | None] = mapped_column(
        ForeignKey("stages.id", ondelete="SET NULL")
    )
    target_stage_id: Mapped[int | None] = mapped_column(
        ForeignKey("stages.id", ondelete="SET NULL")
    )
    weight_skills: Mapped[float] = mapped_column(Float, default=DEFAULT_WEIGHTS["skills"])
    weight_certifications: Mapped[float] = mapped_column(
        Float, default=DEFAULT_WEIGHTS["certifications"]
    )
    weight_experience: Mapped[float] = mapped_column(Float, default=DEFAULT_WEIGHTS["experience"])
    weight_learning: Mapped[float] = mapped_column(Float, default=DEFAULT_WEIGHTS["learning"])
    weight_networking: Mapped[float] = mapped_column(Float, default=DEFAULT_WEIGHTS["networking"])

    current_stage: Mapped[Stage | None] = relationship(foreign_keys=[current_stage_id])
    target_stage: Mapped[Stage | None] = relationship(foreign_keys=[target_stage_id])

    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint(
            "weight_skills >= 0 AND weight_certifications >= 0 AND weight_experience >= 0"
            " AND weight_learning >= 0 AND weight_networking >= 0",
            name="weights",
        ),
    )
