"""The window's one handler for what nobody expected: an exception that escapes a slot or
a background thread is saved as a crash report in the data folder and told to the user
in one sentence, and the window goes on (Qt keeps running after a failed slot)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from ..crash_report import save

_installed: _CrashHandler | None = None


class _CrashHandler(QObject):
    # Errors from other threads reach the UI thread through a queued signal.
    raised = Signal(object)

    def __init__(self, data_dir: Path):
        super().__init__()
        self.data_dir = Path(data_dir)
        self.raised.connect(self._tell, Qt.ConnectionType.QueuedConnection)
        self.shown = 0

    def excepthook(self, kind, error, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        error = error if error is not None else kind()
        error.__traceback__ = tb
        self.raised.emit(error)

    def _tell(self, error: BaseException) -> None:
        report = save(self.data_dir, error)
        where = f"The details are saved in {report}." if report else "No report could be saved."
        self.shown += 1
        QMessageBox.critical(
            QApplication.activeWindow(),
            "Something went wrong",
            f"An unexpected error stopped that step ({type(error).__name__}: {error}). "
            f"Your entries already saved are safe. {where}",
        )


def install(data_dir: Path) -> _CrashHandler:
    """From now on, every uncaught exception of the window goes to the handler."""
    global _installed
    handler = _CrashHandler(data_dir)
    sys.excepthook = handler.excepthook
    threading.excepthook = lambda args: handler.excepthook(
        args.exc_type, args.exc_value, args.exc_traceback
    )
    _installed = handler  # kept alive with the application
    return handler
