"""A cell cut short shows its whole text as a tooltip; a cell shown whole adds none."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView, QToolTip

from po_tracker.ui.widgets.elided_tips import ElidedTipDelegate

LONG = "Run the quarterly payouts roadmap review with Sales and Risk myself"


def _ask(qtbot, width: int) -> bool:
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem(LONG))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    delegate = ElidedTipDelegate(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, width, 24)
    event = QHelpEvent(QHelpEvent.Type.ToolTip, QPoint(5, 5), view.mapToGlobal(QPoint(5, 5)))
    return delegate.helpEvent(event, view, option, model.index(0, 0))


def _shown(monkeypatch) -> list:
    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_a: shown.append(text))
    return shown


def test_a_cut_cell_shows_its_whole_text(qtbot, monkeypatch):
    shown = _shown(monkeypatch)
    assert _ask(qtbot, 80) is True
    assert shown == [LONG]


def test_a_whole_cell_adds_no_tooltip(qtbot, monkeypatch):
    shown = _shown(monkeypatch)
    _ask(qtbot, 2000)
    assert shown == []
