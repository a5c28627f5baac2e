"""Shared by the framework editing services: the DTOs they return, and finding, adding,
renaming and removing a stage, skill or credential by what a person types."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...models import Credential, Skill, Stage
from ..validation import Checker
from . import lookup
from .usage import referenced_ids

_MODELS = {"stage": Stage, "skill": Skill, "credential": Credential}
_RESOLVERS = {
    "stage": lookup.stage_id,
    "skill": lookup.skill_id,
    "credential": lookup.credential_id,
}


@dataclass(frozen=True)
class FrameworkItem:
    kind: str  # stage, skill or credential
    id: int
    slug: str
    name: str
    retired: bool


@dataclass(frozen=True)
class Removal:
    kind: str
    name: str
    outcome: str  # "deleted", or "retired" when logged entries still point at it


def item(kind: str, row) -> FrameworkItem:
    return FrameworkItem(kind, row.id, row.slug, row.name, row.retired)


def find(session: Session, kind: str, text: str, field: str | None = None):
    """The active row a person's text names; unknown names list the valid ones."""
    item_id = _RESOLVERS[kind](session, text, field or kind)
    return session.get(_MODELS[kind], item_id)


def clash(session: Session, kind: str, name: str, skip_id: int | None = None):
    """The row whose name or slug a new name would be confused with, if any."""
    keys = {name.strip().lower(), lookup.slugify(name)}
    model = _MODELS[kind]
    for row in session.scalars(select(model)):
        if row.id != skip_id and keys & {row.name.strip().lower(), row.slug}:
            return row
    return None


def checked_name(check: Checker, session: Session, kind: str, name: str, skip_id=None) -> str:
    name = check.text("name", name, required=True, limit=200)
    if name and not lookup.slugify(name):
        check.fail("name", "must contain at least one letter or digit")
    elif name and (other := clash(session, kind, name, skip_id)) is not None:
        state = " (retired)" if other.retired else ""
        check.fail("name", f"a {kind} named {other.name!r}{state} already exists")
    return name


def add(session: Session, kind: str, name: str, values: dict) -> FrameworkItem:
    """Add an item; adding the name of a retired one brings that one back."""
    model = _MODELS[kind]
    other = clash(session, kind, (name or "").strip()) if (name or "").strip() else None
    if other is not None and other.retired and other.name.strip().lower() == name.strip().lower():
        other.retired = False
        session.flush()
        return item(kind, other)
    check = Checker()
    name = checked_name(check, session, kind, name)
    check.done()
    position = session.scalar(select(func.coalesce(func.max(model.position), -1))) + 1
    row = model(slug=lookup.slugify(name), name=name, position=position, **values)
    session.add(row)
    session.flush()
    return item(kind, row)


def rename(session: Session, kind: str, text: str, new_name: str) -> FrameworkItem:
    row = find(session, kind, text)
    check = Checker()
    name = checked_name(check, session, kind, new_name, skip_id=row.id)
    check.done()
    row.name = name
    session.flush()
    return item(kind, row)


def remove(session: Session, kind: str, row) -> Removal:
    if row.id in referenced_ids(session, kind):
        row.retired = True
        outcome = "retired"
    else:
        session.delete(row)
        outcome = "deleted"
    session.flush()
    return Removal(kind, row.name, outcome)
