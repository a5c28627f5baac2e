"""The development plan: goals with target dates, each serving a skill, a credential or
one of the target stage's numeric requirements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from ...models import Goal as GoalRow
from ...vocabulary import GOAL_REQUIREMENTS, GOAL_STATUSES
from ..framework import lookup
from ..limits import MAX_GOAL_TEXT, MAX_TEXT
from ..validation import Checker
from .crud import LogService, save

KIND = "goal"


@dataclass(frozen=True)
class GoalInput:
    text: str
    target_date: date | None = None
    status: str = "open"
    skill: str | None = None
    credential: str | None = None
    requirement: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class Goal:
    id: int
    text: str
    target_date: date | None
    status: str
    skill: str | None
    credential: str | None
    requirement: str | None
    notes: str
    created_at: datetime
    updated_at: datetime

    def is_overdue(self, today: date) -> bool:
        open_ = self.status in ("open", "in-progress")
        return open_ and self.target_date is not None and self.target_date < today


def _clean(session: Session, data: GoalInput) -> dict:
    check = Checker()
    requirement = None
    if data.requirement:
        requirement = check.choice(
            "requirement",
            data.requirement.replace("-", "_"),
            tuple(r.replace("_", "-") for r in GOAL_REQUIREMENTS),
        )
        requirement = requirement.replace("-", "_") if requirement else None
    values = dict(
        text=check.text("text", data.text, required=True, limit=MAX_GOAL_TEXT),
        target_date=check.day("target_date", data.target_date),
        status=check.choice("status", data.status, GOAL_STATUSES),
        skill_id=check.resolve(lookup.skill_id, session, data.skill, "skill")
        if data.skill
        else None,
        credential_id=check.resolve(lookup.credential_id, session, data.credential, "credential")
        if data.credential
        else None,
        requirement=requirement,
        notes=check.text("notes", data.notes, limit=MAX_TEXT),
    )
    check.done()
    return values


def validate(session: Session, data: GoalInput) -> None:
    _clean(session, data)


def _to_dto(row: GoalRow) -> Goal:
    return Goal(
        id=row.id,
        text=row.text,
        target_date=row.target_date,
        status=row.status,
        skill=row.skill.name if row.skill else None,
        credential=row.credential.name if row.credential else None,
        requirement=row.requirement,
        notes=row.notes,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _query():
    return select(GoalRow).options(joinedload(GoalRow.skill), joinedload(GoalRow.credential))


def _write(session: Session, row, data) -> None:
    save(session, row, _clean(session, data))


LOG = LogService(
    KIND,
    GoalRow,
    GoalInput,
    Goal,
    write=_write,
    to_entry=_to_dto,
    order=(GoalRow.target_date.asc().nulls_last(), GoalRow.id),
    query=_query,
)
create, update, delete, get = LOG.create, LOG.update, LOG.delete, LOG.get
list_all, get_many = LOG.list_all, LOG.get_many
