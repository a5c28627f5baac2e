"""Certifications held or planned, and training taken."""

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

from ..vocabulary import CERTIFICATION_STATUSES, TRAINING_FORMATS, TRAINING_STATUSES, sql_in
from .base import Base, Identified, Timestamped
from .framework import Credential, Skill


class Certification(Identified, Timestamped, Base):
    __tablename__ = "certifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    # A catalog credential, or a custom name for anything the catalog lacks.
    credential_id: Mapped[int | None] = mapped_column(
        ForeignKey("credentials.id", ondelete="RESTRICT")
    )
    custom_name: Mapped[str | None] = mapped_column(String(300))
    issuer: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="earned")
    earned_on: Mapped[date | None] = mapped_column(Date)
    # Typed by the user; when empty, the expiry follows from the catalog's cycle.
    expires_on: Mapped[date | None] = mapped_column(Date)
    credential_number: Mapped[str] = mapped_column(String(200), default="")
    verification_url: Mapped[str] = mapped_column(String(2000), default="")
    cost_amount: Mapped[float | None] = mapped_column(Float)
    cost_currency: Mapped[str | None] = mapped_column(String(3))
    attachment: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str] = mapped_column(Text, default="")
    # The user's own renewal fee; when empty, the catalog's counts.
    renewal_fee_amount: Mapped[float | None] = mapped_column(Float)
    renewal_fee_currency: Mapped[str | None] = mapped_column(String(3))

    credential: Mapped[Credential | None] = relationship()
    renewals: Mapped[list[CertificationRenewal]] = relationship(
        cascade="all, delete-orphan", order_by="CertificationRenewal.renewed_on"
    )

    __table_args__ = (
        CheckConstraint(f"status IN {sql_in(CERTIFICATION_STATUSES)}", name="status"),
        CheckConstraint("credential_id IS NOT NULL OR custom_name IS NOT NULL", name="named"),
        CheckConstraint("cost_amount IS NULL OR cost_amount >= 0", name="cost"),
        CheckConstraint(
            "renewal_fee_amount IS NULL OR renewal_fee_amount >= 0", name="renewal_fee"
        ),
        Index("ix_certifications_earned_on", "earned_on"),
    )


class CertificationRenewal(Timestamped, Base):
    """One renewal the user logged: the expiry before and after, and what it took. The
    certification's ``expires_on`` holds the result; this row is its history (and what
    undoing the renewal restores)."""

    __tablename__ = "certification_renewals"

    id: Mapped[int] = mapped_column(primary_key=True)
    certification_id: Mapped[int] = mapped_column(
        ForeignKey("certifications.id", ondelete="CASCADE")
    )
    renewed_on: Mapped[date] = mapped_column(Date)
    # The typed expiry before the renewal (None: it followed from the catalog).
    previous_expires_on: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date)
    credits_used: Mapped[float | None] = mapped_column(Float)
    fee_amount: Mapped[float | None] = mapped_column(Float)
    fee_currency: Mapped[str | None] = mapped_column(String(3))
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("credits_used IS NULL OR credits_used >= 0", name="credits"),
        CheckConstraint("fee_amount IS NULL OR fee_amount >= 0", name="fee"),
        Index("ix_certification_renewals_certification_id", "certification_id"),
    )


training_skills = Table(
    "training_skills",
    Base.metadata,
    Column("training_id", ForeignKey("trainings.id", ondelete="CASCADE"), primary_key=True),
    Column("skill_id", ForeignKey("skills.id", ondelete="RESTRICT"), primary_key=True),
)


class TrainingSession(Identified, Timestamped, Base):
    __tablename__ = "trainings"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    provider: Mapped[str] = mapped_column(String(200), default="")
    format: Mapped[str] = mapped_column(String(20), default="course")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Float, default=0)
    cost_amount: Mapped[float | None] = mapped_column(Float)
    cost_currency: Mapped[str | None] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(20), default="completed")
    # A stored file's name in the attachments folder (see services/storage/attachments).
    attachment: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str] = mapped_column(Text, default="")

    skills: Mapped[list[Skill]] = relationship(secondary=training_skills, order_by=Skill.position)
    credit_claims: Mapped[list[TrainingCredit]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (
        CheckConstraint(f"format IN {sql_in(TRAINING_FORMATS)}", name="format"),
        CheckConstraint(f"status IN {sql_in(TRAINING_STATUSES)}", name="status"),
        CheckConstraint("hours >= 0", name="hours"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates"),
        CheckConstraint("cost_amount IS NULL OR cost_amount >= 0", name="cost"),
        Index("ix_trainings_start_date", "start_date"),
    )


class TrainingCredit(Base):
    """How a training counts toward one credential's renewal. Without a row, a completed
    training's hours count toward every credential with a renewal rule; a row sets other
    credits, or excludes the training from that credential."""

    __tablename__ = "training_credits"

    training_id: Mapped[int] = mapped_column(
        ForeignKey("trainings.id", ondelete="CASCADE"), primary_key=True
    )
    credential_id: Mapped[int] = mapped_column(
        ForeignKey("credentials.id", ondelete="CASCADE"), primary_key=True
    )
    credits: Mapped[float | None] = mapped_column(Float)
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)

    credential: Mapped[Credential] = relationship(lazy="joined")

    __table_args__ = (CheckConstraint("credits IS NULL OR credits >= 0", name="credits"),)
