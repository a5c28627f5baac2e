"""Experience: dated stretches of product work with what was done in them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import ExperienceEntry as ExperienceRow
from ..validation import MAX_COUNT, MAX_TEXT, Checker
from .crud import delete_row, get_row, in_order, save

KIND = "experience"
COUNTS = ("sprints", "products_owned", "team_size", "ceremonies_facilitated", "people_mentored")


@dataclass(frozen=True)
class ExperienceInput:
    role: str
    start_date: date
    end_date: date | None = None
    organization: str = ""
    sprints: int = 0
    products_owned: int = 0
    team_size: int = 0
    ceremonies_facilitated: int = 0
    people_mentored: int = 0
    notes: str = ""


@dataclass(frozen=True)
class Experience:
    id: int
    role: str
    organization: str
    start_date: date
    end_date: date | None
    sprints: int
    products_owned: int
    team_size: int
    ceremonies_facilitated: int
    people_mentored: int
    notes: str
    created_at: datetime
    updated_at: datetime


def _clean(data: ExperienceInput) -> dict:
    check = Checker()
    start = check.day("start_date", data.start_date, required=True)
    end = check.day("end_date", data.end_date)
    check.order("start_date", start, "end_date", end)
    values = dict(
        role=check.text("role", data.role, required=True),
        organization=check.text("organization", data.organization, limit=200),
        start_date=start,
        end_date=end,
        notes=check.text("notes", data.notes, limit=MAX_TEXT),
    )
    for field in COUNTS:
        raw = getattr(data, field)
        values[field] = check.number(
            field, raw if raw is not None else 0, maximum=MAX_COUNT, integer=True
        )
    check.done()
    return values


def validate(session: Session, data: ExperienceInput) -> None:
    _clean(data)


def _to_dto(row: ExperienceRow) -> Experience:
    return Experience(
        id=row.id,
        role=row.role,
        organization=row.organization,
        start_date=row.start_date,
        end_date=row.end_date,
        sprints=row.sprints,
        products_owned=row.products_owned,
        team_size=row.team_size,
        ceremonies_facilitated=row.ceremonies_facilitated,
        people_mentored=row.people_mentored,
        notes=row.notes,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def create(session: Session, data: ExperienceInput) -> Experience:
    return _to_dto(save(session, ExperienceRow(), _clean(data)))


def update(session: Session, entry_id: int, data: ExperienceInput) -> Experience:
    row = get_row(session, ExperienceRow, entry_id, KIND)
    return _to_dto(save(session, row, _clean(data)))


def delete(session: Session, entry_id: int) -> None:
    delete_row(session, ExperienceRow, entry_id, KIND)


def get(session: Session, entry_id: int) -> Experience:
    return _to_dto(get_row(session, ExperienceRow, entry_id, KIND))


def _query():
    return select(ExperienceRow)


def list_all(session: Session) -> list[Experience]:
    rows = session.scalars(
        _query().order_by(ExperienceRow.start_date.desc(), ExperienceRow.id.desc())
    )
    return [_to_dto(row) for row in rows]


def get_many(session: Session, ids: list[int]) -> list[Experience]:
    """The entries with these ids, in the order given (missing ones left out): how a
    long table fetches only the rows on screen."""
    rows = session.scalars(_query().where(ExperienceRow.id.in_(ids)))
    return in_order([_to_dto(row) for row in rows], ids)
