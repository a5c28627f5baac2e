"""Every page visited and every button on it pressed, on the demo's data: nothing
raises (pytest-qt fails a test on any exception inside Qt's event handling, the way a
traceback would be printed on a user's terminal). Dialogs and file pickers answer
"Cancel" so that the walk goes on."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QMessageBox,
)

from po_tracker.demo import fill_demo_profile
from po_tracker.services.storage.opening import open_logbook
from po_tracker.ui.context import AppContext
from po_tracker.ui.main_window import MainWindow
from po_tracker.ui.navigation import PAGES


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(QDialog, "exec", lambda self: opened.append(type(self).__name__) or 0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    folder = tmp_path / "demo"
    database = open_logbook(folder)
    fill_demo_profile(database, date.today())
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    main.attach(AppContext(database))
    main.opened_dialogs = opened
    yield main
    database.close()
    shutil.rmtree(folder, ignore_errors=True)


def _press_everything(qtbot, window, key) -> int:
    """Each button and each list's first row of page ``key``; the page is shown again
    before each press, since a press may open another page."""
    page = window.page(key)
    buttons = [b for b in page.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()]
    views = [v for v in page.findChildren(QAbstractItemView) if v.isVisible()]
    for button in buttons:
        window.show_page(key)
        if button.isVisible() and button.isEnabled():
            button.click()
    for view in views:
        window.show_page(key)
        if view.isVisible() and view.model() is not None and view.model().rowCount() > 0:
            rect = view.visualRect(view.model().index(0, 0))
            if rect.isValid():
                qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return len(buttons) + len(views)


@pytest.mark.parametrize("key", [spec.key for spec in PAGES])
def test_visiting_a_page_and_pressing_its_buttons_raises_nothing(qtbot, window, key):
    window.show_page(key)
    page = window.page(key)
    qtbot.waitExposed(page)
    assert _press_everything(qtbot, window, key) > 0
    window.show_page("dashboard")  # and back: the page is left without complaint
    window.show_page(key)
