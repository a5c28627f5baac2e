"""Help: the guide, the keyboard shortcuts (read from the window's own actions) and
About with the versions and the data folder."""

from __future__ import annotations

import sqlite3

from po_tracker import __version__
from po_tracker.ui.dialogs.help_dialogs import AboutDialog, GuideDialog, ShortcutsDialog
from po_tracker.ui.main_window import MainWindow


def test_shortcuts_window_lists_the_menus_keys(qtbot, context):
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(context)
    dialog = ShortcutsDialog(context, window)
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    for words in ("New entry", "Find in every log", "Keyboard shortcuts", "Ctrl+K", "Undo"):
        assert words in text, words
    assert any(a.text().replace("&", "") == "Keyboard shortcuts" for a in _help_actions(window))


def _help_actions(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return menu.actions()


def test_about_names_the_versions_and_the_data_folder(qtbot, context):
    dialog = AboutDialog(context)
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert __version__ in text and sqlite3.sqlite_version in text
    assert str(context.database.path.parent) in text


def test_guide_covers_first_steps_readiness_and_every_chart(qtbot):
    from po_tracker.charts import registry

    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert "First steps" in text and "How readiness is computed" in text
    assert all(registry.title(name) in text for name in registry.names())
