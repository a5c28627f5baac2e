"""The entries a long table or list shows, by row: the ordered ids SQL chose, and the
entries themselves fetched by id a block at a time as they come on screen."""

from __future__ import annotations

from collections.abc import Callable

# Rows fetched in one query. Fifty covers a screenful and the fifty rows a table fits its
# columns to; a hundred doubled what a page's first paint waits for (training: 17 ms).
BLOCK = 50


class RowCache:
    def __init__(self, fetch_rows: Callable[[list[int]], list]):
        self._fetch_rows = fetch_rows
        self.ids: list[int] = []
        self._rows: dict[int, object] = {}

    def reset(self, ids: list[int]) -> None:
        """New ids from a new query: the entries are read again when shown."""
        self.ids = ids
        self._rows.clear()

    def reorder(self, ids: list[int]) -> None:
        """The same entries in another order: those already read are kept."""
        self.ids = ids

    def entry(self, row: int):
        """The entry at ``row`` (None if deleted since the ids were read), with the rest of
        its block fetched in the same query."""
        entry_id = self.ids[row]
        if entry_id not in self._rows:
            start = row - row % BLOCK
            block = [i for i in self.ids[start : start + BLOCK] if i not in self._rows]
            for found in self._fetch_rows(block):
                self._rows[found.id] = found
        return self._rows.get(entry_id)

    def row_of_id(self, entry_id: int | None) -> int | None:
        if entry_id is None:
            return None  # nothing chosen: no need to compare it with every id
        try:
            return self.ids.index(entry_id)
        except ValueError:
            return None
