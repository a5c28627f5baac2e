"""Building blocks of the dashboard: titled cards and lists whose rows open the place
where the user would act."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout


class Card(QGroupBox):
    def __init__(self, title: str, parent=None):
        super().__init__(title, parent)
        self.setObjectName(title.lower().replace(" ", "_") + "_card")
        self.body = QVBoxLayout(self)


class LinkList(QListWidget):
    """Rows that carry a target (page key, argument); Enter or a click opens it."""

    opened = Signal(str, object)

    def __init__(self, accessible_name: str, empty_text: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.empty_text = empty_text
        # One line a row, cut with "…" and whole in the tooltip: rows keep one height, so
        # the list can size itself to show every row.
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setUniformItemSizes(True)
        self.itemActivated.connect(self._open)
        self.itemClicked.connect(self._open)

    def set_rows(self, rows) -> None:
        """``rows``: (text, page key or None, argument)."""
        self.clear()
        for text, page, argument in rows:
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, (page, argument))
            if page is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.addItem(item)
        if not rows:
            item = QListWidgetItem(self.empty_text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)
        # Show every row without an inner scroll bar where there are few.
        height = self.sizeHintForRow(0) * self.count() + 2 * self.frameWidth() + 4
        self.setMaximumHeight(max(height, 40))
        self.setMinimumHeight(min(height, 220))

    def _open(self, item: QListWidgetItem) -> None:
        page, argument = item.data(Qt.ItemDataRole.UserRole) or (None, None)
        if page:
            self.opened.emit(page, argument)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label
