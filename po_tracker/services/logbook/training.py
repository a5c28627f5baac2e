"""Training taken or planned: courses, workshops, books, webinars, self-study."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...models import Skill, TrainingCredit
from ...models import TrainingSession as TrainingRow
from ...vocabulary import TRAINING_FORMATS, TRAINING_STATUSES
from ..career.credit_claims import (
    CreditClaim,
    claim_rows,
    claims_to_dto,
    clean_claims,
    counts_toward,
    only_toward,
)
from ..framework import lookup
from ..limits import MAX_MONEY, MAX_SKILLS_PER_TRAINING, MAX_TEXT
from ..storage.attachments import clean_stored_name
from ..validation import Checker
from .crud import LogService, save

KIND = "training"


@dataclass(frozen=True)
class TrainingInput:
    title: str
    hours: float
    start_date: date
    end_date: date | None = None
    provider: str = ""
    format: str = "course"
    status: str = "completed"
    cost_amount: float | None = None
    cost_currency: str | None = None
    skills: tuple[str, ...] = ()
    credits: tuple[CreditClaim, ...] = ()
    notes: str = ""
    # Count toward these credentials only (empty: every one, as by default).
    credentials: tuple[str, ...] = ()
    # A stored file's name (``storage.attachments.store_attachment``); None: no file.
    attachment: str | None = None


@dataclass(frozen=True)
class Training:
    id: int
    title: str
    provider: str
    format: str
    start_date: date
    end_date: date | None
    hours: float
    cost_amount: float | None
    cost_currency: str | None
    status: str
    skills: tuple[str, ...]
    credits: tuple[CreditClaim, ...]
    notes: str
    created_at: datetime
    updated_at: datetime
    # The credentials it counts toward when limited to some; empty: every one.
    counts_toward: tuple[str, ...] = ()
    attachment: str | None = None


def _clean(session: Session, data: TrainingInput) -> tuple[dict, list[int], list]:
    check = Checker()
    start = check.day("start_date", data.start_date, required=True)
    end = check.day("end_date", data.end_date)
    check.order("start_date", start, "end_date", end)
    values = dict(
        title=check.text("title", data.title, required=True),
        provider=check.text("provider", data.provider),
        format=check.choice("format", data.format, TRAINING_FORMATS),
        status=check.choice("status", data.status, TRAINING_STATUSES),
        start_date=start,
        end_date=end,
        hours=check.number("hours", data.hours),
        cost_amount=check.number("cost_amount", data.cost_amount, maximum=MAX_MONEY),
        cost_currency=check.currency("cost_currency", data.cost_currency),
        notes=check.text("notes", data.notes, limit=MAX_TEXT),
        attachment=clean_stored_name(check, data.attachment),
    )
    if data.hours is None:
        check.fail("hours", "is required")
    if values["status"] == "completed":
        field = "end_date" if end is not None else "start_date"
        check.not_future(field, end or start, "a completed training")
    skills = data.skills if check.count("skills", data.skills, MAX_SKILLS_PER_TRAINING) else ()
    skill_ids = [check.resolve(lookup.skill_id, session, name, "skill") for name in skills]
    claims = clean_claims(session, check, data.credits)
    if data.credentials:
        given = {claim[0] for claim in claims}
        claims += [c for c in only_toward(session, check, data.credentials) if c[0] not in given]
    check.done()
    return values, list(dict.fromkeys(skill_ids)), claims


def validate(session: Session, data: TrainingInput) -> None:
    _clean(session, data)


def _write(session: Session, row: TrainingRow, data: TrainingInput) -> None:
    values, skill_ids, claims = _clean(session, data)
    values["skills"] = [session.get(Skill, skill_id) for skill_id in skill_ids]
    values["credit_claims"] = claim_rows(TrainingCredit, claims)
    save(session, row, values)


def _to_dto(row: TrainingRow) -> Training:
    return Training(
        id=row.id,
        title=row.title,
        provider=row.provider,
        format=row.format,
        start_date=row.start_date,
        end_date=row.end_date,
        hours=row.hours,
        cost_amount=row.cost_amount,
        cost_currency=row.cost_currency,
        status=row.status,
        skills=tuple(skill.name for skill in row.skills),
        credits=claims_to_dto(row.credit_claims),
        notes=row.notes,
        created_at=row.created_at,
        updated_at=row.updated_at,
        counts_toward=counts_toward(row.credit_claims),
        attachment=row.attachment,
    )


def _query():
    return select(TrainingRow).options(
        selectinload(TrainingRow.skills), selectinload(TrainingRow.credit_claims)
    )


LOG = LogService(
    KIND,
    TrainingRow,
    TrainingInput,
    Training,
    write=_write,
    to_entry=_to_dto,
    order=(TrainingRow.start_date.desc(), TrainingRow.id.desc()),
    query=_query,
)
create, update, delete, get = LOG.create, LOG.update, LOG.delete, LOG.get
list_all, get_many = LOG.list_all, LOG.get_many
