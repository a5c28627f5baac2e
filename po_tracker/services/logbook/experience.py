"""Experience: dated stretches of product work with what was done in them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from ...models import ExperienceEntry as ExperienceRow
from ..limits import MAX_COUNT, MAX_NAME, MAX_TEXT
from ..validation import Checker
from .crud import LogService, save

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
        organization=check.text("organization", data.organization, limit=MAX_NAME),
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


def _write(session: Session, row, data) -> None:
    save(session, row, _clean(data))


LOG = LogService(
    KIND,
    ExperienceRow,
    ExperienceInput,
    Experience,
    write=_write,
    to_entry=_to_dto,
    order=(ExperienceRow.start_date.desc(), ExperienceRow.id.desc()),
)
create, update, delete, get = LOG.create, LOG.update, LOG.delete, LOG.get
list_all, get_many = LOG.list_all, LOG.get_many
