"""The window's side of data safety: one window per data folder, a damaged logbook
offered its backup, the daily backup off the UI thread."""

from __future__ import annotations

import sqlite3

import pytest
from safety.safety_helpers import corrupt_page, root_page

from po_tracker import app as app_module
from po_tracker.paths import database_path
from po_tracker.services.storage import backup
from po_tracker.services.storage.opening import open_logbook
from po_tracker.services.storage.writer_lock import LockHeldError, instance_lock
from po_tracker.ui.background import wait_for_background
from po_tracker.ui.main_window import MainWindow
from po_tracker.ui.single_instance import InstanceGuard, hand_over


def test_second_start_hands_over_to_the_first(qtbot, data_dir):
    first = InstanceGuard(data_dir)
    assert first.acquire()
    first.listen()
    second = InstanceGuard(data_dir)
    assert not second.acquire()
    with qtbot.waitSignal(first.activated, timeout=3000):
        assert hand_over(data_dir)
    first.release()
    assert second.acquire()
    second.release()


def test_command_line_writes_wait_for_the_window(data_dir):
    guard = InstanceGuard(data_dir)
    assert guard.acquire()
    try:
        try:
            with instance_lock(data_dir, timeout_s=0.3):
                raise AssertionError("the command line took the window's lock")
        except LockHeldError as error:
            assert "PO Tracker" in str(error) or "lock" in str(error).lower()
    finally:
        guard.release()
    with instance_lock(data_dir, timeout_s=0.3):
        pass


@pytest.fixture(autouse=True)
def no_welcome(monkeypatch):
    monkeypatch.setattr(MainWindow, "offer_first_run", lambda self: None)


def _damage(path) -> None:
    corrupt_page(path, root_page(path, "settings"))


def test_damaged_logbook_is_offered_its_newest_backup(qtbot, data_dir, monkeypatch):
    database = open_logbook(data_dir)
    database.close()
    path = database_path(data_dir)
    good = backup.take_backup(path)
    _damage(path)
    damaged = path.read_bytes()
    offered = []
    monkeypatch.setattr(
        "po_tracker.ui.dialogs.recovery_dialog.offer_restore",
        lambda parent, error: offered.append(error.backup) or True,
    )
    window = MainWindow()
    qtbot.addWidget(window)
    assert app_module.open_into(window, data_dir)
    wait_for_background()
    assert offered == [good]
    assert window.context is not None
    moved = [p for p in data_dir.iterdir() if ".replaced-" in p.name]
    assert any(p.read_bytes() == damaged for p in moved), moved  # kept, not deleted
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    connection.close()


def test_refusing_the_backup_leaves_the_damaged_file_alone(qtbot, data_dir, monkeypatch):
    open_logbook(data_dir).close()
    path = database_path(data_dir)
    backup.take_backup(path)
    _damage(path)
    before = path.read_bytes()
    monkeypatch.setattr(
        "po_tracker.ui.dialogs.recovery_dialog.offer_restore", lambda parent, error: False
    )
    window = MainWindow()
    qtbot.addWidget(window)
    assert not app_module.open_into(window, data_dir)
    assert path.read_bytes() == before
