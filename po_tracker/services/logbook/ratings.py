"""Skill ratings: a history, never overwritten, so change over time can be seen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from ...models import SkillRating as RatingRow
from ...vocabulary import RATING_SOURCES
from ..framework import lookup
from ..validation import MAX_TEXT, Checker
from .crud import delete_row, get_row, in_order, save

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


def create(session: Session, data: RatingInput) -> Rating:
    return _to_dto(save(session, RatingRow(), _clean(session, data)))


def create_many(session: Session, ratings: list[RatingInput]) -> list[Rating]:
    """A self-assessment: several skills rated at once, all or none."""
    return [create(session, data) for data in ratings]


def update(session: Session, entry_id: int, data: RatingInput) -> Rating:
    row = get_row(session, RatingRow, entry_id, KIND)
    return _to_dto(save(session, row, _clean(session, data)))


def delete(session: Session, entry_id: int) -> None:
    delete_row(session, RatingRow, entry_id, KIND)


def get(session: Session, entry_id: int) -> Rating:
    return _to_dto(get_row(session, RatingRow, entry_id, KIND))


def _query():
    return select(RatingRow).options(joinedload(RatingRow.skill))


def list_all(session: Session, skill: str | None = None) -> list[Rating]:
    query = _query()
    if skill is not None:
        query = query.where(RatingRow.skill_id == lookup.skill_id(session, skill))
    query = query.order_by(RatingRow.rated_on.desc(), RatingRow.id.desc())
    return [_to_dto(row) for row in session.scalars(query)]


def get_many(session: Session, ids: list[int]) -> list[Rating]:
    """The entries with these ids, in the order given (missing ones left out): how a
    long table fetches only the rows on screen."""
    rows = session.scalars(_query().where(RatingRow.id.in_(ids)))
    return in_order([_to_dto(row) for row in rows], ids)
