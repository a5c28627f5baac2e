"""The career framework as data: stages, moves, skills, per-stage requirements and the
credential catalog. Seeded from ``resources/framework/default.json``; the user may change it.

A framework item that logged entries still point to is retired rather than deleted, so
changing the framework never removes anything the user logged.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base


class Skill(Base):
    __tablename__ = "skills"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    prompt: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class Credential(Base):
    """A catalog entry: what a body awards and how it is renewed."""

    __tablename__ = "credentials"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    full_name: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(String(200), default="")
    # None means the credential does not expire.
    validity_months: Mapped[int | None] = mapped_column(Integer)
    credits_needed: Mapped[float | None] = mapped_column(Float)
    credit_unit: Mapped[str | None] = mapped_column(String(40))
    grace_days: Mapped[int] = mapped_column(Integer, default=0)
    fee_amount: Mapped[float | None] = mapped_column(Float)
    fee_currency: Mapped[str | None] = mapped_column(String(3))
    # Credentials on one track renew those of lower rank (Scrum Alliance).
    track: Mapped[str | None] = mapped_column(String(80))
    track_rank: Mapped[int | None] = mapped_column(Integer)
    # The slug of the RenewalGroup it renews with; a slug, not a key, like the catalog file.
    renewal_group: Mapped[str | None] = mapped_column(String(80))
    # Credits a pooled group adds when this is the highest held on a track other than
    # the highest credential's own (Scrum Alliance: CSM + CSPO = 20 + 10).
    addon_credits: Mapped[float | None] = mapped_column(Float)
    # Days after expiry in which it can still be renewed but is not held (PMI suspension).
    renewable_days: Mapped[int] = mapped_column(Integer, default=0)
    # The cycle ends the day before the anniversary (PMI), not on it.
    ends_day_before: Mapped[bool] = mapped_column(Boolean, default=False)
    # Days before its last valid day that the calendar places its renewal; None: the
    # lead time set in Preferences.
    renewal_lead_days: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        CheckConstraint("validity_months IS NULL OR validity_months > 0", name="validity"),
        CheckConstraint("credits_needed IS NULL OR credits_needed >= 0", name="credits"),
        CheckConstraint("grace_days >= 0", name="grace"),
    )


class RenewalGroup(Base):
    """Credentials of one body that renew together. ``renews``: "group" when earning a
    member renews every active member of the group, "track" when only those of lower rank
    on its track. ``pooled``: one credit total for the group (the highest credential's
    credits plus each other track's add-on), earned from one pool, and one fee."""

    __tablename__ = "renewal_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    body: Mapped[str] = mapped_column(String(200), default="")
    renews: Mapped[str] = mapped_column(String(20), default="track")
    pooled: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (CheckConstraint("renews IN ('group', 'track')", name="renews"),)


class Stage(Base):
    __tablename__ = "stages"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    path: Mapped[str] = mapped_column(String(20), default="ladder")
    description: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    # Numeric requirements; 0 means the stage asks for nothing of that kind.
    years_experience: Mapped[float] = mapped_column(Float, default=0)
    sprints_as_po: Mapped[int] = mapped_column(Integer, default=0)
    people_mentored: Mapped[int] = mapped_column(Integer, default=0)
    training_hours_12m: Mapped[float] = mapped_column(Float, default=0)
    events_12m: Mapped[int] = mapped_column(Integer, default=0)
    # Leading people and products, from the experience log: the largest team led and the
    # most products owned in one entry, and the ceremonies facilitated in all.
    team_size: Mapped[int] = mapped_column(Integer, default=0)
    products_owned: Mapped[int] = mapped_column(Integer, default=0)
    ceremonies_facilitated: Mapped[int] = mapped_column(Integer, default=0)

    skill_targets: Mapped[list[StageSkillTarget]] = relationship(
        back_populates="stage", cascade="all, delete-orphan"
    )
    credential_groups: Mapped[list[StageCredentialGroup]] = relationship(
        back_populates="stage", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint(
            "years_experience >= 0 AND sprints_as_po >= 0 AND people_mentored >= 0"
            " AND training_hours_12m >= 0 AND events_12m >= 0",
            name="non_negative",
        ),
        CheckConstraint("team_size >= 0", name="team_size"),
        CheckConstraint("products_owned >= 0", name="products_owned"),
        CheckConstraint("ceremonies_facilitated >= 0", name="ceremonies_facilitated"),
    )


class StageMove(Base):
    __tablename__ = "stage_moves"

    id: Mapped[int] = mapped_column(primary_key=True)
    from_stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id", ondelete="CASCADE"))
    to_stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id", ondelete="CASCADE"))

    __table_args__ = (
        CheckConstraint("from_stage_id <> to_stage_id", name="not_self"),
        UniqueConstraint("from_stage_id", "to_stage_id"),
    )


class StageSkillTarget(Base):
    __tablename__ = "stage_skill_targets"

    stage_id: Mapped[int] = mapped_column(
        ForeignKey("stages.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[int] = mapped_column(
        ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True
    )
    level: Mapped[int] = mapped_column(Integer)

    stage: Mapped[Stage] = relationship(back_populates="skill_targets")

    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 5", name="level"),)


class StageCredentialGroup(Base):
    """Any one credential of the group satisfies it ("CSPO or PSPO I")."""

    __tablename__ = "stage_credential_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id", ondelete="CASCADE"))
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    stage: Mapped[Stage] = relationship(back_populates="credential_groups")
    members: Mapped[list[StageCredentialGroupMember]] = relationship(
        cascade="all, delete-orphan", order_by="StageCredentialGroupMember.position"
    )


class StageCredentialGroupMember(Base):
    __tablename__ = "stage_credential_group_members"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("stage_credential_groups.id", ondelete="CASCADE"), primary_key=True
    )
    credential_id: Mapped[int] = mapped_column(
        ForeignKey("credentials.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
