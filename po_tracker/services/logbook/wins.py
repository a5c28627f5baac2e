"""Wins: what the user did and what came of it, with an optional metric that moved, and
the skills, stage requirements and people it involved. The evidence a promotion case
leads with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...models import Skill, WinRequirement
from ...models import Win as WinRow
from ...vocabulary import STAGE_REQUIREMENTS
from ..errors import ValidationError
from ..framework import lookup
from ..limits import MAX_METRIC, MAX_METRIC_NAME, MAX_METRIC_UNIT, MAX_NAME, MAX_TEXT
from ..storage.attachments import clean_stored_name
from ..validation import Checker, strict_number
from . import contacts
from .crud import LogService

KIND = "win"
# A metric is any measured number (lead time, revenue, NPS): it may be negative.
_METRIC = re.compile(
    r"^\s*(?P<name>[^:]+?)\s*:\s*(?P<before>\S+)\s*->\s*(?P<after>\S+)\s*(?P<unit>.*)$"
)


@dataclass(frozen=True)
class WinInput:
    title: str
    win_date: date
    description: str = ""
    impact: str = ""
    metric_name: str = ""
    metric_before: float | None = None
    metric_after: float | None = None
    metric_unit: str = ""
    skills: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    notes: str = ""
    # A stored file's name (``storage.attachments.store_attachment``); None: no file.
    attachment: str | None = None


@dataclass(frozen=True)
class Win:
    id: int
    title: str
    win_date: date
    description: str
    impact: str
    metric_name: str
    metric_before: float | None
    metric_after: float | None
    metric_unit: str
    skills: tuple[str, ...]
    requirements: tuple[str, ...]
    contacts: tuple[str, ...]
    attachment: str | None
    notes: str
    created_at: datetime
    updated_at: datetime

    @property
    def metric(self) -> str:
        """The metric as the user would say it: "Lead time: 12 -> 5 days" ("" if none)."""
        if not self.metric_name:
            return ""
        unit = f" {self.metric_unit}" if self.metric_unit else ""
        return f"{self.metric_name}: {self.metric_before:g} -> {self.metric_after:g}{unit}"


def parse_metric(text: str, field: str = "metric") -> tuple[str, float, float, str]:
    """``"NAME: BEFORE -> AFTER UNIT"`` as its four parts (the unit may be empty)."""
    found = _METRIC.match(text or "")
    try:
        if not found:
            raise ValueError
        before = strict_number(found["before"])
        after = strict_number(found["after"])
    except ValueError:
        raise ValidationError.single(
            field, f'must look like "Lead time: 12 -> 5 days" (got {text!r})'
        ) from None
    return found["name"], before, after, found["unit"].strip()


def clean_fields(check: Checker, fields: dict) -> dict:
    """A win's own columns, checked by the rules the window, the command line and an
    import share (the interchange import calls this too)."""
    win_date = check.day("win_date", fields.get("win_date"), required=True)
    check.not_future("win_date", win_date, "a win")
    metric = dict(
        metric_name=check.text("metric_name", fields.get("metric_name"), limit=MAX_METRIC_NAME),
        metric_before=_metric_number(check, "metric_before", fields.get("metric_before")),
        metric_after=_metric_number(check, "metric_after", fields.get("metric_after")),
        metric_unit=check.text("metric_unit", fields.get("metric_unit"), limit=MAX_METRIC_UNIT),
    )
    _check_metric(check, metric)
    return dict(
        title=check.text("title", fields.get("title"), required=True),
        win_date=win_date,
        description=check.text("description", fields.get("description"), limit=MAX_TEXT),
        impact=check.text("impact", fields.get("impact"), limit=MAX_TEXT),
        **metric,
        notes=check.text("notes", fields.get("notes"), limit=MAX_TEXT),
    )


def _metric_number(check: Checker, field: str, value):
    return check.number(field, value, minimum=-MAX_METRIC, maximum=MAX_METRIC)


def _check_metric(check: Checker, metric: dict) -> None:
    """A metric is all there (a name, a before and an after) or not there at all."""
    numbers = (metric["metric_before"], metric["metric_after"])
    if metric["metric_name"]:
        for field, value in zip(("metric_before", "metric_after"), numbers, strict=True):
            if value is None:
                check.fail(field, "is required when the metric has a name")
    elif any(value is not None for value in numbers) or metric["metric_unit"]:
        check.fail("metric_name", "is required when the metric has numbers or a unit")


def clean_requirement(check: Checker, text: str) -> str | None:
    """A stage requirement as stored ("team_size"), from any spelling a person types."""
    cleaned = check.choice(
        "requirements",
        (text or "").replace("_", "-"),
        tuple(key.replace("_", "-") for key in STAGE_REQUIREMENTS),
    )
    return cleaned.replace("-", "_") if cleaned else None


def _clean(session: Session, data: WinInput) -> tuple[dict, list[int], list[str], list[str]]:
    check = Checker()
    values = clean_fields(check, data.__dict__)
    values["attachment"] = clean_stored_name(check, data.attachment)
    skill_ids = [check.resolve(lookup.skill_id, session, name, "skills") for name in data.skills]
    requirements = [clean_requirement(check, text) for text in data.requirements]
    names = [check.text("contacts", name, required=True, limit=MAX_NAME) for name in data.contacts]
    check.done()
    return (
        values,
        list(dict.fromkeys(skill_ids)),
        sorted(set(requirements)),
        list(dict.fromkeys(names)),
    )


def validate(session: Session, data: WinInput) -> None:
    _clean(session, data)


def _write(session: Session, row: WinRow, data: WinInput) -> None:
    values, skill_ids, requirements, names = _clean(session, data)
    for key, value in values.items():
        setattr(row, key, value)
    row.skills = [session.get(Skill, skill_id) for skill_id in skill_ids]
    if row.id is not None:
        # Old rows go first: a requirement kept has the same key (see feedback.py).
        row.requirements = []
        session.flush()
    row.requirements = [WinRequirement(requirement=key) for key in requirements]
    row.contacts = [contacts.find_or_create(session, name) for name in names]
    session.add(row)
    session.flush()


def _to_dto(row: WinRow) -> Win:
    return Win(
        id=row.id,
        title=row.title,
        win_date=row.win_date,
        description=row.description,
        impact=row.impact,
        metric_name=row.metric_name,
        metric_before=row.metric_before,
        metric_after=row.metric_after,
        metric_unit=row.metric_unit,
        skills=tuple(s.name for s in sorted(row.skills, key=lambda s: (s.position, s.id))),
        requirements=tuple(item.requirement for item in row.requirements),
        contacts=tuple(contact.name for contact in row.contacts),
        attachment=row.attachment,
        notes=row.notes,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _query():
    return select(WinRow).options(
        selectinload(WinRow.skills),
        selectinload(WinRow.requirements),
        selectinload(WinRow.contacts),
    )


LOG = LogService(
    KIND,
    WinRow,
    WinInput,
    Win,
    write=_write,
    to_entry=_to_dto,
    order=(WinRow.win_date.desc(), WinRow.id.desc()),
    query=_query,
)
create, update, delete, get = LOG.create, LOG.update, LOG.delete, LOG.get
list_all, get_many = LOG.list_all, LOG.get_many
