"""The "Attachment" row of the certification, training and win dialogs, driven as a user
would: a file chosen in the file dialog (stubbed) is kept with the entry under its own
name, opens through the desktop (stubbed), survives a delete and its undo, and a cancel
or a file that cannot be kept leaves nothing behind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QPushButton

from po_tracker.paths import attachments_dir
from po_tracker.services.changes import Changes
from po_tracker.services.logbook import training
from po_tracker.services.storage import attachments
from po_tracker.ui.dialogs.certification_dialog import CertificationDialog
from po_tracker.ui.dialogs.training_dialog import TrainingDialog
from po_tracker.ui.dialogs.win_dialog import WinDialog
from po_tracker.ui.pages.evidence_page import WinsPage
from po_tracker.ui.pages.training_page import TrainingPage
from po_tracker.ui.widgets.attachment_field import NO_FILE, AttachmentField


@pytest.fixture
def certificate(tmp_path):
    path = tmp_path / "certificate.pdf"
    path.write_bytes(b"%PDF-1.7 the certificate")
    return path


@pytest.fixture
def choose_file(monkeypatch):
    """The file dialog answers with the path given (or a cancel, for None)."""

    def install(path: Path | None):
        answer = (str(path), "") if path else ("", "")
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: answer)

    return install


@pytest.fixture
def opened(monkeypatch):
    urls = []

    def open_url(url):
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return urls


def _files(context) -> set[str]:
    folder = attachments_dir(context.database.path.parent)
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def _click(qtbot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_training_keeps_its_file_opens_it_and_survives_delete_and_undo(
    qtbot, context, fill_dialog, choose_file, opened, certificate
):
    page = TrainingPage(context)
    qtbot.addWidget(page)
    page.show()
    choose_file(certificate)

    def fill(d):
        d.title.setText("Discovery course")
        d.hours.setValue(8)
        _click(qtbot, d.attachment.attach_button)
        assert d.attachment.file_label.text() == "certificate.pdf"

    fill_dialog(fill)
    _click(qtbot, page.add_button)
    with context.reading() as session:
        (entry,) = training.list_all(session)
    assert attachments.original_name(entry.attachment) == "certificate.pdf"
    stored = attachments.resolve_attachment(context.database.path.parent, entry.attachment)
    assert stored.read_bytes() == certificate.read_bytes()

    def open_it(d):
        assert d.attachment.file_label.text() == "certificate.pdf"
        _click(qtbot, d.attachment.open_button)

    fill_dialog(open_it)
    page.edit_selected()
    assert [Path(url.toLocalFile()) for url in opened] == [stored]

    page.delete_selected()
    assert stored.exists()  # kept while undo may bring the entry back
    context.undo_stack.undo()
    with context.reading() as session:
        (back,) = training.list_all(session)
    assert back.attachment == entry.attachment
    assert attachments.resolve_attachment(context.database.path.parent, back.attachment) == stored


def test_a_win_edited_to_another_file_keeps_both_until_undo_is_past(
    qtbot, context, fill_dialog, choose_file, certificate, tmp_path
):
    page = WinsPage(context)
    qtbot.addWidget(page)
    page.show()
    choose_file(certificate)

    def fill(d):
        d.title.setText("Cut lead time")
        _click(qtbot, d.attachment.attach_button)

    fill_dialog(fill)
    page.add_entry()
    first = page.selected_item().attachment
    slides = tmp_path / "slides.png"
    slides.write_bytes(b"\x89PNG")
    choose_file(slides)
    fill_dialog(lambda d: _click(qtbot, d.attachment.attach_button))
    page.edit_selected()
    second = page.selected_item().attachment
    assert attachments.original_name(second) == "slides.png"
    assert _files(context) == {first, second}
    context.undo_stack.undo()
    assert page.selected_item().attachment == first


def test_cancel_removes_the_copy_the_dialog_made_and_keeps_the_entrys_own(
    qtbot, context, choose_file, certificate, tmp_path
):
    name = attachments.store_attachment(context.database.path.parent, certificate)
    with context.writing(Changes.of("training")) as session:
        item = training.create(
            session, training.TrainingInput("Course", 4, date(2025, 2, 1), attachment=name)
        )
    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF other")
    choose_file(other)
    dialog = TrainingDialog(context, item)
    qtbot.addWidget(dialog)
    _click(qtbot, dialog.attachment.attach_button)
    assert dialog.attachment.file_label.text() == "other.pdf"
    assert len(_files(context)) == 2
    dialog.reject()
    assert _files(context) == {name}


def test_a_file_that_cannot_be_kept_is_said_beside_the_field(
    qtbot, context, choose_file, monkeypatch, tmp_path
):
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"x" * 200)
    monkeypatch.setattr(attachments, "MAX_BYTES", 100)
    choose_file(big)
    dialog = WinDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    _click(qtbot, dialog.attachment.attach_button)
    assert "the limit is" in dialog.attachment.message.text()
    assert dialog.attachment.message.isVisible()
    assert dialog.attachment.name() is None and _files(context) == set()


def test_opening_a_file_that_is_not_here_says_so(qtbot, context, opened):
    field = AttachmentField(context.database.path.parent)
    qtbot.addWidget(field)
    field.show()
    # As a JSON import leaves it: the entry names a file this folder never had.
    field.set_name("0123456789abcdef0123456789abcdef-certificate.pdf")
    _click(qtbot, field.open_button)
    assert opened == []
    assert "certificate.pdf is missing" in field.message.text()


@pytest.mark.parametrize("dialog_class", [CertificationDialog, TrainingDialog, WinDialog])
def test_every_dialog_with_files_has_the_row_with_named_controls(qtbot, context, dialog_class):
    dialog = dialog_class(context)
    qtbot.addWidget(dialog)
    field = dialog.attachment
    assert field.file_label.text() == NO_FILE
    assert not field.open_button.isEnabled() and not field.remove_button.isEnabled()
    names = [
        w.accessibleName()
        for w in (field.file_label, field.attach_button, field.open_button, field.remove_button)
    ]
    assert all(names) and len(set(names)) == 4
    field.set_name("0123456789abcdef0123456789abcdef-cert.pdf")
    _click(qtbot, field.remove_button)
    assert field.name() is None and field.file_label.text() == NO_FILE


def test_the_window_start_removes_only_the_files_no_entry_names(
    qtbot, data_dir, tmp_path, monkeypatch
):
    import os
    import time

    from po_tracker import app as app_module
    from po_tracker.services.storage.opening import open_logbook
    from po_tracker.ui.background import wait_for_background
    from po_tracker.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "offer_first_run", lambda self: None)
    database = open_logbook(data_dir)
    kept, dropped = (tmp_path / "kept.pdf", tmp_path / "dropped.pdf")
    for path in (kept, dropped):
        path.write_bytes(path.name.encode())
    kept_name = attachments.store_attachment(data_dir, kept)
    dropped_name = attachments.store_attachment(data_dir, dropped)
    with database.write() as session:
        training.create(
            session, training.TrainingInput("Course", 4, date(2025, 2, 1), attachment=kept_name)
        )
    database.close()
    then = time.time() - 2 * 3600  # both copied in a previous session
    for name in (kept_name, dropped_name):
        os.utime(attachments_dir(data_dir) / name, (then, then))
    window = MainWindow()
    qtbot.addWidget(window)
    assert app_module.open_into(window, data_dir)
    wait_for_background()
    assert {p.name for p in attachments_dir(data_dir).iterdir()} == {kept_name}
    window.context.database.close()
