"""The demo (``po-tracker --demo``) cannot be mistaken for the user's own logbook: its
title says Demo, a banner offers to start the user's own logbook, it keeps its window
settings in its own throwaway folder (so the user's geometry, last page and appearance
are never written), and that folder is removed when the demo closes."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QProcess, QSettings

SETTINGS_FOLDER = "window-settings"


def isolate_settings(data_dir: Path) -> None:
    """From now on this process's QSettings live inside the demo's folder. The user's
    appearance choice is carried over (read, never written back)."""
    from .theme import appearance

    choice = appearance.saved_choice()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(data_dir / SETTINGS_FOLDER)
    )
    QSettings().setValue(appearance.SETTINGS_KEY, choice)


def remove_folder(data_dir: Path) -> None:
    """The demo's logbook, backups, settings and kept start view: made for this run only."""
    from ..paths import database_path
    from ..services.storage.start_view import forget

    forget(database_path(data_dir))
    shutil.rmtree(data_dir, ignore_errors=True)


def start_own_logbook() -> bool:
    """The app again, on the user's own data folder, as a separate process."""
    if getattr(sys, "frozen", False):
        return QProcess.startDetached(sys.executable, [])[0]
    return QProcess.startDetached(sys.executable, ["-m", "po_tracker"])[0]


def mark_as_demo(window) -> None:
    """Sample data: said in the title and in a banner that leads to the real thing."""
    from .widgets.banner import Banner

    window.setWindowTitle("PO Tracker — Demo")
    window.demo_banner = Banner(
        "Demo: sample data in a temporary folder, removed when you close this window.",
        "Start &my own logbook",
    )
    window.demo_banner.button.clicked.connect(lambda: start_own_logbook() and window.close())
    window.page_column.insertWidget(0, window.demo_banner)
