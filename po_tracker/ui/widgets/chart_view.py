"""One chart on screen, as a picture rendered off the UI thread.

matplotlib draws with its Agg backend in a background job, at the widget's size in
device pixels, so the picture is as sharp as a live canvas while the window never waits
for a chart: not when it is first shown, not while the window is resized (the picture
is drawn again once the resize settles). A PNG, it can also be kept in the start view
(``services.start_view``) and shown at the next start without loading matplotlib.

The chart follows the window's palette (the dark theme on a dark window); exports use
the light theme whatever the screen shows (see ``chart_export``). Charts are designed
for a slide (10 x 6 in on the Charts page); a smaller widget lowers the dots per inch
instead of shrinking the figure in inches, so the layout is kept and the text scales
down with it, rather than labels piling onto each other.
"""

from __future__ import annotations

import io
import threading
import time
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ...charts.theme import DARK, LIGHT, Theme

SCREEN_DPI = 100.0
MIN_DPI = 40.0
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
# A new size is drawn once the user has stopped resizing the window for this long.
RESIZE_SETTLE_MS = 250
# One figure is never drawn by two jobs at once (a resize during a first draw).
_RENDER_LOCK = threading.Lock()


def palette_theme(widget: QWidget) -> Theme:
    """DARK when the window's background is dark, else LIGHT."""
    return DARK if widget.palette().window().color().lightness() < 128 else LIGHT


def fit_dpi(width: int, height: int, design: tuple[float, float]) -> float:
    """The dpi at which a chart designed for ``design`` inches fills ``width`` x
    ``height`` logical pixels: at most the screen's, lowered for a smaller widget."""
    return max(min(SCREEN_DPI, width / design[0], height / design[1]), MIN_DPI)


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


def build_figure(name: str, data, request: RenderRequest):
    from ...charts import registry

    return registry.build(name, data, theme=request.theme, size=request.design)


def render_figure(figure, request: RenderRequest) -> bytes:
    """``figure`` as a PNG of exactly the requested size in device pixels."""
    base = fit_dpi(request.width, request.height, request.design)
    buffer = io.BytesIO()
    with _RENDER_LOCK:
        figure.set_size_inches(request.width / base, request.height / base)
        figure.savefig(buffer, format="png", dpi=base * request.pixel_ratio)
    return buffer.getvalue()


def render_png(name: str, data, request: RenderRequest) -> bytes:
    return render_figure(build_figure(name, data, request), request)


class ChartView(QLabel):
    """Shows one chart's picture. ``resized`` asks for a new picture once a resize has
    settled; ``clicked`` (on a click, Enter or Space) when ``clickable``, as the
    dashboard's small charts are."""

    clicked = Signal()
    resized = Signal()

    def __init__(self, design=(8.0, 4.8), *, clickable: bool = False, parent=None):
        super().__init__("Drawing the chart…", parent)
        self.setObjectName("chart_view")
        self.design = design
        self.clickable = clickable
        self.figure = None  # the figure shown, when this view built it (Charts page)
        self.name: str | None = None
        self.render_ms: float | None = None  # building and drawing, off the UI thread
        self.shown_as: tuple | None = None  # (request key, data state) of the picture
        self.drawn = False  # a picture or a message is on screen, not the placeholder
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        # The layout gives the size; the picture follows it, never the other way round.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        if clickable:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            # A QLabel draws no focus frame: keyboard users must see where they are.
            self.setStyleSheet(
                "ChartView { border: 2px solid transparent; }"
                " ChartView:focus { border-color: palette(highlight); }"
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

    def show_png(self, png: bytes, key: str, state=None) -> bool:
        pixmap = QPixmap()
        if not pixmap.loadFromData(png, "PNG"):
            self.show_message("The chart could not be shown.")
            return False
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.setPixmap(pixmap)
        self.shown_as = (key, state)
        self.drawn = True
        return True

    def show_figure(self, name: str, figure, png: bytes, key: str, started: float) -> None:
        """A chart this view's page built and rendered (``started``: perf_counter when
        its job began)."""
        self.figure, self.name = figure, name
        self.show_png(png, key)
        self.render_ms = (time.perf_counter() - started) * 1000

    def show_message(self, text: str) -> None:
        """Text instead of a chart (nothing to draw, or it failed)."""
        self.figure = None
        self.setText(text)
        self.shown_as = None
        self.drawn = True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.shown_as is not None and event.size() != event.oldSize():
            self._settle.start()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        # Light or dark now: the picture's theme is part of its request key, so the
        # page asked to draw again draws it in the new colours.
        if event.type() == QEvent.Type.PaletteChange and self.shown_as is not None:
            self._settle.start()

    def mouseReleaseEvent(self, event) -> None:
        if self.clickable and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if self.clickable and event.key() in OPEN_KEYS:
            self.clicked.emit()
            return
        super().keyPressEvent(event)
