"""Helpers every log's service shares: fetching one row or failing clearly, and deleting
a row together with the journal links that point at it."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from ...models import JournalLink
from ..errors import NotFoundError
from . import log_room  # noqa: F401  (every new entry is checked against its log's limit)


def get_row(session: Session, model, entry_id: int, kind: str):
    row = session.get(model, entry_id)
    if row is None:
        raise NotFoundError(f"there is no {kind} with id {entry_id}")
    return row


def delete_row(session: Session, model, entry_id: int, kind: str) -> None:
    row = get_row(session, model, entry_id, kind)
    session.delete(row)
    session.execute(
        delete(JournalLink).where(
            JournalLink.target_kind == kind, JournalLink.target_id == entry_id
        )
    )
    session.flush()


def save(session: Session, row, values: dict):
    """Write cleaned ``values`` onto a new or existing row and flush it."""
    for key, value in values.items():
        setattr(row, key, value)
    session.add(row)
    session.flush()
    return row


def in_order(items: list, ids: list[int]) -> list:
    """``items`` (each with an ``id``) rearranged to follow ``ids``."""
    by_id = {item.id: item for item in items}
    return [by_id[entry_id] for entry_id in ids if entry_id in by_id]
