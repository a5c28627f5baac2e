"""Finds framework items by what a person types: a name in any case, or a slug such as
``senior-product-owner``. An unknown name is an error that lists the valid ones."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Credential, Skill, Stage
from ..errors import ValidationError


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _keys(*names: str | None) -> set[str]:
    keys = set()
    for name in names:
        if name:
            keys.add(name.strip().lower())
            keys.add(slugify(name))
    return keys


def _resolve(session: Session, model, text: str, field: str, label: str, extra=()) -> int:
    columns = [model.id, model.slug, model.name, *extra]
    rows = session.execute(
        select(*columns).where(model.retired.is_(False)).order_by(model.position, model.id)
    ).all()
    wanted = _keys(text)
    for row in rows:
        if wanted & _keys(*row[1:]):
            return row[0]
    names = ", ".join(row[2] for row in rows) or "(none defined)"
    raise ValidationError.single(field, f"unknown {label} {text!r}; valid {label}s: {names}")


def skill_id(session: Session, text: str, field: str = "skill") -> int:
    return _resolve(session, Skill, text, field, "skill")


def stage_id(session: Session, text: str, field: str = "stage") -> int:
    return _resolve(session, Stage, text, field, "stage")


def credential_id(session: Session, text: str, field: str = "credential") -> int:
    return _resolve(session, Credential, text, field, "credential", (Credential.full_name,))


def _names(session: Session, model) -> list[str]:
    query = select(model.name).where(model.retired.is_(False)).order_by(model.position, model.id)
    return list(session.scalars(query))


def skill_names(session: Session) -> list[str]:
    return _names(session, Skill)


def stage_names(session: Session) -> list[str]:
    return _names(session, Stage)


def credential_names(session: Session) -> list[str]:
    return _names(session, Credential)


def missing_name(kind: str, item_id: int | None) -> str:
    """What an entry shows for a framework item that is gone (a reference a damaged or
    hand-edited file left dangling): the entry stays readable and exportable."""
    return f"(missing {kind} #{item_id})"
