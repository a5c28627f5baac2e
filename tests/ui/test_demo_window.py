"""The demo cannot be mistaken for the user's logbook, and leaves no trace: its title
and banner say Demo, the user's window settings are never written, and its folder goes
when it closes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from po_tracker.services.storage.opening import open_logbook
from po_tracker.ui import demo_mode
from po_tracker.ui.context import AppContext
from po_tracker.ui.main_window import MainWindow


def _user_settings(path: Path) -> dict:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(path))
    settings = QSettings()
    return {key: settings.value(key) for key in settings.allKeys()}


def test_the_demo_leaves_the_users_settings_untouched(qtbot, tmp_path):
    user_folder = tmp_path  # where the test configuration keeps "the user's" settings
    QSettings().setValue("window/page", "training")
    QSettings().setValue("appearance/scheme", "dark")
    QSettings().sync()
    before = _user_settings(user_folder)
    demo_dir = tmp_path / "po-tracker-demo"
    demo_mode.isolate_settings(demo_dir)
    database = open_logbook(demo_dir)
    window = MainWindow()
    qtbot.addWidget(window)
    window.mark_as_demo()
    window.show()
    window.attach(AppContext(database))
    window.show_page("charts")
    window.resize(900, 600)
    window.close()
    QSettings().sync()
    database.close()
    assert QSettings().value("appearance/scheme") == "dark"  # the user's look, carried over
    assert _user_settings(user_folder) == before
    assert before["window/page"] == "training"


def test_the_demo_says_so_and_offers_the_users_own_logbook(qtbot, tmp_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.mark_as_demo()
    window.show()
    assert "Demo" in window.windowTitle()
    assert window.demo_banner.isVisible()
    assert window.demo_banner.button.text().replace("&", "") == "Start my own logbook"


def test_the_demo_folder_is_removed(tmp_path):
    demo_dir = tmp_path / "po-tracker-demo"
    open_logbook(demo_dir).close()
    assert any(demo_dir.iterdir())
    demo_mode.remove_folder(demo_dir)
    assert not demo_dir.exists()
