"""A page over one log: a sortable table with a filter and a text search, add / edit /
delete through dialogs (double-click edits, Delete asks first), every change undoable.
The table asks SQL for order and filter and fetches only the rows on screen, so a log of
any length opens, sorts and filters at once."""

from __future__ import annotations

from importlib import import_module

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.logbook import log_kinds, log_tables
from ..table_models.entry_table_model import ID_ROLE, Column
from ..table_models.log_table_model import LogTableModel
from ..theme.header import PageHeader
from ..undo import AddEntry, DeleteEntry, EditEntry, run_and_record
from ..widgets.column_fit import fit_columns, setup_columns
from ..widgets.elided_tips import ElidedTipDelegate
from ..widgets.refresh import RefreshWhenShown

# A resize in progress (a window dragged wider) fits the columns once it rests.
REFIT_AFTER_MS = 60


class LogPage(RefreshWhenShown, QWidget):
    kind = ""
    noun = ""
    title = ""
    purpose = ""  # one line under the title: what the page is for
    # The dialog that adds and edits an entry: a class, or "module:Class" under ui/dialogs,
    # imported when first opened so that a page's first visit skips its form (15 ms).
    dialog_class = None
    # (label, filter key of services/log_tables.py) pairs; the first is the default.
    filters: tuple[tuple[str, str | None], ...] = (("All", None),)
    # The column that takes the width the others leave (a title or a name).
    stretch_column = 1
    # Narrow pages put the filter and the search on a second row.
    compact = False

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setObjectName(f"{self.kind}_page")
        if self.watched_kinds is None:
            self.watched_kinds = frozenset({self.kind, "framework"})
        self.model = self.make_model()
        self._build()
        self.watch(context)
        # Columns fitted while the page was narrow (built before its tab had its width)
        # are fitted again once its width settles, so no column stays squeezed.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(REFIT_AFTER_MS)
        self._refit.timeout.connect(self._fit_columns)

    # -- for subclasses ------------------------------------------------------------------
    def columns(self) -> list[Column]:
        raise NotImplementedError

    def make_model(self):
        return LogTableModel(
            self.columns(), self.kind, self._entry_ids, self._entries, self._entry_count, self
        )

    def _entry_ids(self, query) -> list[int]:
        with self.context.reading() as session:
            return log_tables.entry_ids(session, query)

    def _entries(self, ids: list[int]) -> list:
        with self.context.reading() as session:
            return log_kinds.service(self.kind).get_many(session, ids)

    def _entry_count(self) -> int:
        with self.context.reading() as session:
            return log_tables.entry_count(session, self.kind)

    def label_of(self, item) -> str:
        return f"{self.noun} “{getattr(item, 'title', None) or getattr(item, 'name', '')}”"

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.add_button = QPushButton(f"&Add {self.noun}…")
        self.add_button.clicked.connect(self.add_entry)
        # The page's header: its title, what it is for, and its primary action.
        layout.addWidget(PageHeader(self.title, self.purpose, self.add_button, icon="new"))
        bar = QHBoxLayout()
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
        self.table.setItemDelegate(ElidedTipDelegate(self.table))
        header = self.table.horizontalHeader()
        # Columns fit their text up to a cap (widgets/column_fit.py), refitted after each
        # reload; the main column takes the remaining width.
        setup_columns(self.table, self.stretch_column)
        if self.compact:
            # In a narrow pane, fitted columns would squeeze the main one to nothing:
            # they get a modest width the user can drag.
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)
            header.setDefaultSectionSize(88)
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
        self._update_buttons()

    def _fit_columns(self) -> None:
        if not self.compact:
            fit_columns(self.table, self.stretch_column)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._refit.start()

    def extend_layout(self, layout) -> None:
        """Room for a page's own widgets under the table."""

    # -- refreshing ----------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_id()
        self.reload()
        self._stale = False
        if selected is not None:
            self.select_id(selected)
        self._fit_columns()
        self._update_count()
        self._update_buttons()

    def current_filter(self):
        return self.filters[max(self.filter_box.currentIndex(), 0)][1]

    def reload(self) -> None:
        """Read the page's rows again, as filtered now; pages over a short list in memory
        override it."""
        self.model.reload(filter=self.current_filter(), text=self.search_box.text())

    def _apply_filter(self) -> None:
        self.reload()
        self._fit_columns()
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

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], ID_ROLE) if rows else None

    def select_id(self, entry_id: int) -> bool:
        if self._stale:
            self.refresh()
        row = self.model.row_of_id(entry_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def show_argument(self, argument) -> None:
        """Open on one entry: ``(kind, id)`` from search or the dashboard."""
        _kind, entry_id = argument
        self.select_id(entry_id)
        self.table.setFocus()

    # -- actions -------------------------------------------------------------------------
    def make_dialog(self, item=None):
        dialog_class = self.dialog_class
        if isinstance(dialog_class, str):
            module, _, name = dialog_class.partition(":")
            dialog_class = getattr(import_module(f"..dialogs.{module}", __package__), name)
        return dialog_class(self.context, item, self)

    def add_entry(self) -> None:
        dialog = self.make_dialog()
        added: list[AddEntry] = []

        def save(data) -> None:
            command = AddEntry(self.context, self.kind, data, self.noun)
            run_and_record(self.context, command)  # refused input: the dialog stays open
            added.append(command)

        dialog.save = save
        if dialog.exec() and added:
            self.select_id(added[0].entry_id)
            self.context.status_message.emit(f"Added {self.noun}.")

    def edit_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        dialog = self.make_dialog(item)
        dialog.save = lambda data: run_and_record(
            self.context, EditEntry(self.context, self.kind, item.id, data, self.noun)
        )
        if dialog.exec() and dialog.result_input is not None:
            self.context.status_message.emit(f"Saved {self.noun}.")

    def delete_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        # No "Are you sure?": the toast that follows offers Undo, which brings it back.
        label = self.label_of(item)
        self.context.undo_stack.push(DeleteEntry(self.context, self.kind, item.id, self.noun))
        self.context.status_message.emit(f"Deleted {label}.")
