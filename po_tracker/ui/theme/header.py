"""The header every page opens with: its title, one line saying what the page is for,
and the page's primary action on the right, with its icon (``icons``; the icon arrives
with the icon font, a moment after the first frame, and follows light and dark)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from . import icons, tokens


def scaled_font(widget: QWidget, scale: float, bold: bool = False):
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


class PageHeader(QWidget):
    def __init__(self, title: str, purpose: str, action=None, parent=None, icon: str = ""):
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
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(tokens.GAP)
        self._row.addLayout(words, 1)
        self.action = None
        self.icon_name = ""
        self.set_action(action, icon)

    def set_action(self, action, icon: str = "") -> None:
        """Make ``action`` (a button) the page's primary action, ``icon`` a name of
        ``icons.GLYPHS``; the one it replaces is hidden."""
        if self.action is not None and self.action is not action:
            self._row.removeWidget(self.action)
            self.action.hide()
        self.action, self.icon_name = action, icon
        if action is not None:
            self._row.addWidget(action)
            self.apply_icon()

    def apply_icon(self, palette=None) -> None:
        """Again after a switch between light and dark (with the window's new palette:
        the button's own may not have changed yet); nothing until the font loads."""
        if self.action is not None and self.icon_name and icons.ready():
            palette = palette or self.action.palette()
            self.action.setIcon(icons.icon(self.icon_name, palette))
