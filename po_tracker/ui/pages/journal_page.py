"""The journal: entries by date on the left, the entry being written on the right.
Saving and deleting go through the undo stack like every other log, so Undo (the toast's,
or Ctrl+Z) takes back a save. The entry saves itself after a short pause in typing and
when the user leaves it, the page or the window; Save (Ctrl+S) is kept. An unchanged
entry is never written; one with a field error is not saved, the error shows at its
field, and the user is asked before such words are dropped."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...services.changes import NOTHING
from ...services.errors import NotFoundError, ValidationError
from ...services.logbook import journal_entries as journal
from ...services.logbook import journal_prompts, log_tables
from ..navigation import PAGE_OF_KIND
from ..theme.header import PageHeader
from ..undo import AddEntry, DeleteEntry, EditEntry, run_and_record
from ..widgets.form import error_style
from ..widgets.journal_editor import JournalEditor
from ..widgets.journal_entry_list import ID_ROLE, JournalEntryList, entry_heading
from ..widgets.refresh import RefreshWhenShown

KIND = "journal"
NOUN = "journal entry"
# Changes to these kinds change what the page shows.
CHOICE_KINDS = frozenset({"journal_templates", "framework"})
# The pause in typing after which the entry saves itself (read at each start, so a test
# may shorten it).
AUTOSAVE_MS = 1500


class JournalPage(RefreshWhenShown, QWidget):
    watched_kinds = frozenset({KIND, "journal_templates", "framework"})

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("journal_page")
        self._choices_stale = True
        self._opened_latest = False  # the latest entry is opened on the first visit
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.timeout.connect(self.autosave)
        self._build()
        self._add_shortcuts()
        self.watch(context)

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.new_button = QPushButton("&New entry")
        self.new_button.setObjectName("journal_new")
        self.new_button.clicked.connect(self.add_entry)
        layout.addWidget(
            PageHeader(
                "Journal",
                "What you learned and noticed, in your own words.",
                self.new_button,
                icon="new",
            )
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_list_side())
        self.splitter.addWidget(self._build_editor_side())
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 900])
        layout.addWidget(self.splitter, 1)

    def _build_list_side(self) -> QWidget:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 6, 0)
        self.entries = JournalEntryList(
            self._entry_ids, self._entries, self._entry_count, self._tags
        )
        self.entries.requested.connect(self.open_entry)
        column.addWidget(self.entries, 1)
        return side

    def _build_editor_side(self) -> QWidget:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(6, 0, 0, 0)
        self.general_error = QLabel()
        self.general_error.setObjectName("general_error")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(error_style(self))
        self.general_error.hide()
        column.addWidget(self.general_error)
        self.editor = JournalEditor(self.context)
        self.editor.dirty_changed.connect(self._update_state)
        self.editor.edited.connect(self._schedule_autosave)
        self.editor.manage_requested.connect(self.manage_templates)
        self.editor.links.open_requested.connect(self._open_link)
        column.addWidget(self.editor, 1)
        column.addLayout(self._build_buttons())
        return side

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.state_label = QLabel()
        self.state_label.setObjectName("journal_state")
        row.addWidget(self.state_label, 1)
        self.delete_button = QPushButton("De&lete")
        self.delete_button.setObjectName("journal_delete")
        self.delete_button.clicked.connect(self.delete_entry)
        row.addWidget(self.delete_button)
        self.save_button = QPushButton("&Save")
        self.save_button.setObjectName("journal_save")
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(self.save_entry)
        row.addWidget(self.save_button)
        return row

    def _add_shortcuts(self) -> None:
        save = QAction("Save journal entry", self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self.save_entry)
        self.addAction(save)
        delete = QAction("Delete journal entry", self.entries.list)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_entry)
        self.entries.list.addAction(delete)

    # -- refreshing ------------------------------------------------------------------------
    def _on_data_changed(self, changes) -> None:
        if changes.concerns(CHOICE_KINDS):
            self._choices_stale = True
        super()._on_data_changed(changes)

    def refresh(self) -> None:
        if self._choices_stale:
            self._load_choices()
        self._stale = False
        self._sync_editor()
        self.entries.reload(self.editor.entry_id)
        self._open_latest_once()
        self._update_state()

    def _open_latest_once(self) -> None:
        """Writing first: the page opens on the latest entry, as a notes app does; New
        entry (Ctrl+N) starts a blank one."""
        if self._opened_latest:
            return
        self._opened_latest = True
        if self.editor.entry_id is None and not self.editor.is_dirty() and self.entries.count():
            latest = self.entries.model.index(0).data(ID_ROLE)
            if latest is not None:
                self._load(latest)

    def _load_choices(self) -> None:
        # First use of the journal: the shipped templates are added once. Nothing to
        # tell: no other page shows them, and this page reads them next.
        with self.context.writing(NOTHING) as session:
            journal_prompts.seed_defaults(session)
        with self.context.reading() as session:
            prompts = journal_prompts.list_prompts(session)
            templates = journal_prompts.list_templates(session)
        self.editor.set_choices(prompts, templates)
        self._choices_stale = False

    def _sync_editor(self) -> None:
        """Follow a change made elsewhere (undo, redo, another page) without touching
        what the user is typing."""
        entry_id = self.editor.entry_id
        if entry_id is None:
            return
        entry_id = self.context.current_id(KIND, entry_id)
        with self.context.reading() as session:
            found = journal.get_many(session, [entry_id])
        if self.editor.is_dirty():
            # Their words stay; saving makes them a new entry if this one is gone.
            self.editor.entry_id = entry_id if found else None
        else:
            self.editor.load(found[0] if found else None)

    # -- what the entry list reads -------------------------------------------------------
    def _entry_ids(self, query) -> list[int]:
        with self.context.reading() as session:
            return log_tables.entry_ids(session, query)

    def _entries(self, ids: list[int]) -> list:
        with self.context.reading() as session:
            return log_tables.journal_lines(session, ids)

    def _entry_count(self) -> int:
        with self.context.reading() as session:
            return log_tables.entry_count(session, KIND)

    def _tags(self) -> list[str]:
        with self.context.reading() as session:
            return log_tables.tags(session)

    def _update_state(self, *_args) -> None:
        dirty = self.editor.is_dirty()
        new = self.editor.entry_id is None
        self.save_button.setEnabled(dirty)
        self.delete_button.setEnabled(not new)
        if dirty:
            text = "Not saved yet" if not new else "New entry, not saved yet"
        else:
            text = "New entry" if new else "Saved"
        self.state_label.setText(text)

    # -- opening ---------------------------------------------------------------------------
    def add_entry(self) -> None:
        """Start a new entry (the window's New, Ctrl+N)."""
        if self._stale:
            self.refresh()
        if self.confirm_leave():
            self.editor.load(None)
            self.entries.select_id(None)
            self._update_state()
            self.editor.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_entry(self, entry_id: int) -> bool:
        if entry_id == self.editor.entry_id:
            return True
        if not self.confirm_leave():
            self.entries.select_id(self.editor.entry_id)
            return False
        return self._load(entry_id)

    def _load(self, entry_id: int) -> bool:
        try:
            with self.context.reading() as session:
                entry = journal.get(session, entry_id)
        except NotFoundError:
            self.context.status_message.emit("That journal entry no longer exists.")
            return False
        self.editor.load(entry)
        self.entries.select_id(entry_id)
        self._update_state()
        return True

    def show_argument(self, argument) -> None:
        """Open one entry: an id, or ``("journal", id)`` from the search or dashboard."""
        entry_id = argument[1] if isinstance(argument, tuple) else argument
        if self._stale:
            self.refresh()
        if self.open_entry(self.context.current_id(KIND, int(entry_id))):
            self.editor.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_link(self, kind: str, entry_id: int) -> None:
        if kind == KIND:
            self.show_argument(entry_id)
        else:
            self.context.navigate.emit(PAGE_OF_KIND[kind], (kind, entry_id))

    def confirm_leave(self) -> bool:
        """True when the editor may be replaced: nothing unsaved, the changes saved
        themselves, or the user chose to drop words that cannot be saved as they are."""
        if not self.editor.is_dirty() or self.save_entry():
            return True
        title = self.editor.title.text().strip() or "this entry"
        answer = QMessageBox.question(
            self,
            "Changes not saved",
            f"Your changes to “{title}” cannot be saved as they are: the form says what "
            "to fix. Discard them?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    # -- saving by itself ------------------------------------------------------------------
    def _schedule_autosave(self) -> None:
        if self.editor.is_dirty():
            self._autosave.start(AUTOSAVE_MS)
        else:
            self._autosave.stop()

    def autosave(self) -> bool:
        """Save what changed, as Save would; False if something is left unsaved. An
        unchanged entry writes nothing; a new one waits for its first words, so an
        empty text is not called an error while the user is still on the title."""
        self._autosave.stop()
        if not self.editor.is_dirty():
            return True
        if self.editor.entry_id is None and not self.editor.text.text().strip():
            return False
        return self.save_entry()

    def hideEvent(self, event) -> None:
        # Leaving the page (another page, the window minimised or closed) saves.
        if self.editor.is_dirty():
            self.autosave()
        super().hideEvent(event)

    # -- saving and deleting ---------------------------------------------------------------
    def save_entry(self) -> bool:
        """Add or edit through the undo stack, the service checking the input inside the
        write; False if nothing was saved (the errors are shown)."""
        self._autosave.stop()
        data = self.editor.collect()
        entry_id = self.editor.entry_id
        try:
            if entry_id is None:
                command = AddEntry(self.context, KIND, data, NOUN)
                run_and_record(self.context, command)
                entry_id = command.entry_id
            elif self.editor.is_dirty():
                run_and_record(self.context, EditEntry(self.context, KIND, entry_id, data, NOUN))
        except ValidationError as error:
            self._show_errors(error)
            return False
        self.editor.clear_errors()
        self.general_error.hide()
        self._load(entry_id)
        if self.entries.model.row_of_id(entry_id) is None:
            # The filter is the user's: kept, but the entry must not seem lost.
            self.context.status_message.emit(
                "Saved the journal entry. The list's filter hides it: clear the filter to "
                "see it in the list."
            )
        else:
            self.context.status_message.emit("Saved the journal entry.")
        return True

    def _show_errors(self, error: ValidationError) -> None:
        unclaimed = self.editor.show_errors(error.errors)
        self.general_error.setText("\n".join(str(e) for e in unclaimed))
        self.general_error.setVisible(bool(unclaimed))

    def delete_entry(self) -> None:
        entry_id = self.editor.entry_id
        if entry_id is None:
            return
        heading = entry_heading(self.editor.collect())
        # No "Are you sure?": the toast that follows offers Undo, which brings it back.
        self.context.undo_stack.push(DeleteEntry(self.context, KIND, entry_id, NOUN))
        self.editor.load(None)
        self._update_state()
        self.context.status_message.emit(f"Deleted the journal entry “{heading}”.")

    def manage_templates(self) -> None:
        from ..dialogs.journal_templates_dialog import JournalTemplatesDialog

        JournalTemplatesDialog(self.context, self).exec()
