"""An unexpected error in the window is one sentence for the user and a crash report in
the data folder, never a traceback, and the window goes on."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from po_tracker.ui import crash_handler


class _Button(QObject):
    clicked = Signal()


def test_an_error_in_a_slot_is_reported_and_saved(qtbot, tmp_path, monkeypatch, capfd):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    handler = crash_handler.install(tmp_path)
    button = _Button()

    def broken():
        raise RuntimeError("the forced failure")

    button.clicked.connect(broken)
    button.clicked.emit()
    qtbot.waitUntil(lambda: handler.shown == 1)
    (report,) = (tmp_path / "crash-reports").iterdir()
    assert "RuntimeError: the forced failure" in report.read_text()
    assert "Traceback" in report.read_text()
    assert oct(report.stat().st_mode & 0o777) == oct(0o600)
    assert len(shown) == 1 and "the forced failure" in shown[0] and str(report) in shown[0]
    assert "Traceback" not in capfd.readouterr().err


def test_an_error_in_a_background_thread_reaches_the_user(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    handler = crash_handler.install(tmp_path)

    def work():
        raise ValueError("off the UI thread")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: handler.shown == 1)
    assert "off the UI thread" in shown[0]
