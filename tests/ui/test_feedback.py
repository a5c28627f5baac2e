"""In-window feedback: after an add or a delete the window's toast says what happened,
its Undo button takes it back (then offers Redo), and a delete asks no Yes/No first."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from po_tracker.services.logbook import training
from po_tracker.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, context, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or 0)
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1100, 700)
    main.show()
    main.attach(context)
    main.asked = asked
    return main


def _stored(context):
    with context.reading() as session:
        return [t.title for t in training.list_all(session)]


def _add_training(qtbot, window, fill_dialog, title: str):
    def fill(dialog):
        dialog.title.setText(title)
        dialog.hours.setValue(3)
        dialog.start.set_value(date(2025, 5, 1))

    fill_dialog(fill)
    window.show_page("training")
    window.page("training").add_entry()
    qtbot.waitUntil(lambda: window.toast.isVisible())


def test_the_toast_says_what_was_added_and_its_undo_undoes(qtbot, window, context, fill_dialog):
    _add_training(qtbot, window, fill_dialog, "Story mapping")
    assert window.toast.text() == "Added training."
    assert window.toast.action_button.text() == "Undo"
    qtbot.mouseClick(window.toast.action_button, Qt.MouseButton.LeftButton)
    assert _stored(context) == []
    qtbot.waitUntil(lambda: window.toast.action_button.text() == "Redo")
    assert window.toast.text().startswith("Undone: ")
    qtbot.mouseClick(window.toast.action_button, Qt.MouseButton.LeftButton)
    assert _stored(context) == ["Story mapping"]


def test_delete_asks_nothing_and_the_toasts_undo_brings_it_back(
    qtbot, window, context, fill_dialog
):
    _add_training(qtbot, window, fill_dialog, "Impact mapping")
    page = window.page("training")
    page.delete_selected()
    assert window.asked == [] and _stored(context) == []
    qtbot.waitUntil(lambda: window.toast.text() == "Deleted training “Impact mapping”.")
    toast_box = window.toast.geometry()
    assert window.centralWidget().rect().contains(toast_box)  # inside the window, not cut
    qtbot.mouseClick(window.toast.action_button, Qt.MouseButton.LeftButton)
    assert _stored(context) == ["Impact mapping"]
