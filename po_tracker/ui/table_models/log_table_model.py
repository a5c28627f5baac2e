"""A table over a whole log of any length. The model holds only the ordered ids that SQL
chose (services/log_tables.py) and fetches the rows on screen in blocks, as Anki's
browser does: opening, sorting and filtering cost one id query, not a full load."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt

from ...services.log_tables import TableQuery
from .entry_table_model import CELL_ROLES, ID_ROLE, Column, ColumnsModel, cell_data

BLOCK = 100


class LogTableModel(ColumnsModel):
    def __init__(
        self,
        columns: Sequence[Column],
        kind: str,
        fetch_ids: Callable[[TableQuery], list[int]],
        fetch_rows: Callable[[list[int]], list],
        count: Callable[[], int],
        parent=None,
    ):
        super().__init__(columns, parent)
        self.query = TableQuery(kind)
        self._fetch_ids = fetch_ids
        self._fetch_rows = fetch_rows
        self._count = count
        self._ids: list[int] = []
        self._loaded = False
        self._rows: dict[int, object] = {}
        self._total = 0

    # -- the query -----------------------------------------------------------------------
    def reload(self, **changes) -> None:
        """Run the query again, with ``changes`` (sort, filter, text, ...) applied."""
        self.beginResetModel()
        self.query = replace(self.query, **changes)
        self._ids = self._fetch_ids(self.query)
        self._loaded = True
        self._rows.clear()
        filtered = bool(self.query.filter or self.query.text.strip() or self.query.skill)
        self._total = self._count() if filtered else len(self._ids)
        self.endResetModel()

    def set_filter(self, text: str = "", key: str | None = None) -> None:
        self.reload(text=text, filter=key)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns):
            key = self.columns[column].sort_key
            if key is None:
                return  # a column SQL cannot sort by
            wanted = (key, order == Qt.SortOrder.DescendingOrder)
        else:
            wanted = (None, False)  # -1 means "unsorted": the log's own order
        if wanted == (self.query.sort, self.query.descending):
            return  # the ids already came in this order
        self.query = replace(self.query, sort=wanted[0], descending=wanted[1])
        # Before the first load (the view sorts as it is set up) the order waits for the
        # query that loads the table: one query instead of two on a page's first visit.
        if self._loaded:
            self._reorder()

    def _reorder(self) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [self._ids[index.row()] for index in persistent]
        self._ids = self._fetch_ids(self.query)
        # Keep the selection on the same entries, not on the same row numbers.
        rows = {entry_id: row for row, entry_id in enumerate(self._ids)}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(rows.get(entry_id, -1), index.column())
                for entry_id, index in zip(held, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    # -- rows ----------------------------------------------------------------------------
    def item(self, row: int):
        entry_id = self._ids[row]
        if entry_id not in self._rows:
            start = row - row % BLOCK
            block = [i for i in self._ids[start : start + BLOCK] if i not in self._rows]
            for found in self._fetch_rows(block):
                self._rows[found.id] = found
        return self._rows.get(entry_id)

    def row_of_id(self, entry_id: int) -> int | None:
        try:
            return self._ids.index(entry_id)
        except ValueError:
            return None

    def total_count(self) -> int:
        return self._total

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in CELL_ROLES:
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        item = self.item(index.row())
        if item is None:  # deleted since the ids were read; the next reload drops it
            return None
        return cell_data(self.columns[index.column()], item, role)
