"""What every log's service shares: ``LogService`` gives a log its create, update,
delete, get, list and get-many from the few things that are the log's own (how an input
is written onto a row, how a row reads as an entry, how the log is queried and ordered),
so each kind's module holds only those."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, delete, inspect, select
from sqlalchemy.orm import Session

from ...models import JournalLink
from ..errors import NotFoundError
from . import log_room  # noqa: F401  (every new entry is checked against its log's limit)

Input = TypeVar("Input")
Entry = TypeVar("Entry")


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


class LogService(Generic[Input, Entry]):
    """One log's entries, written from ``input_type`` and read as ``entry_type``.

    ``write(session, row, data)`` checks ``data`` (raising ``ValidationError`` before
    anything is set) and writes it onto ``row``, flushed; ``to_entry`` reads a row as
    an entry; ``query`` selects the log's rows with what ``to_entry`` needs loaded;
    ``order`` is how the log is listed."""

    def __init__(
        self,
        kind: str,
        model: type,
        input_type: type[Input],
        entry_type: type[Entry],
        *,
        write: Callable[[Session, Any, Input], object],
        to_entry: Callable[[Any], Entry],
        order: Sequence[Any],
        query: Callable[[], Select] | None = None,
    ) -> None:
        self.kind = kind
        self.model = model
        self.input_type = input_type
        self.entry_type = entry_type
        self._write = write
        self._to_entry = to_entry
        self._order = tuple(order)
        self._query = query or (lambda: select(model))

    def create(self, session: Session, data: Input) -> Entry:
        row = self.model()
        self._write(session, row, data)
        return self.get(session, row.id)

    def update(self, session: Session, entry_id: int, data: Input) -> Entry:
        self._write(session, get_row(session, self.model, entry_id, self.kind), data)
        return self.get(session, entry_id)

    def delete(self, session: Session, entry_id: int) -> None:
        """Delete the entry and the journal links that point at it."""
        delete_row(session, self.model, entry_id, self.kind)

    def get(self, session: Session, entry_id: int) -> Entry:
        return self._to_entry(get_row(session, self.model, entry_id, self.kind))

    def entries(self, session: Session, *where) -> list[Entry]:
        """The log's entries that meet every ``where`` clause, in the log's order."""
        query = self._query().where(*where).order_by(*self._order)
        return [self._to_entry(row) for row in self._rows(session, query)]

    def list_all(self, session: Session) -> list[Entry]:
        return self.entries(session)

    def get_many(self, session: Session, ids: list[int]) -> list[Entry]:
        """The entries with these ids, in the order given (missing ones left out): how a
        long table fetches only the rows on screen."""
        wanted: ColumnElement[bool] = inspect(self.model).primary_key[0].in_(ids)
        rows = self._rows(session, self._query().where(wanted))
        return in_order([self._to_entry(row) for row in rows], ids)

    def _rows(self, session: Session, query: Select):
        """What ``query`` yields, each read by ``to_entry``: its rows of the model, unless
        a log's query selects more than the model."""
        return session.scalars(query)
