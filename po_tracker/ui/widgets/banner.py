"""A banner across the top of the window for a lasting state (this is the demo; the
logbook was restored): one sentence and at most one button, in the highlight colour's
soft tint so it reads as information, not as an error."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from ..theme import tokens


class Banner(QFrame):
    def __init__(self, text: str, action: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setStyleSheet(
            "QFrame#banner { background: palette(highlight); }"
            " QFrame#banner QLabel { color: palette(highlighted-text); font-weight: 600; }"
        )
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(tokens.GAP, tokens.SPACE, tokens.GAP, tokens.SPACE)
        row.setSpacing(tokens.GAP)
        row.addWidget(self.label, 1)
        self.button = QPushButton(action) if action else None
        if self.button is not None:
            row.addWidget(self.button)
