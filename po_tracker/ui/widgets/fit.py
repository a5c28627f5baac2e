"""Windows that fit the screen they open on: a dialog never taller or wider than the
screen's free area (a small laptop, 150 % scale), and a restored main window brought
back inside the screen when the saved geometry came from a larger one."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left for the window's frame and title bar, which the geometry does not include.
FRAME_ALLOWANCE = QSize(16, 48)


def available_area(widget: QWidget) -> QRect:
    """The screen's free area (without panels and docks) where ``widget`` opens."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() if anchor.isVisible() else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fitting_size(wanted: QSize, area: QRect) -> QSize:
    return QSize(
        min(wanted.width(), area.width() - FRAME_ALLOWANCE.width()),
        min(wanted.height(), area.height() - FRAME_ALLOWANCE.height()),
    )


def fit_to_screen(widget: QWidget) -> None:
    """Shrink ``widget`` (its current size) to the screen and move it fully onto it; a
    window that fits is left where it is."""
    area = available_area(widget)
    geometry = widget.geometry()
    fitted = clamp_into(geometry, area)
    if fitted != geometry:
        widget.setGeometry(fitted)


class FitsScreen:
    """Mixin for a dialog: every time it opens, it fits the screen it opens on (a
    dialog's buttons never end up below the screen's edge)."""

    def showEvent(self, event) -> None:
        super().showEvent(event)
        fit_to_screen(self)


def clamp_into(geometry: QRect, area: QRect) -> QRect:
    """``geometry`` made to fit ``area``: no larger than it, and moved fully inside."""
    size = fitting_size(geometry.size(), area)
    left = min(max(geometry.left(), area.left()), area.right() - size.width() + 1)
    top = min(max(geometry.top(), area.top()), area.bottom() - size.height() + 1)
    return QRect(left, top, size.width(), size.height())
