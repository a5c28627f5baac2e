"""Table cells cut short with "…" show their whole text as a tooltip; cells shown whole
show none (a tooltip that repeats what is on screen is noise)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QToolTip

PADDING = 8  # the style's margins inside a cell


class ElidedTipDelegate(QStyledItemDelegate):
    def helpEvent(self, event, view, option, index) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text and option.fontMetrics.horizontalAdvance(str(text)) > (
                option.rect.width() - PADDING
            ):
                QToolTip.showText(event.globalPos(), str(text), view)
                return True
        return super().helpEvent(event, view, option, index)
