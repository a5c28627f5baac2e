"""The File menu's data actions, driven as a user would: back up, export, import and
restore, with the slow part off the UI thread."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from po_tracker.services.changes import Changes
from po_tracker.services.logbook import ratings
from po_tracker.services.storage import backup
from po_tracker.ui.background import wait_for_background
from po_tracker.ui.undo import AddEntry


@pytest.fixture
def window(attached_window):
    return attached_window


def finish(qapp) -> None:
    wait_for_background()
    for _ in range(5):
        qapp.processEvents()


def levels(context) -> list[int]:
    with context.reading() as session:
        return [r.level for r in ratings.list_all(session)]


def rate(context, level: int) -> None:
    data = ratings.RatingInput("communication", level, date(2025, 1, 1))
    context.undo_stack.push(AddEntry(context, "rating", data, "rating"))


def test_back_up_now_then_restore_it(window, context, qapp, monkeypatch, answer_yes):
    rate(context, 2)
    window.data_actions.back_up()
    finish(qapp)
    (saved,) = [
        b.path
        for b in backup.list_backups(context.database.path.parent)
        if b.path.name.endswith("manual.sqlite3")
    ]
    rate(context, 4)
    assert levels(context) == [4, 2]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    window.data_actions.restore()
    assert levels(context) == [2]
    assert context.undo_stack.count() == 0


def test_export_then_import_json_adds_the_entries(
    window, context, qapp, tmp_path, monkeypatch, answer_yes
):
    window.show()  # the toast speaks in a shown window
    rate(context, 3)
    target = tmp_path / "all.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.data_actions.export_json()
    finish(qapp)
    document = json.loads(target.read_text())
    assert document["format"] == "po-tracker-export" and len(document["ratings"]) == 1
    document["ratings"][0]["level"] = 5
    target.write_text(json.dumps(document))
    boxes = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: boxes.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    window.data_actions.import_json()
    finish(qapp)
    finish(qapp)
    assert sorted(levels(context)) == [3, 5]
    # Said in the toast, with Undo, not in a message box.
    assert boxes == [] and window.toast.text().startswith("Added 1 entries")
    assert window.toast.action_button.text() == "Undo"
    window.toast.action_button.click()  # puts back the backup taken before the import
    finish(qapp)
    assert levels(context) == [3]
    assert window.toast.text().startswith("Undone: the logbook is back as it was before")


def test_a_csv_import_is_said_in_the_toast_and_undo_waits_for_no_change(
    window, context, qapp, tmp_path, monkeypatch, answer_yes
):
    from PySide6.QtWidgets import QInputDialog

    from po_tracker.services.exchange import csv_export

    window.show()
    rate(context, 3)
    with context.reading() as session:
        paths = csv_export.export_csv(session, tmp_path)
    (ratings_csv,) = [p for p in paths if "rating" in p.name]
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("rating", True))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(ratings_csv), ""))
    window.data_actions.import_csv()
    finish(qapp)
    finish(qapp)
    assert levels(context) == [3, 3]
    assert window.toast.text() == "Added 1 rating entry."
    assert window.toast.action_button.isVisibleTo(window.toast)
    # A change after the import, made elsewhere.
    with context.writing(Changes.of("rating")) as session:
        ratings.create(session, ratings.RatingInput("communication", 5, date(2025, 2, 1)))
    window.toast.action_button.click()
    finish(qapp)
    assert sorted(levels(context)) == [3, 3, 5]  # Undo would have lost the 5: kept
    assert "changed since" in window.toast.text() and "pre-import" in window.toast.text()


def test_a_restore_is_said_in_the_toast_and_undo_brings_back_what_was_there(
    window, context, qapp, monkeypatch, answer_yes
):
    window.show()
    rate(context, 2)
    window.data_actions.back_up()
    finish(qapp)
    (saved,) = [
        b.path
        for b in backup.list_backups(context.database.path.parent)
        if b.path.name.endswith("manual.sqlite3")
    ]
    rate(context, 4)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    window.data_actions.restore()
    finish(qapp)
    assert levels(context) == [2]
    assert window.toast.text().startswith(f"Restored {saved.name}")
    window.toast.action_button.click()
    finish(qapp)
    assert levels(context) == [4, 2]


def test_a_bad_file_is_reported_and_changes_nothing(window, context, qapp, tmp_path, monkeypatch):
    rate(context, 3)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "po-tracker-export", "version": 1, "ratings": [')
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    window.data_actions.import_json()
    finish(qapp)
    assert warnings and "not valid JSON" in warnings[0]
    assert levels(context) == [3]


def test_exports_refuse_the_logbook_whatever_the_dialog_returns(window, context, qapp, monkeypatch):
    """A save dialog pointed at the logbook (or its backups) writes nothing there."""
    rate(context, 3)
    logbook = context.database.path
    before = logbook.read_bytes()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(logbook), ""))
    for export in (window.data_actions.export_json, window.data_actions.export_ics):
        export()
        finish(qapp)
    assert len(warnings) == 2 and all("inside the data folder" in w for w in warnings)
    assert logbook.read_bytes() == before
    assert levels(context) == [3]
