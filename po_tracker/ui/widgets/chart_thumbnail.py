"""A small chart shown as a picture: the dashboard's charts, which open the full chart on
the Charts page when clicked.

The picture is rendered off the UI thread (matplotlib's Agg, no Qt), at the widget's
size in device pixels, so it is as sharp as a live canvas; and it is a PNG, so the
dashboard can keep it in the start view and show it at the next start without loading
matplotlib at all (``services.start_view``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy

from ...charts.theme import Theme
from .chart_view import OPEN_KEYS, fit_dpi, palette_theme

# A new size is drawn once the user has stopped resizing the window for this long.
RESIZE_SETTLE_MS = 250


@dataclass(frozen=True)
class RenderRequest:
    """A picture of a given size: all a background job needs, without any Qt object."""

    width: int  # logical pixels
    height: int
    pixel_ratio: float
    theme: Theme
    design: tuple[float, float]

    @property
    def key(self) -> str:
        return f"{self.width}x{self.height}@{self.pixel_ratio:g}:{self.theme.name}"


def render_png(name: str, data, request: RenderRequest) -> bytes:
    """Chart ``name`` drawn as a PNG of exactly the requested size in device pixels.
    Laid out as on the Charts page: designed for ``design`` inches, the dpi lowered to
    fit rather than the layout squeezed."""
    from ...charts import registry

    base = fit_dpi(request.width, request.height, request.design)
    figure = registry.build(name, data, theme=request.theme, size=request.design)
    figure.set_size_inches(request.width / base, request.height / base)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=base * request.pixel_ratio)
    return buffer.getvalue()


class ChartThumbnail(QLabel):
    """``clicked`` on a click or Enter; ``resized`` once a resize has settled, when the
    picture no longer fits and should be drawn again."""

    clicked = Signal()
    resized = Signal()

    def __init__(self, design=(8.0, 4.8), parent=None):
        super().__init__("Drawing the chart…", parent)
        self.design = design
        self.shown_as: tuple | None = None  # (request key, data state) of the picture
        self.drawn = False  # a picture or a message is on screen, no longer the placeholder
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The layout gives the width; the picture follows it, never the other way round.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # A QLabel draws no focus frame of its own: keyboard users must see where they are.
        self.setStyleSheet(
            "ChartThumbnail { border: 2px solid transparent; }"
            " ChartThumbnail:focus { border-color: palette(highlight); }"
        )
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(RESIZE_SETTLE_MS)
        self._settle.timeout.connect(self.resized.emit)

    def request(self) -> RenderRequest:
        inside = self.contentsRect()
        return RenderRequest(
            max(inside.width(), 1),
            max(inside.height(), 1),
            self.devicePixelRatioF(),
            palette_theme(self),
            self.design,
        )

    def shows(self, key: str, state) -> bool:
        return self.shown_as == (key, state)

    def show_png(self, png: bytes, key: str, state) -> bool:
        pixmap = QPixmap()
        if not pixmap.loadFromData(png, "PNG"):
            self.show_message("The chart could not be shown.")
            return False
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.setPixmap(pixmap)
        self.shown_as = (key, state)
        self.drawn = True
        return True

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.shown_as = None
        self.drawn = True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.shown_as is not None and event.size() != event.oldSize():
            self._settle.start()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in OPEN_KEYS:
            self.clicked.emit()
            return
        super().keyPressEvent(event)
