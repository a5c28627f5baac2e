"""Fixtures for driving the window's real widgets with pytest-qt."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QMessageBox

from po_tracker.ui.context import AppContext
from po_tracker.ui.dialogs.entry_dialog import EntryDialog


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Window settings (geometry, last page, first run) go to a temporary file."""
    qapp.setOrganizationName("PO Tracker Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().clear()
    yield
    # What the test built is collected now, while the objects it points at still exist
    # and before the next test: left to a later collection (at exit, or in the middle of
    # another test), a widget's wrapper can outlive what Qt already deleted and crash
    # the run.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def context(db, qapp):
    return AppContext(db)


@pytest.fixture
def answer_yes(monkeypatch):
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )


@pytest.fixture
def fill_dialog(monkeypatch):
    """Replace a dialog's modal loop by a function that fills its fields the way a user
    would, then presses Save; the dialog stays open if the services refuse the input."""
    seen = []

    def install(fill):
        def fake_exec(dialog):
            fill(dialog)
            dialog.accept()
            seen.append(dialog)
            return dialog.result()

        monkeypatch.setattr(EntryDialog, "exec", fake_exec)
        return seen

    return install


@pytest.fixture
def attached_window(qtbot, context, monkeypatch):
    """The main window on the test logbook, without the first-run offer (for tests that
    drive its menus and actions; a file needing more set-up makes its own)."""
    from po_tracker.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "offer_first_run", lambda self: None)
    main = MainWindow()
    qtbot.addWidget(main)
    main.attach(context)
    return main
