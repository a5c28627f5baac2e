"""File > Export promotion case… and File > Export review…, driven as a user would: a
win logged on its page, the period and the file chosen, the document written in the
background; a logbook without a target stage gets a clear message and no file."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from po_tracker.services.changes import Changes
from po_tracker.services.logbook import profile, wins
from po_tracker.services.logbook.wins import WinInput
from po_tracker.ui.background import wait_for_background
from po_tracker.ui.dialogs.case_items_dialog import CaseItemsDialog
from po_tracker.ui.document_export import PeriodDialog
from po_tracker.ui.pages.evidence_page import WinsPage


@pytest.fixture
def window(attached_window):
    return attached_window


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
    monkeypatch.setattr(CaseItemsDialog, "exec", lambda self: 1)  # everything kept
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


def test_evidence_left_out_before_exporting_is_not_in_the_case(
    window, context, qtbot, qapp, fill_dialog, monkeypatch, tmp_path
):
    with context.writing(Changes.of("profile")) as session:
        profile.set_stages(session, "product-owner", "senior-product-owner")
    _log_a_win(qtbot, context, fill_dialog)
    with context.writing(Changes.of("win")) as session:
        wins.create(session, WinInput("Kept win", date.today(), skills=("leadership",)))
    monkeypatch.setattr(PeriodDialog, "exec", lambda self: 1)
    seen = []

    def untick_the_first_win(dialog):
        rows = {row.text(0): row for row in dialog._rows()}
        seen.extend(rows)
        rows[next(t for t in rows if "Cut release lead time" in t)].setCheckState(
            0, Qt.CheckState.Unchecked
        )
        return 1

    monkeypatch.setattr(CaseItemsDialog, "exec", untick_the_first_win)
    target = tmp_path / "case.md"
    _save_as(monkeypatch, target)
    window.export_case_action.trigger()
    finish(qapp)
    assert any(t.startswith("Win: Cut release lead time") for t in seen)
    text = target.read_text(encoding="utf-8")
    assert "Kept win" in text and "Cut release lead time" not in text
    with context.reading() as session:  # left out of the file, never out of the log
        assert {w.title for w in wins.list_all(session)} == {"Cut release lead time", "Kept win"}


def test_a_win_under_two_skills_is_left_out_of_both(qtbot, context):
    from po_tracker.services.career import promotion_case

    with context.writing(Changes.of("profile", "win")) as session:
        profile.set_stages(session, "product-owner", "senior-product-owner")
        wins.create(
            session,
            WinInput("Shared win", date.today(), skills=("leadership", "communication")),
        )
        case = promotion_case.build(session, date.today())
    dialog = CaseItemsDialog(case)
    qtbot.addWidget(dialog)
    shared = [row for row in dialog._rows() if "Shared win" in row.text(0)]
    assert len(shared) == 2
    shared[0].setCheckState(0, Qt.CheckState.Unchecked)
    assert shared[1].checkState(0) == Qt.CheckState.Unchecked
    kept = promotion_case.leave_out(case, dialog.left_out())
    assert not any(w.title == "Shared win" for s in kept.skills for w in s.wins)
