"""Find (Ctrl+F, Ctrl+K): results grouped by kind, matches highlighted rather than
bracketed, Up and Down from the search field, Enter opens the entry."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from po_tracker.services.logbook import journal_entries as journal
from po_tracker.services.logbook import training
from po_tracker.ui.dialogs.search_dialog import HTML_ROLE, SearchDialog


def _dialog(qtbot, context, text: str) -> SearchDialog:
    dialog = SearchDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.query, text)
    qtbot.waitUntil(lambda: not dialog.timer.isActive() and dialog.results.count() > 0)
    return dialog


def _rows(dialog) -> list[str]:
    return [dialog.results.item(i).text() for i in range(dialog.results.count())]


def test_results_are_grouped_highlighted_and_reached_with_the_arrow_keys(qtbot, context):
    with context.database.write() as session:
        journal.create(
            session, journal.JournalInput("the roadmap review", date(2025, 2, 1), "Roadmap talk")
        )
        training.create(session, training.TrainingInput("Roadmap course", 4, date(2025, 1, 10)))
    opened = []
    context.navigate.connect(lambda page, argument: opened.append((page, argument)))
    dialog = _dialog(qtbot, context, "roadmap")
    rows = _rows(dialog)
    headings = [row for row in rows if row.startswith(("Journal (", "Training ("))]
    assert sorted(headings) == ["Journal (1)", "Training (1)"]
    html = " ".join(str(dialog.results.item(i).data(HTML_ROLE)) for i in range(len(rows)))
    assert "<b style=" in html and "[" not in html
    first = dialog.results.currentRow()
    assert dialog.results.item(first).data(Qt.ItemDataRole.UserRole) is not None
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)  # skips the second group's heading
    second = dialog.results.currentRow()
    assert second > first + 1
    assert dialog.results.item(second).data(Qt.ItemDataRole.UserRole) is not None
    assert dialog.query.text() == "roadmap"  # the field kept its text
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    kind, _id = dialog.results.item(second).data(Qt.ItemDataRole.UserRole)
    assert opened and opened[0][1][0] == kind


def test_ctrl_k_opens_find_as_well(qtbot, context):
    from PySide6.QtGui import QKeySequence

    from po_tracker.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert QKeySequence("Ctrl+K") in window.find_action.shortcuts()
