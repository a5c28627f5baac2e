"""A table over a whole log of any length. The model holds only the ordered ids that SQL
chose (services/log_tables.py) and fetches the rows on screen in blocks, as Anki's
browser does: opening, sorting and filtering cost one id query, not a full load."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt

from ...services.logbook.log_tables import TableQuery
from .entry_table_model import CELL_ROLES, ID_ROLE, Column, ColumnsModel, cell_data
from .row_cache import RowCache


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
        self._count = count
        self._cache = RowCache(fetch_rows)
        self._loaded = False
        self._total = 0

    # -- the query -----------------------------------------------------------------------
    def reload(self, **changes) -> None:
        """Run the query again, with ``changes`` (sort, filter, text, ...) applied."""
        self.beginResetModel()
        self.query = replace(self.query, **changes)
        self._cache.reset(self._fetch_ids(self.query))
        self._loaded = True
        self._total = self._count() if self.query.narrowed else len(self._cache.ids)
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
        held = [self._cache.ids[index.row()] for index in persistent]
        self._cache.reorder(self._fetch_ids(self.query))
        # Keep the selection on the same entries, not on the same row numbers.
        rows = {entry_id: row for row, entry_id in enumerate(self._cache.ids)}
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
        return self._cache.entry(row)

    def row_of_id(self, entry_id: int) -> int | None:
        return self._cache.row_of_id(entry_id)

    def total_count(self) -> int:
        return self._total

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cache.ids)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in CELL_ROLES:
            return None
        if role == ID_ROLE:
            return self._cache.ids[index.row()]
        item = self.item(index.row())
        if item is None:  # deleted since the ids were read; the next reload drops it
            return None
        return cell_data(self.columns[index.column()], item, role)
