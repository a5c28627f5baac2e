"""A chart's numbers as a read-only table, for screen-reader users and for copying:
Ctrl+C (the platform's Copy key) copies the selected cells as tab-separated text, which
pastes into a spreadsheet as cells."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

NUMBER_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class NumbersTable(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("chart_numbers")
        self.setAccessibleName("Chart numbers")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.table: tuple[tuple, list[tuple]] = ((), [])

    def all_text(self) -> str:
        """The whole table with its header row, tab-separated (Copy table)."""
        headers, rows = self.table
        lines = ["\t".join(headers)]
        lines += ["\t".join(cell_text(value) for value in row) for row in rows]
        return "\n".join(lines)

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.all_text())

    def set_table(self, headers, rows) -> None:
        self.table = (tuple(headers), [tuple(row) for row in rows])
        self.clear()
        self.setColumnCount(len(headers))
        self.setRowCount(len(rows))
        self.setHorizontalHeaderLabels(list(headers))
        for r, row in enumerate(rows):
            for c in range(len(headers)):
                value = row[c] if c < len(row) else None
                item = QTableWidgetItem(cell_text(value))
                if isinstance(value, int | float):
                    item.setTextAlignment(NUMBER_ALIGN)
                self.setItem(r, c, item)
        self.resizeColumnsToContents()

    def selected_text(self) -> str:
        """The selection as rows of tab-separated cells; the header row comes first when
        whole rows are selected, so a pasted table keeps its column names."""
        indexes = self.selectedIndexes()
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        lines = []
        if len(cols) == self.columnCount():
            lines.append("\t".join(self.horizontalHeaderItem(c).text() for c in cols))
        for r in rows:
            cells = [self.item(r, c).text() if (r, c) in chosen else "" for c in cols]
            lines.append("\t".join(cells))
        return "\n".join(lines)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self.selected_text())
            return
        super().keyPressEvent(event)
