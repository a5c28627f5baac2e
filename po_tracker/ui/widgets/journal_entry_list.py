"""The journal's entries by date, newest first, with a tag filter and a text filter.
Choosing an entry emits ``requested``; the page decides whether to follow (it may first
ask about unsaved changes) and selects it with ``select_id``.

Like the log tables, the list holds only the ids SQL chose (the text filter is the
full-text index) and fetches the entries on screen in blocks, so years of journal open
at once.

The model counts its rows in C++ (a QStringListModel of empty strings): QListView lays
out every row after each reload and asks the model for two indexes per row, and a
Python ``rowCount`` made that 70,000 calls into Python, about 90 ms at 35,000 entries.
Python answers only for the rows on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from ...services.logbook.log_tables import TableQuery
from ..table_models.row_cache import RowCache

ID_ROLE = Qt.ItemDataRole.UserRole
ALL_TAGS = "All tags"
ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
)
# The roles the list answers; Qt asks for six more per row painted, answered at once.
SERVED_ROLES = frozenset(
    {
        ID_ROLE,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)


def entry_heading(entry) -> str:
    if entry.title:
        return entry.title
    lines = [line.lstrip("#").strip() for line in entry.text.splitlines() if line.strip()]
    return lines[0][:80] if lines else "(untitled)"


def entry_text(entry) -> str:
    tags = " ".join(f"#{t}" for t in entry.tags)
    details = f"{entry.entry_date:%a %d %b %Y}" + (f"  ·  {tags}" if tags else "")
    return f"{entry_heading(entry)}\n{details}"


class JournalListModel(QStringListModel):
    def __init__(
        self,
        fetch_ids: Callable[[TableQuery], list[int]],
        fetch_rows: Callable[[list[int]], list],
        parent=None,
    ):
        super().__init__(parent)
        self._fetch_ids = fetch_ids
        self._cache = RowCache(fetch_rows)

    @property
    def ids(self) -> list[int]:
        return self._cache.ids

    def reload(self, query: TableQuery) -> None:
        self._cache.reset(self._fetch_ids(query))
        # One reset; the strings only give Qt the row count (the ids stay in Python).
        self.setStringList([""] * len(self.ids))

    def row_of_id(self, entry_id: int | None) -> int | None:
        return self._cache.row_of_id(entry_id)

    def entry(self, row: int):
        return self._cache.entry(row)

    def flags(self, index):
        # Read-only rows: the string list underneath would offer editing and dragging.
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return ITEM_FLAGS

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in SERVED_ROLES:
            return None
        if role == ID_ROLE:
            return self.ids[index.row()]
        entry = self.entry(index.row())
        if entry is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.prompt or entry_heading(entry)
        return entry_text(entry)


class JournalEntryList(QWidget):
    requested = Signal(int)

    def __init__(
        self,
        fetch_ids,
        fetch_rows,
        count: Callable[[], int],
        tags: Callable[[], list[str]],
        parent=None,
    ):
        super().__init__(parent)
        self._count = count
        self._tags = tags
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        filters = QGridLayout()
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("journal_tag_filter")
        self.tag_filter.addItem(ALL_TAGS)
        self.text_filter = QLineEdit()
        self.text_filter.setObjectName("journal_text_filter")
        self.text_filter.setPlaceholderText("Words in the title, text or tags…")
        self.text_filter.setClearButtonEnabled(True)
        for row, (caption, field, name) in enumerate(
            (("T&ag:", self.tag_filter, "Show tag"), ("Sea&rch:", self.text_filter, "Search"))
        ):
            label = QLabel(caption)
            label.setBuddy(field)
            field.setAccessibleName(f"{name} (journal entries)")
            filters.addWidget(label, row, 0)
            filters.addWidget(field, row, 1)
        column.addLayout(filters)
        self.model = JournalListModel(fetch_ids, fetch_rows, self)
        self.list = QListView()
        self.list.setObjectName("journal_entries")
        self.list.setAccessibleName("Journal entries, newest first")
        self.list.setAlternatingRowColors(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(True)
        self.list.setStyleSheet("QListView#journal_entries::item { padding: 5px 4px; }")
        self.list.setModel(self.model)
        column.addWidget(self.list, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("journal_count")
        column.addWidget(self.count_label)
        self.tag_filter.currentIndexChanged.connect(self._show)
        self.text_filter.textChanged.connect(self._show)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)

    def reload(self, selected_id: int | None) -> None:
        """Read the entries again (after a change), keeping the filters as they are."""
        tag = self.tag_filter.currentText()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(ALL_TAGS)
        self.tag_filter.addItems([f"#{t}" for t in self._tags()])
        self.tag_filter.setCurrentText(tag if self.tag_filter.findText(tag) >= 0 else ALL_TAGS)
        self.tag_filter.blockSignals(False)
        self._show(selected_id=selected_id)

    def _query(self) -> TableQuery:
        tag = self.tag_filter.currentText()
        return TableQuery(
            "journal",
            filter=None if tag == ALL_TAGS else f"tag:{tag[1:]}",
            text=self.text_filter.text(),
        )

    def _show(self, *_args, selected_id: int | None = None) -> None:
        if selected_id is None:
            selected_id = self.current_id()
        query = self._query()
        self.model.reload(query)
        self.select_id(selected_id)
        shown = self.model.rowCount()
        total = self._count() if query.narrowed else shown
        noun = "entry" if total == 1 else "entries"
        if not total:
            self.count_label.setText("No journal entries yet.")
        elif shown == total:
            self.count_label.setText(f"{total} {noun}")
        else:
            self.count_label.setText(f"{shown} of {total} {noun} shown")

    # -- reading the list ----------------------------------------------------------------
    def count(self) -> int:
        return self.model.rowCount()

    def row_text(self, row: int) -> str:
        return self.model.data(self.model.index(row), Qt.ItemDataRole.DisplayRole)

    def current_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def current_text(self) -> str | None:
        index = self.list.currentIndex()
        return index.data(Qt.ItemDataRole.DisplayRole) if index.isValid() else None

    def select_id(self, entry_id: int | None) -> None:
        """Select without emitting ``requested`` (the page already shows that entry)."""
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        self.list.setCurrentIndex(QModelIndex())
        row = self.model.row_of_id(entry_id)
        if row is not None:
            index = self.model.index(row)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
        selection.blockSignals(False)
        self.list.viewport().update()

    def _on_current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.requested.emit(current.data(ID_ROLE))
