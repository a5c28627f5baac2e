"""Run something once the window has painted its next frame. A zero-delay timer set
before ``show()`` fires before the first paint under X11, so work started that way (the
logbook, the ORM) would delay the first frame; this waits for the paint itself. The
start uses it twice: after the first frame, and after the frame showing the start view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


class _AfterNextPaint(QObject):
    def __init__(self, window, action: Callable[[], object]):
        super().__init__(window)
        self.window = window
        self.action = action
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and watched.isWidgetType()
            and watched.window() is self.window
        ):
            QApplication.instance().removeEventFilter(self)
            # After this paint has been flushed to the screen, and after anything else
            # that waited for it (the start-up probe's clock), not inside it.
            action = self.action
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, action))
            self.deleteLater()
        return False


def after_next_paint(window, action: Callable[[], object]) -> None:
    _AfterNextPaint(window, action)
