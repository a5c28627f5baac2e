"""A page over one log: a sortable table with a filter and a text search, add / edit /
delete through dialogs (double-click edits, Delete asks first), every change undoable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.registry import LOG_SERVICES
from ..table_models.entry_table_model import Column, EntryTableModel
from ..undo import AddEntry, DeleteEntry, EditEntry


class LogPage(QWidget):
    kind = ""
    noun = ""
    title = ""
    dialog_class = None
    # (label, predicate) pairs for the filter box; the first shows everything.
    filters: tuple[tuple[str, Callable[[object], bool] | None], ...] = (("All", None),)
    # The column that takes the width the others leave (a title or a name).
    stretch_column = 1
    # Narrow pages put the filter and the search on a second row.
    compact = False

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setObjectName(f"{self.kind}_page")
        self._stale = True
        self.model = EntryTableModel(self.columns(), self)
        self._build()
        context.data_changed.connect(self._on_data_changed)

    # -- for subclasses ------------------------------------------------------------------
    def columns(self) -> list[Column]:
        raise NotImplementedError

    def load_items(self, session) -> list:
        return LOG_SERVICES[self.kind].list_all(session)

    def label_of(self, item) -> str:
        return f"{self.noun} “{getattr(item, 'title', None) or getattr(item, 'name', '')}”"

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{self.title}</h2>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        bar = QHBoxLayout()
        self.add_button = QPushButton(f"&Add {self.noun}…")
        self.add_button.clicked.connect(self.add_entry)
        bar.addWidget(self.add_button)
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.clicked.connect(self.edit_selected)
        bar.addWidget(self.edit_button)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        bar.addWidget(self.delete_button)
        bar.addStretch(1)
        if self.compact:
            layout.addLayout(bar)
            bar = QHBoxLayout()
        self.filter_box = QComboBox()
        self.filter_box.setAccessibleName(f"Show {self.title.lower()}")
        self.filter_box.addItems([label for label, _ in self.filters])
        self.filter_box.currentIndexChanged.connect(self._apply_filter)
        filter_label = QLabel("Sho&w:")
        filter_label.setBuddy(self.filter_box)
        bar.addWidget(filter_label)
        bar.addWidget(self.filter_box)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(f"Search {self.title.lower()}…")
        self.search_box.setAccessibleName(f"Search {self.title.lower()}")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._apply_filter)
        bar.addWidget(self.search_box, 1)
        layout.addLayout(bar)
        self.table = QTableView()
        self.table.setObjectName(f"{self.kind}_table")
        self.table.setAccessibleName(self.title)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Fit columns to their text, judged on the first rows only, so a long log costs
        # no more than a short one; the main column takes the remaining width.
        header.setResizeContentsPrecision(200)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        delete_action = QAction("Delete", self.table)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(delete_action)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self.extend_layout(layout)
        self._apply_filter()

    def extend_layout(self, layout) -> None:
        """Room for a page's own widgets under the table."""

    # -- refreshing ----------------------------------------------------------------------
    def _on_data_changed(self, kinds) -> None:
        if self.kind in kinds or "all" in kinds or "framework" in kinds:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        selected = self.selected_item()
        with self.context.reading() as session:
            items = self.load_items(session)
        self.model.set_items(items)
        self._stale = False
        if selected is not None:
            self.select_id(selected.id)
        self._update_count()
        self._update_buttons()

    def _apply_filter(self) -> None:
        predicate = self.filters[max(self.filter_box.currentIndex(), 0)][1]
        self.model.set_filter(self.search_box.text(), predicate)
        self._update_count()
        self._update_buttons()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        noun = "entry" if total == 1 else "entries"
        text = f"{total} {noun}" if shown == total else f"{shown} of {total} {noun} shown"
        self.count_label.setText(text if total else f"No {self.title.lower()} logged yet.")

    def _update_buttons(self) -> None:
        has = self.selected_item() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # -- selection -----------------------------------------------------------------------
    def selected_item(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def select_id(self, entry_id: int) -> bool:
        return self.select_where(lambda item: item.id == entry_id)

    def select_where(self, predicate) -> bool:
        if self._stale:
            self.refresh()
        for row in range(self.model.rowCount()):
            if predicate(self.model.item(row)):
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return True
        return False

    def show_argument(self, argument) -> None:
        """Open on one entry: ``(kind, id)`` from search or the dashboard."""
        _kind, entry_id = argument
        self.select_id(entry_id)
        self.table.setFocus()

    # -- actions -------------------------------------------------------------------------
    def make_dialog(self, item=None):
        return self.dialog_class(self.context, item, self)

    def add_entry(self) -> None:
        dialog = self.make_dialog()
        if dialog.exec() and dialog.result_input is not None:
            command = AddEntry(self.context, self.kind, dialog.result_input, self.noun)
            self.context.undo_stack.push(command)
            self.select_id(command.entry_id)
            self.context.status_message.emit(f"Added {self.noun}.")

    def edit_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        dialog = self.make_dialog(item)
        if dialog.exec() and dialog.result_input is not None:
            self.context.undo_stack.push(
                EditEntry(self.context, self.kind, item.id, dialog.result_input, self.noun)
            )
            self.context.status_message.emit(f"Saved {self.noun}.")

    def delete_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            f"Delete {self.noun}",
            f"Delete the {self.label_of(item)}?\n\nYou can undo this with "
            f"{QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)}.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.context.undo_stack.push(DeleteEntry(self.context, self.kind, item.id, self.noun))
            self.context.status_message.emit(f"Deleted {self.noun}.")
