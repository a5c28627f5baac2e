"""What every page and dialog shares: the open logbook, the undo stack, and one
app-wide signal after each change, so pages refresh themselves and never call each
other."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

# What else a change to one kind touches: an event creates contacts, a deleted entry
# loses the journal links that pointed at it.
RELATED = {
    "event": {"contact", "journal"},
    "contact": {"event", "journal", "win", "feedback"},
    "certification": {"journal"},
    "training": {"journal"},
    "rating": {"journal"},
    "experience": {"journal"},
    "goal": {"journal"},
    "win": {"contact", "journal"},
    "feedback": {"contact", "journal"},
}


class AppContext(QObject):
    # The kinds of data that changed ("training", "rating", "profile", "framework", ...).
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

    @contextmanager
    def reading(self):
        with self.database.read() as session:
            yield session

    @contextmanager
    def writing(self):
        with self.database.write() as session:
            yield session

    def changed(self, *kinds: str) -> None:
        expanded = set(kinds)
        for kind in kinds:
            expanded |= RELATED.get(kind, set())
        self.data_changed.emit(expanded)

    def current_id(self, kind: str, entry_id: int) -> int:
        while (kind, entry_id) in self._id_moves:
            entry_id = self._id_moves[(kind, entry_id)]
        return entry_id

    def moved(self, kind: str, old_id: int, new_id: int) -> None:
        if old_id != new_id:
            self._id_moves[(kind, old_id)] = new_id
