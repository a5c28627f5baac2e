"""Table columns that fit the window: every column but the main one as wide as its text
(judged on the rows in view, so a long log costs no more than a short one) but at most
``COLUMN_CAP`` pixels, cut with "…" and whole in a tooltip beyond that; the main column
(a title or a name) takes the rest. A long provider's name no longer pushes the table
sideways on a small screen."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

from ..table_models.row_cache import BLOCK

COLUMN_CAP = 200
MAIN_SHARE = 0.35  # the main column keeps at least this share of the table's width
NARROWEST = 90  # a wide column is never squeezed below this; dates and numbers are left be
# Rows judged, from the first in view: a screenful. Qt's own sizeHintForColumn reads up to
# 1,000 rows, and every row of a table not on screen yet (the other tab of a page), which
# made a log's first visit fetch every entry. As many as the table reads in one query: ten
# rows more cost a second query on every first visit (a block of wins with their links).
JUDGED_ROWS = BLOCK


def setup_columns(table: QTableView, stretch_column: int) -> None:
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)


def fit_columns(table: QTableView, stretch_column: int, cap: int = COLUMN_CAP) -> None:
    model = table.model()
    header = table.horizontalHeader()
    widths = {}
    for column in range(model.columnCount()):
        if column == stretch_column or header.isSectionHidden(column):
            continue
        wanted = max(_content_width(table, column), header.sectionSizeHint(column))
        widths[column] = min(wanted, cap)
    for column, width in _share(widths, table.viewport().width()).items():
        header.resizeSection(column, width)


def _content_width(table: QTableView, column: int) -> int:
    """What ``sizeHintForColumn`` gives, judged on the rows in view only."""
    model = table.model()
    first = max(table.rowAt(0), 0)
    rows = range(first, min(model.rowCount(), first + JUDGED_ROWS))
    hints = (table.sizeHintForIndex(model.index(row, column)).width() for row in rows)
    return max(hints, default=0) + (1 if table.showGrid() else 0)


def _share(widths: dict[int, int], available: int) -> dict[int, int]:
    """On a narrow table, the wide columns give up width (in proportion to what they
    have above ``NARROWEST``) until the main column has its share."""
    room = available * (1 - MAIN_SHARE)
    excess = sum(widths.values()) - room
    flexible = {c: w - NARROWEST for c, w in widths.items() if w > NARROWEST}
    if excess <= 0 or not flexible:
        return widths
    ratio = max(0.0, 1 - excess / sum(flexible.values()))
    return {
        c: NARROWEST + int(flexible[c] * ratio) if c in flexible else w for c, w in widths.items()
    }
