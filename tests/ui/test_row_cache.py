"""The entries a long table shows: fetched by id a block at a time, as they are shown."""

from __future__ import annotations

from dataclasses import dataclass

from po_tracker.ui.table_models.row_cache import BLOCK, RowCache


@dataclass
class Entry:
    id: int


def test_entries_come_a_block_at_a_time_and_survive_a_reorder():
    asked = []

    def fetch(ids):
        asked.append(list(ids))
        return [Entry(i) for i in ids if i != 5]  # 5 was deleted since the ids were read

    cache = RowCache(fetch)
    cache.reset(list(range(100, 100 + 3 * BLOCK)))
    assert [cache.entry(row).id for row in (0, 1, BLOCK - 1)] == [100, 101, 100 + BLOCK - 1]
    assert asked == [list(range(100, 100 + BLOCK))]
    cache.reorder(list(reversed(cache.ids)))
    assert cache.entry(3 * BLOCK - 1).id == 100  # already read: no query
    assert len(asked) == 1
    assert cache.row_of_id(100) == 3 * BLOCK - 1 and cache.row_of_id(5) is None
    cache.reset([5, 6])
    assert cache.entry(0) is None and cache.entry(1).id == 6
