"""New entry (Ctrl+N) on the Dashboard or the Charts page asks which kind of entry,
then opens that kind's form on its own page; on a log page it adds to that log."""

from __future__ import annotations

import pytest

from po_tracker.ui.dialogs.new_entry_dialog import KINDS, NewEntryDialog
from po_tracker.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, context):
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    main.attach(context)
    return main


def _choose(monkeypatch, kind: str | None, asked: list):
    def fake_exec(dialog):
        asked.append(dialog)
        if kind is None:
            return 0
        row = [k for k, *_ in KINDS].index(kind)
        dialog.kinds.setCurrentRow(row)
        return 1

    monkeypatch.setattr(NewEntryDialog, "exec", fake_exec)


@pytest.mark.parametrize("start", ["dashboard", "charts"])
def test_new_entry_asks_the_kind_then_opens_its_form(qtbot, window, monkeypatch, start):
    asked, added = [], []
    _choose(monkeypatch, "event", asked)
    window.show_page(start)
    networking = window.page("networking")
    monkeypatch.setattr(type(networking.events), "add_entry", lambda page: added.append(page))
    window.new_entry()
    assert len(asked) == 1
    assert window.current_page_key() == "networking"
    assert added == [networking.events]
    assert networking.tabs.currentWidget() is networking.events


def test_cancelling_the_choice_opens_nothing(qtbot, window, monkeypatch):
    asked = []
    _choose(monkeypatch, None, asked)
    window.show_page("dashboard")
    window.new_entry()
    assert len(asked) == 1 and window.current_page_key() == "dashboard"


def test_on_a_log_page_new_entry_adds_to_that_log(qtbot, window, monkeypatch):
    asked, added = [], []
    _choose(monkeypatch, "journal", asked)
    window.show_page("training")
    page = window.page("training")
    monkeypatch.setattr(type(page), "add_entry", lambda p: added.append(p))
    window.new_entry()
    assert asked == [] and added == [page]
