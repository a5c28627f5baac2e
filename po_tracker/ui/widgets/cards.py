"""Building blocks of the dashboard: cards (one frame, a title, a body) and lists whose
rows open the place where the user would act, optionally with a status chip (a colour
and a word, never the colour alone)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ..theme import tokens
from ..theme.header import scaled_font


class Card(QFrame):
    """A titled panel: one rounded frame on the base colour, nothing framed inside."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName(title.lower().replace(" ", "_") + "_card")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(tokens.GAP, tokens.SPACE + tokens.TIGHT, tokens.GAP, tokens.SPACE)
        outer.setSpacing(tokens.SPACE)
        self.heading = QLabel(title)
        self.heading.setObjectName("card_title")
        self.heading.setFont(scaled_font(self.heading, tokens.SECTION_SCALE, bold=True))
        outer.addWidget(self.heading)
        self.body = QVBoxLayout()
        self.body.setSpacing(tokens.TIGHT)
        outer.addLayout(self.body, 1)

    def title(self) -> str:
        return self.heading.text()

    def paintEvent(self, event) -> None:
        # Drawn here rather than by a style sheet: the start view builds six cards, and
        # a style sheet each would cost it a few milliseconds apiece.
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.setBrush(self.palette().base())
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)


def status_icon(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class LinkList(QListWidget):
    """Rows that carry a target (page key, argument); Enter or a click opens it."""

    opened = Signal(str, object)

    def __init__(self, accessible_name: str, empty_text: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.empty_text = empty_text
        self.max_rows = 8
        # Part of its card: no frame of its own, the card's colour behind it.
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)  # the card's colour shows through
        # One line a row, cut with "…" and whole in the tooltip; never a sideways scroll.
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
        self.itemActivated.connect(self._open)
        self.itemClicked.connect(self._open)

    def set_rows(self, rows, statuses=None) -> None:
        """``rows``: (text, page key or None, argument); ``statuses``: a status key of
        ``theme.tokens.STATUSES`` per row, shown as a coloured dot and a word."""
        from ..theme.appearance import is_dark

        self.clear()
        dark = is_dark(self.palette())
        rows = list(rows)[: self.max_rows]  # a card shows the first few, never a scroll bar
        for index, (text, page, argument) in enumerate(rows):
            status = statuses[index] if statuses and index < len(statuses) else None
            shown = f"{tokens.STATUSES[status].word} · {text}" if status else text
            item = QListWidgetItem(shown)
            item.setToolTip(shown)
            if status:
                item.setIcon(status_icon(tokens.status_colour(status, dark)))
            item.setData(Qt.ItemDataRole.UserRole, (page, argument))
            if page is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.addItem(item)
        if not rows:
            item = QListWidgetItem(self.empty_text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setForeground(self.palette().placeholderText())
            self.addItem(item)
        self.setCursor(Qt.CursorShape.PointingHandCursor if rows else Qt.CursorShape.ArrowCursor)
        row = self.sizeHintForRow(0) + 2 * self.spacing()
        height = row * self.count() + 2 * self.frameWidth() + 2
        self.setFixedHeight(max(height, 24))

    def _open(self, item: QListWidgetItem) -> None:
        page, argument = item.data(Qt.ItemDataRole.UserRole) or (None, None)
        if page:
            self.opened.emit(page, argument)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label
