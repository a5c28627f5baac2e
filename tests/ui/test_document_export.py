"""File > Export promotion case… and File > Export review…, driven as a user would: a
win logged on its page, the period and the file chosen, the document written in the
background; a logbook without a target stage gets a clear message and no file."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from po_tracker.services.logbook import profile
from po_tracker.ui.background import wait_for_background
from po_tracker.ui.document_export import PeriodDialog
from po_tracker.ui.main_window import MainWindow
from po_tracker.ui.pages.evidence_page import WinsPage


@pytest.fixture
def window(qtbot, context, monkeypatch):
    monkeypatch.setattr(MainWindow, "offer_first_run", lambda self: None)
    main = MainWindow()
    qtbot.addWidget(main)
    main.attach(context)
    return main


def finish(qapp) -> None:
    wait_for_background()
    for _ in range(5):
        qapp.processEvents()


def _log_a_win(qtbot, context, fill_dialog) -> None:
    page = WinsPage(context)
    qtbot.addWidget(page)

    def fill(d):
        d.title.setText("Cut release lead time")
        d.win_date.set_value(date.today())
        d.skills.set_checked(["Leadership"])

    fill_dialog(fill)
    page.add_entry()


def _save_as(monkeypatch, target, chosen_filter=""):
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), chosen_filter)
    )


def test_from_a_win_to_a_case_in_word(
    window, context, qtbot, qapp, fill_dialog, monkeypatch, tmp_path
):
    with context.database.write() as session:
        profile.set_stages(session, "product-owner", "senior-product-owner")
    _log_a_win(qtbot, context, fill_dialog)
    monkeypatch.setattr(PeriodDialog, "exec", lambda self: 1)
    target = tmp_path / "my-case"
    _save_as(monkeypatch, target, "Word document (*.docx)")
    window.export_case_action.trigger()
    finish(qapp)
    written = tmp_path / "my-case.docx"  # the chosen filter's extension was added
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(written.read_bytes())).paragraphs)
    assert "Promotion case: Senior Product Owner" in text
    assert "Cut release lead time" in text


def test_a_review_of_the_last_months_as_markdown(
    window, context, qtbot, qapp, fill_dialog, monkeypatch, tmp_path
):
    _log_a_win(qtbot, context, fill_dialog)
    monkeypatch.setattr(PeriodDialog, "exec", lambda self: 1)
    target = tmp_path / "review.md"
    _save_as(monkeypatch, target)
    window.export_review_action.trigger()
    finish(qapp)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Review digest") and "Cut release lead time" in text


def test_without_a_target_stage_the_case_says_what_to_do(
    window, context, qapp, monkeypatch, tmp_path
):
    monkeypatch.setattr(PeriodDialog, "exec", lambda self: 1)
    _save_as(monkeypatch, tmp_path / "case.pdf")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    window.export_case_action.trigger()
    finish(qapp)
    assert warnings and "choose one first (on the Career path page" in warnings[0]
    assert not (tmp_path / "case.pdf").exists()
