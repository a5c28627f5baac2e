"""What every page and dialog shares: the open logbook, the undo stack, and the window's
one write path: ``writing(changes)`` runs a write in its own transaction and, once it is
committed, sends its ``Changes`` (``services.changes``) to every page through one
app-wide signal, so pages refresh themselves and never call each other."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..services.changes import NOTHING, Changes

if TYPE_CHECKING:  # the ORM is imported off the UI thread, after the first frame
    from ..services.career.readiness_facts import LogFacts


class AppContext(QObject):
    # After every committed write: its ``Changes`` (the kinds and ids it touched).
    data_changed = Signal(object)
    # A request to show a page, by its key, with an optional argument (an entry id, ...).
    navigate = Signal(str, object)
    # A short message for the status bar.
    status_message = Signal(str)

    def __init__(self, database, parent=None):
        super().__init__(parent)
        self.database = database
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)
        # An entry re-created by redo gets a new id; commands pushed later still hold the
        # old one, so they look it up here.
        self._id_moves: dict[tuple[str, int], int] = {}
        # While ``one_notice`` runs: what its writes changed, told once at its end.
        self._held: Changes | None = None
        # (data revision, the log's facts): the last facts a page gathered, for the pages
        # that score the same day's facts (dashboard, Career) and the same data.
        self._facts: tuple[int, LogFacts] | None = None

    def keep_facts(self, revision: int, facts: LogFacts | None) -> None:
        """``facts`` (``readiness_facts.LogFacts``) gathered from data at ``revision``."""
        if facts is not None:
            self._facts = (revision, facts)

    def kept_facts(self, revision: int, as_of: date) -> LogFacts | None:
        """The facts kept for ``as_of`` from data at ``revision``; None when the data or
        the day has changed since (every write moves the revision)."""
        if self._facts is None:
            return None
        kept_revision, facts = self._facts
        return facts if kept_revision == revision and facts.as_of == as_of else None

    @contextmanager
    def reading(self):
        with self.database.read() as session:
            yield session

    @contextmanager
    def writing(self, changes: Changes):
        """The one way the window writes: the block runs in one write transaction, and
        once it is committed every page hears ``changes``. A block that raises (a
        refused input, say) is rolled back and nobody is told anything."""
        with self.database.write() as session:
            yield session
        self.notify(changes)

    def notify(self, changes: Changes) -> None:
        """Tell every page what changed. For writes made outside ``writing``: an import
        or a restore that ran off the UI thread, reported once it is done."""
        if self._held is not None:
            self._held |= changes
        elif changes:
            self.data_changed.emit(changes)

    @contextmanager
    def one_notice(self):
        """The writes inside the block are told to the pages once, together, when it
        ends, also when it ends in an error: an undo step that writes and then records
        where an entry's id moved is seen by the pages as one finished change."""
        if self._held is not None:
            yield  # already inside one: the outer block tells
            return
        self._held = NOTHING
        try:
            yield
        finally:
            held, self._held = self._held, None
            self.notify(held)

    def current_id(self, kind: str, entry_id: int) -> int:
        while (kind, entry_id) in self._id_moves:
            entry_id = self._id_moves[(kind, entry_id)]
        return entry_id

    def moved(self, kind: str, old_id: int, new_id: int) -> None:
        if old_id != new_id:
            self._id_moves[(kind, old_id)] = new_id
