"""File > Export promotion case… and File > Export review…: ask for the period and the
file, build and write the document in the background, and say where it went. The file
goes through the same gate as every export (``documents.export``)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QMessageBox,
    QWidget,
)

from ..app_errors import AppError
from .background import run_in_background
from .dialogs.case_items_dialog import CaseItemsDialog
from .widgets.fields import continue_buttons
from .widgets.form import DateEdit
from .widgets.save_file import ask_save_path

CASE_FILTERS = "PDF document (*.pdf);;Word document (*.docx);;Markdown (*.md)"
REVIEW_FILTERS = "PDF document (*.pdf);;Markdown (*.md)"
PAPERS = {"A4": "a4", "Letter": "letter"}


class PeriodDialog(QDialog):
    """The period a document covers, and the paper a PDF is laid out on."""

    def __init__(self, title: str, since: date | None, until: date, parent=None, *, open_start):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("period_dialog")
        form = QFormLayout(self)
        self.whole_log = QCheckBox("From the start of the log")
        self.since = DateEdit(since or until - timedelta(days=365))
        if open_start:
            self.whole_log.setChecked(since is None)
            self.whole_log.toggled.connect(lambda on: self.since.setEnabled(not on))
            self.since.setEnabled(since is not None)
            form.addRow("", self.whole_log)
        form.addRow("&From:", self.since)
        self.until = DateEdit(until)
        form.addRow("&Until:", self.until)
        self.paper = QComboBox()
        self.paper.addItems(PAPERS)
        form.addRow("&Paper (PDF):", self.paper)
        buttons = continue_buttons(self)
        form.addRow(buttons)

    def values(self) -> tuple[date | None, date, str]:
        since = None if self.whole_log.isChecked() else self.since.value()
        return since, self.until.value(), PAPERS[self.paper.currentText()]


def _finish(parent: QWidget, context, path: Path, result, on_done) -> None:
    if isinstance(result, Exception):
        QMessageBox.warning(parent, "Export failed", f"Could not write {path}:\n{result}")
    else:
        context.status_message.emit(f"Exported to {path}")
    if on_done is not None:
        on_done(path)


def _in_background(parent: QWidget, context, path: Path, build, paper: str, on_done) -> None:
    database = context.database

    def work():
        from ..documents import formats as export

        with database.read() as session:
            document = build(session)
        return export.write(document, path, force=True, paper=paper)

    run_in_background(parent, work, on_done=lambda r: _finish(parent, context, path, r, on_done))


def export_case(parent: QWidget, context, on_done=None, period=None) -> None:
    """The promotion case toward the target stage: the period, then the evidence to
    leave out, then the file. ``period`` skips the period dialog (tests)."""
    from ..services.career import promotion_case

    if period is None:
        dialog = PeriodDialog("Export promotion case", None, date.today(), parent, open_start=True)
        if not dialog.exec():
            return
        period = dialog.values()
    since, until, paper = period
    try:
        # A handful of bounded queries: quick enough to wait for before the choice.
        with context.reading() as session:
            case = promotion_case.build(session, until, since=since)
    except AppError as error:
        QMessageBox.warning(parent, "No case to export", str(error))
        return
    picker = CaseItemsDialog(case, parent)
    if not picker.exec():
        return
    case = promotion_case.leave_out(case, picker.left_out())
    path = ask_save_path(parent, "Export promotion case", "promotion-case.pdf", CASE_FILTERS)
    if path is None:
        return

    def build(_session):
        from ..documents import case_document

        return case_document.build_document(case)

    _in_background(parent, context, path, build, paper, on_done)


def export_review(parent: QWidget, context, on_done=None, period=None) -> None:
    """The review digest of a period (the last three months by default)."""
    if period is None:
        today = date.today()
        dialog = PeriodDialog(
            "Export review", today - timedelta(days=91), today, parent, open_start=False
        )
        if not dialog.exec():
            return
        period = dialog.values()
    since, until, paper = period
    path = ask_save_path(parent, "Export review", f"review-{since}-to-{until}.pdf", REVIEW_FILTERS)
    if path is None:
        return

    def build(session):
        from ..documents import review_document
        from ..services.career import review_digest

        return review_document.build_document(review_digest.build(session, since, until))

    _in_background(parent, context, path, build, paper, on_done)
