"""Where an export is saved: the extension of the chosen filter is added to a name that
has none of the filters' extensions; a name that has one keeps it; a cancel is None."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from po_tracker.ui.widgets.save_file import ask_save_path

FILTERS = "PDF document (*.pdf);;Markdown (*.md)"


@pytest.mark.parametrize(
    ("typed", "chosen_filter", "saved"),
    [
        ("case", "Markdown (*.md)", "case.md"),
        ("case", "PDF document (*.pdf)", "case.pdf"),
        ("case.MD", "PDF document (*.pdf)", "case.MD"),
        ("case.v2", "", "case.v2.pdf"),
    ],
)
def test_the_chosen_filters_extension_is_added_when_the_name_has_none(
    qapp, monkeypatch, tmp_path, typed, chosen_filter, saved
):
    target = str(tmp_path / typed)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (target, chosen_filter))
    assert ask_save_path(None, "Export", "case.pdf", FILTERS) == Path(tmp_path / saved)


def test_a_cancelled_dialog_saves_nothing(qapp, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert ask_save_path(None, "Export", "case.pdf", FILTERS) is None
