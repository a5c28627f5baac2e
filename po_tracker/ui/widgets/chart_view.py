"""One chart on screen: a matplotlib figure in a FigureCanvasQTAgg.

matplotlib is imported when the first chart is shown, never on the start-up path. The
chart follows the window's palette (the dark theme on a dark window); exports use the
light theme whatever the screen shows (see ``chart_export``).

The charts are designed for a 10 x 6 in slide. A canvas smaller than that lowers the
figure's dots per inch instead of shrinking the figure in inches: the chart keeps its
layout and its text scales down with it, rather than labels piling onto each other.
"""

from __future__ import annotations

import time
from functools import cache

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...charts import registry
from ...charts.theme import DARK, LIGHT, Theme

SCREEN_DPI = 100.0
MIN_DPI = 40.0
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


def palette_theme(widget: QWidget) -> Theme:
    """DARK when the window's background is dark, else LIGHT."""
    return DARK if widget.palette().window().color().lightness() < 128 else LIGHT


def fit_dpi(width: int, height: int, design: tuple[float, float]) -> float:
    """The dpi at which a chart designed for ``design`` inches fills ``width`` x
    ``height`` logical pixels: at most the screen's, lowered for a smaller widget."""
    return max(min(SCREEN_DPI, width / design[0], height / design[1]), MIN_DPI)


@cache
def _canvas_class():
    import os

    os.environ.setdefault("MPLBACKEND", "Agg")  # the canvas is Qt; pyplot is never used
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    class ScaledCanvas(FigureCanvasQTAgg):
        """A canvas that keeps at least ``design`` inches of figure by lowering the dpi."""

        def __init__(self, figure, design: tuple[float, float]):
            self.design = design
            super().__init__(figure)

        def resizeEvent(self, event) -> None:
            self._fit_dpi(event.size().width(), event.size().height())
            super().resizeEvent(event)

        def _fit_dpi(self, width: int, height: int) -> None:
            if width <= 0 or height <= 0:
                return
            base = fit_dpi(width, height, self.design)
            # The Qt backend multiplies _original_dpi by the screen's pixel ratio.
            self.figure._original_dpi = base
            self.figure.dpi = base * self.device_pixel_ratio

    return ScaledCanvas


class ChartView(QWidget):
    """Shows one chart. ``show_chart(name, data)`` builds and draws it; ``clicked`` is
    emitted on a click or Enter when ``clickable`` (the dashboard's small charts)."""

    clicked = Signal()

    def __init__(self, design=(8.0, 4.8), *, clickable: bool = False, parent=None):
        super().__init__(parent)
        self.setObjectName("chart_view")
        self.design = design
        self.clickable = clickable
        self.canvas = None
        self.figure = None
        self.name: str | None = None
        self.render_ms: float | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel("Drawing the chart…")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addWidget(self.placeholder)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        if clickable:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_message(self, text: str) -> None:
        """Text instead of a chart (nothing to draw, or it failed)."""
        if self.canvas is not None:
            self.layout_.removeWidget(self.canvas)
            self.canvas.deleteLater()
            self.canvas = self.figure = None
        self.placeholder.setText(text)
        self.placeholder.show()

    def show_chart(self, name: str, data, theme: Theme | None = None) -> None:
        """Build chart ``name`` from ``data`` in the window's theme; it is drawn at the
        next paint. ``render_ms`` is the build time."""
        started = time.perf_counter()
        theme = theme or palette_theme(self)
        figure = registry.build(name, data, theme=theme, size=self.design)
        canvas = _canvas_class()(figure, self.design)
        canvas.setAccessibleName(f"{name} chart")
        canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if self.clickable:
            canvas.installEventFilter(self)
        self._swap(canvas)
        canvas._fit_dpi(max(self.width(), 1), max(self.height(), 1))
        figure.set_size_inches(*self._size_inches(canvas), forward=False)
        # Drawn once, at the next paint: an explicit draw here was repeated by the resize
        # that showing the canvas causes.
        canvas.draw_idle()
        self.figure, self.name = figure, name
        self.render_ms = (time.perf_counter() - started) * 1000

    def _size_inches(self, canvas=None) -> tuple[float, float]:
        """The figure size that fills this widget at the canvas's dpi, so the first
        draw already has the final layout and a resize does not draw it twice."""
        if canvas is None:
            return self.design
        base = canvas.figure._original_dpi
        return max(self.width(), 1) / base, max(self.height(), 1) / base

    def _swap(self, canvas) -> None:
        old = self.canvas
        self.placeholder.hide()
        self.layout_.addWidget(canvas)
        canvas.show()  # now, not on the next event loop pass, so no frame shows both
        self.canvas = canvas
        if old is not None:
            self.layout_.removeWidget(old)
            old.hide()
            old.figure.clear()
            old.deleteLater()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.canvas and event.type() == QEvent.Type.MouseButtonRelease:
            self.clicked.emit()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:
        if self.clickable and event.key() in OPEN_KEYS:
            self.clicked.emit()
            return
        super().keyPressEvent(event)
