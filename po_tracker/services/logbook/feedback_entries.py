"""Feedback from others: what a manager, peer, stakeholder, report, mentor or customer
said, about which skills, and optionally the level they saw in each. The giver is a
contact, found by name the way an event's people are (created if new)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...models import Feedback as FeedbackRow
from ...models import FeedbackSkill
from ...vocabulary import FEEDBACK_ROLES
from ..errors import ValidationError
from ..framework import lookup
from ..limits import MAX_NAME, MAX_QUOTE, MAX_TEXT
from ..validation import Checker, strict_number
from . import contacts
from .crud import LogService

KIND = "feedback"


@dataclass(frozen=True)
class SkillLevel:
    """A skill the feedback speaks to, and the level the giver saw (None: not given)."""

    skill: str
    level: int | None = None

    def __str__(self) -> str:
        return self.skill if self.level is None else f"{self.skill}={self.level}"


@dataclass(frozen=True)
class FeedbackInput:
    quote: str
    giver: str
    giver_role: str
    given_on: date
    skills: tuple[SkillLevel, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class Feedback:
    id: int
    quote: str
    giver: str  # "" when the contact who gave it was deleted
    giver_role: str
    given_on: date
    skills: tuple[SkillLevel, ...]
    notes: str
    created_at: datetime
    updated_at: datetime


def parse_skill_level(text: str) -> SkillLevel:
    """``"Leadership"`` or ``"Leadership=3"``."""
    name, sign, level = text.rpartition("=") if "=" in text else (text, "", "")
    if not sign:
        return SkillLevel(text.strip())
    try:
        return SkillLevel(name.strip(), int(strict_number(level.strip(), whole=True)))
    except ValueError:
        raise ValidationError.single(
            "skills", f"a level must be a whole number from 1 to 5 (got {text!r})"
        ) from None


def clean_fields(check: Checker, fields: dict) -> dict:
    """The feedback's own columns, checked by the rules entry and import share."""
    given_on = check.day("given_on", fields.get("given_on"), required=True)
    check.not_future("given_on", given_on, "feedback")
    return dict(
        quote=check.text("quote", fields.get("quote"), required=True, limit=MAX_QUOTE),
        giver_role=check.choice("giver_role", fields.get("giver_role"), FEEDBACK_ROLES),
        given_on=given_on,
        notes=check.text("notes", fields.get("notes"), limit=MAX_TEXT),
    )


def clean_giver(check: Checker, name) -> str:
    return check.text("giver", name, required=True, limit=MAX_NAME)


def clean_level(check: Checker, level) -> int | None:
    return None if level is None else check.level("skills", level)


def _clean(session: Session, data: FeedbackInput) -> tuple[dict, str, dict[int, int | None]]:
    check = Checker()
    values = clean_fields(check, data.__dict__)
    giver = clean_giver(check, data.giver)
    levels: dict[int, int | None] = {}
    for item in data.skills:
        skill_id = check.resolve(lookup.skill_id, session, item.skill, "skills")
        level = clean_level(check, item.level)
        if skill_id is not None:
            if skill_id in levels:
                check.fail("skills", f"names {item.skill!r} twice")
            levels[skill_id] = level
    check.done()
    return values, giver, levels


def validate(session: Session, data: FeedbackInput) -> None:
    _clean(session, data)


def _write(session: Session, row: FeedbackRow, data: FeedbackInput) -> None:
    values, giver, levels = _clean(session, data)
    for key, value in values.items():
        setattr(row, key, value)
    row.contact = contacts.find_or_create(session, giver)
    if row.id is not None:
        # Old rows go first: a skill kept has the same key, and an insert before the
        # delete would collide with it.
        row.skills = []
        session.flush()
    row.skills = [FeedbackSkill(skill_id=sid, level=level) for sid, level in levels.items()]
    session.add(row)
    session.flush()
    session.refresh(row, ["skills"])


def _to_dto(row: FeedbackRow) -> Feedback:
    ordered = sorted(row.skills, key=lambda item: (item.skill.position, item.skill.id))
    return Feedback(
        id=row.id,
        quote=row.quote,
        giver=row.contact.name if row.contact is not None else "",
        giver_role=row.giver_role,
        given_on=row.given_on,
        skills=tuple(SkillLevel(item.skill.name, item.level) for item in ordered),
        notes=row.notes,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _query():
    return select(FeedbackRow).options(selectinload(FeedbackRow.skills))


LOG = LogService(
    KIND,
    FeedbackRow,
    FeedbackInput,
    Feedback,
    write=_write,
    to_entry=_to_dto,
    order=(FeedbackRow.given_on.desc(), FeedbackRow.id.desc()),
    query=_query,
)
create, update, delete, get = LOG.create, LOG.update, LOG.delete, LOG.get
list_all, get_many = LOG.list_all, LOG.get_many
