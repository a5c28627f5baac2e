"""Skill ratings: a history, never overwritten, so change over time can be seen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from ...models import SkillRating as RatingRow
from ...vocabulary import RATING_SOURCES
from ..framework import lookup
from ..limits import MAX_TEXT
from ..validation import Checker
from .crud import LogService, save

KIND = "rating"


@dataclass(frozen=True)
class RatingInput:
    skill: str
    level: int
    rated_on: date
    source: str = "self"
    note: str = ""


@dataclass(frozen=True)
class Rating:
    id: int
    skill: str
    skill_slug: str
    level: int
    rated_on: date
    source: str
    note: str
    created_at: datetime
    updated_at: datetime


def _clean(session: Session, data: RatingInput) -> dict:
    check = Checker()
    values = dict(
        skill_id=check.resolve(lookup.skill_id, session, data.skill, "skill"),
        level=check.level("level", data.level),
        rated_on=check.day("rated_on", data.rated_on, required=True),
        source=check.choice("source", data.source, RATING_SOURCES),
        note=check.text("note", data.note, limit=MAX_TEXT),
    )
    check.not_future("rated_on", values["rated_on"], "a rating")
    check.done()
    return values


def validate(session: Session, data: RatingInput) -> None:
    _clean(session, data)


def _to_dto(row: RatingRow) -> Rating:
    return Rating(
        id=row.id,
        skill=row.skill.name if row.skill else lookup.missing_name("skill", row.skill_id),
        skill_slug=row.skill.slug if row.skill else "",
        level=row.level,
        rated_on=row.rated_on,
        source=row.source,
        note=row.note,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def create_many(session: Session, ratings: list[RatingInput]) -> list[Rating]:
    """A self-assessment: several skills rated at once, all or none."""
    return [create(session, data) for data in ratings]


def _query():
    return select(RatingRow).options(joinedload(RatingRow.skill))


def _write(session: Session, row, data) -> None:
    save(session, row, _clean(session, data))


LOG = LogService(
    KIND,
    RatingRow,
    RatingInput,
    Rating,
    write=_write,
    to_entry=_to_dto,
    order=(RatingRow.rated_on.desc(), RatingRow.id.desc()),
    query=_query,
)
create, update, delete, get = LOG.create, LOG.update, LOG.delete, LOG.get
get_many = LOG.get_many


def list_all(session: Session, skill: str | None = None) -> list[Rating]:
    """Every rating, or those of ``skill``."""
    if skill is None:
        return LOG.entries(session)
    return LOG.entries(session, RatingRow.skill_id == lookup.skill_id(session, skill))
