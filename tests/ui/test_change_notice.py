"""The window's one write path: every write tells every page what it changed, once it
is committed, and each page redraws only for the kinds it shows. Nothing here calls a
page's refresh by hand: the pages follow the writes the user makes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from po_tracker.services.changes import EVERYTHING, Changes
from po_tracker.services.errors import ValidationError
from po_tracker.services.logbook import profile, ratings, training
from po_tracker.ui.background import wait_for_background
from po_tracker.ui.main_window import MainWindow
from po_tracker.ui.undo import AddEntry

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, context, monkeypatch):
    monkeypatch.setattr(MainWindow, "offer_first_run", lambda self: None)
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    main.attach(context)
    return main


@pytest.fixture
def heard(context):
    """Every notice the pages hear, in order."""
    notices: list[Changes] = []
    context.data_changed.connect(notices.append)
    return notices


def count_refreshes(page, monkeypatch) -> list[int]:
    """How often ``page`` redraws from now on (its real refresh still runs)."""
    calls: list[int] = []
    real = page.refresh

    def counted() -> None:
        calls.append(1)
        real()

    monkeypatch.setattr(page, "refresh", counted)
    return calls


def add_win_on_the_wins_page(qtbot, window, fill_dialog) -> None:
    window.show_page("evidence")
    wins_page = window.page("evidence").wins

    def fill(d):
        d.title.setText("Ran the first PI planning")
        d.win_date.set_value(date.today())
        d.skills.set_checked(["Leadership"])
        d.people.setText("Dana Reyes")

    fill_dialog(fill)
    qtbot.mouseClick(wins_page.add_button, LEFT)


def test_a_win_added_on_its_page_reaches_the_career_path_and_the_people_list(
    qtbot, window, context, fill_dialog
):
    with context.writing(Changes.of("profile")) as session:
        profile.set_stages(session, current="Junior Product Owner", target="Senior Product Owner")
    career = window.page("career")
    networking = window.page("networking")
    window.show_page("career")
    assert "Ran the first PI planning" not in career.evidence.toPlainText()
    add_win_on_the_wins_page(qtbot, window, fill_dialog)
    # Hidden, concerned: marked to redraw when next shown, not redrawn now.
    assert career._stale and networking.people._stale
    window.show_page("career")
    career.detail_tabs.setCurrentWidget(career.evidence)
    assert "Ran the first PI planning" in career.evidence.toPlainText()
    window.show_page("networking")
    networking.tabs.setCurrentWidget(networking.people)
    names = [
        networking.people.model.item(row).name for row in range(networking.people.model.rowCount())
    ]
    assert names == ["Dana Reyes"]  # the win named her: the people list has her now


def test_a_win_redraws_the_dashboard_once_shown_and_leaves_other_logs_alone(
    qtbot, window, context, fill_dialog, monkeypatch
):
    dashboard = window.page("dashboard")
    training_page = window.page("training")
    window.show_page("training")
    window.show_page("dashboard")
    assert not training_page._stale and not dashboard._stale
    dashboard_redraws = count_refreshes(dashboard, monkeypatch)
    training_redraws = count_refreshes(training_page, monkeypatch)
    add_win_on_the_wins_page(qtbot, window, fill_dialog)
    assert dashboard._stale and not training_page._stale
    window.show_page("training")
    window.show_page("dashboard")
    assert dashboard_redraws == [1]  # once, when shown again
    assert training_redraws == []  # a win is nothing the Training page shows


def test_a_training_added_on_its_page_is_on_the_dashboard(qtbot, window, fill_dialog):
    dashboard = window.page("dashboard")
    window.show_page("training")
    fill_dialog(lambda d: (d.title.setText("Story slicing"), d.hours.setValue(2)))
    qtbot.mouseClick(window.page("training").add_button, LEFT)
    window.show_page("dashboard")
    rows = [dashboard.recent.item(row).text() for row in range(dashboard.recent.count())]
    assert any(row.startswith("Training: Story slicing") for row in rows)


def test_a_journal_template_saved_redraws_neither_the_dashboard_nor_the_charts(
    window, context, monkeypatch
):
    from po_tracker.services.logbook import journal_prompts

    dashboard = window.page("dashboard")
    window.show_page("dashboard")
    charts = window.page("charts")
    charts._stale = False
    redraws = count_refreshes(dashboard, monkeypatch)
    with context.writing(Changes.of("journal_templates")) as session:
        journal_prompts.seed_defaults(session)
    assert redraws == [] and not dashboard._stale and not charts._stale
    assert window.page("journal")._stale  # the page that shows them is told


def test_undo_and_redo_tell_the_pages_as_the_change_itself_did(window, context, heard):
    data = ratings.RatingInput("communication", 4, date(2025, 1, 1))
    command = AddEntry(context, "rating", data, "rating")
    context.undo_stack.push(command)
    context.undo_stack.undo()
    context.undo_stack.redo()
    assert len(heard) == 3
    for notice in heard:
        assert "rating" in notice and "journal" in notice  # a rating and its links
        assert "training" not in notice and not notice.everything
    assert ("rating", command.entry_id) in heard[1].ids  # the undo deleted this one


def test_a_refused_write_tells_nobody(context, heard):
    with pytest.raises(ValidationError), context.writing(Changes.of("training")) as session:
        training.create(session, training.TrainingInput("", 2, date(2025, 1, 1)))
    assert heard == []


def test_writes_in_one_notice_are_told_once_together(context, heard):
    with context.one_notice():
        for level in (2, 3, 4):
            data = ratings.RatingInput("communication", level, date(2025, 1, level))
            context.undo_stack.push(AddEntry(context, "rating", data, "rating"))
        assert heard == []  # nothing yet: the block is not over
    assert len(heard) == 1 and "rating" in heard[0]


def test_a_csv_import_tells_every_page_once(
    window, context, qapp, tmp_path, monkeypatch, answer_yes, heard
):
    source = tmp_path / "training.csv"
    source.write_text("title,hours,start_date\nStory slicing,2,2025-02-01\n")
    training_page = window.page("training")
    window.show_page("dashboard")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("training", True))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    window.data_actions.import_csv()
    wait_for_background()
    for _ in range(5):
        qapp.processEvents()
    assert heard == [EVERYTHING]
    assert training_page._stale  # hidden: redrawn when next shown
    window.show_page("training")
    assert training_page.model.rowCount() == 1


def count_checks(service, monkeypatch) -> list[int]:
    """How often ``service`` checks an input (its ``_clean``, which create, update and
    validate all go through)."""
    calls: list[int] = []
    real = service._clean

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "_clean", counted)
    return calls


def test_an_entry_saved_from_its_dialog_is_checked_once(
    qtbot, window, context, fill_dialog, monkeypatch
):
    checks = count_checks(training, monkeypatch)
    window.show_page("training")
    page = window.page("training")
    fill_dialog(lambda d: (d.title.setText("Story slicing"), d.hours.setValue(2)))
    qtbot.mouseClick(page.add_button, LEFT)
    assert checks == [1] and context.undo_stack.count() == 1
    fill_dialog(lambda d: d.hours.setValue(3))
    page.edit_selected()
    assert checks == [1, 1] and context.undo_stack.count() == 2


def test_input_refused_inside_the_write_keeps_the_dialog_open_and_writes_nothing(
    qtbot, window, context, fill_dialog, heard
):
    window.show_page("training")
    page = window.page("training")
    dialogs = fill_dialog(lambda d: (d.title.setText(""), d.hours.setValue(2)))
    qtbot.mouseClick(page.add_button, LEFT)
    assert not dialogs[0].result()  # still open, its message next to the title
    assert dialogs[0].form.error_text("title")
    assert context.undo_stack.count() == 0 and heard == []


def test_a_journal_entry_is_checked_once_when_saved(window, context, monkeypatch):
    from po_tracker.services.logbook import journal_entries

    window.show_page("journal")
    page = window.page("journal")
    checks = count_checks(journal_entries, monkeypatch)
    page.editor.title.setText("Sprint review")
    page.editor.text.set_text("What we showed")
    assert page.save_entry() is True
    assert checks == [1] and context.undo_stack.count() == 1
