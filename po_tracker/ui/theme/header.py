"""The header every page opens with: its title, one line saying what the page is for,
and the page's primary action on the right."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from . import tokens


def scaled_font(widget: QWidget, scale: float, bold: bool = False):
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


class PageHeader(QWidget):
    def __init__(self, title: str, purpose: str, action=None, parent=None):
        super().__init__(parent)
        self.setObjectName("page_header")
        self.title = QLabel(title)
        self.title.setObjectName("page_title")
        self.title.setFont(scaled_font(self.title, tokens.TITLE_SCALE, bold=True))
        self.purpose = QLabel(purpose)
        self.purpose.setObjectName("page_purpose")
        self.purpose.setWordWrap(True)
        self.purpose.setFont(scaled_font(self.purpose, tokens.CAPTION_SCALE))
        self.purpose.setForegroundRole(self.purpose.foregroundRole())
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.title)
        words.addWidget(self.purpose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(tokens.GAP)
        row.addLayout(words, 1)
        self.action = action
        if action is not None:
            row.addWidget(action)
