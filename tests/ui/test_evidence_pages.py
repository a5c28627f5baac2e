"""Wins and feedback in the window: add, edit, delete and undo through the real dialogs
and tables; filters; bad input shown next to its field; reached from New entry and from
the sidebar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from po_tracker.services.logbook import log_kinds
from po_tracker.services.logbook.feedback_entries import SkillLevel
from po_tracker.ui.pages.evidence_page import EvidencePage, FeedbackPage, WinsPage


def table_text(page) -> str:
    model = page.model
    return "\n".join(
        " | ".join(model.data(model.index(r, c)) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    )


def stored(page, context):
    with context.reading() as session:
        return log_kinds.service(page.kind).list_all(session)


def _win_add(d):
    d.title.setText("Cut release lead time")
    d.win_date.set_value(date(2025, 5, 2))
    d.impact.setPlainText("Fixes reach customers a week sooner")
    d.metric_name.setText("Lead time")
    d.metric_before.setText("12")
    d.metric_after.setText("5")
    d.metric_unit.setText("days")
    d.skills.set_checked(["Leadership"])
    d.requirements.set_checked(["Largest team led"])
    d.people.setText("Dana Reyes")


def _feedback_add(d):
    d.quote.setPlainText("A clear, calm roadmap talk")
    d.giver.setText("Dana Reyes")
    d.role.setCurrentText("manager")
    d.given_on.set_value(date(2025, 5, 3))
    d.skills.set_value([SkillLevel("Leadership", 4)])


def _drive(qtbot, context, fill_dialog, page, add, edit, added, edited):
    qtbot.addWidget(page)
    page.show()
    fill_dialog(add)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert added in table_text(page) and len(stored(page, context)) == 1
    fill_dialog(edit)
    page.edit_selected()
    assert edited in table_text(page)
    page.delete_selected()
    assert page.model.rowCount() == 0 and stored(page, context) == []
    context.undo_stack.undo()
    assert edited in table_text(page)
    context.undo_stack.undo()
    assert added in table_text(page)
    context.undo_stack.undo()
    assert stored(page, context) == []
    context.undo_stack.redo()
    context.undo_stack.redo()
    assert edited in table_text(page) and len(stored(page, context)) == 1
    return stored(page, context)[0]


def test_a_win_through_the_window(qtbot, context, fill_dialog):
    page = WinsPage(context)
    item = _drive(
        qtbot, context, fill_dialog, page, _win_add,
        lambda d: d.metric_after.setText("4"),
        "Lead time: 12 -> 5 days", "Lead time: 12 -> 4 days",
    )  # fmt: skip
    assert item.requirements == ("team_size",) and item.contacts == ("Dana Reyes",)
    assert "Largest team led" in table_text(page)


def test_feedback_through_the_window(qtbot, context, fill_dialog):
    page = FeedbackPage(context)
    item = _drive(
        qtbot, context, fill_dialog, page, _feedback_add,
        lambda d: d.role.setCurrentText("peer"),
        "Leadership=4", "peer",
    )  # fmt: skip
    assert (item.giver, item.giver_role) == ("Dana Reyes", "peer")
    page.filter_box.setCurrentText("Manager")
    assert page.model.rowCount() == 0
    page.filter_box.setCurrentText("Peer")
    assert page.model.rowCount() == 1


def test_a_half_given_metric_is_refused_next_to_it(qtbot, context, fill_dialog):
    page = WinsPage(context)
    qtbot.addWidget(page)
    page.show()

    def fill(d):
        _win_add(d)
        d.metric_after.setText("soon")

    dialogs = fill_dialog(fill)
    page.add_entry()
    assert dialogs[-1].result() == 0
    assert "must be a number" in dialogs[-1].form.error_text("metric_after")
    assert stored(page, context) == [] and context.undo_stack.count() == 0


def test_feedback_without_a_giver_is_refused(qtbot, context, fill_dialog):
    page = FeedbackPage(context)
    qtbot.addWidget(page)
    page.show()
    dialogs = fill_dialog(lambda d: d.quote.setPlainText("Nice work"))
    page.add_entry()
    assert "must not be empty" in dialogs[-1].form.error_text("giver")
    assert stored(page, context) == []


def test_the_page_opens_on_the_entry_search_names(qtbot, context, fill_dialog):
    page = EvidencePage(context)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.feedback)
    fill_dialog(_feedback_add)
    page.add_entry()
    with context.reading() as session:
        (item,) = log_kinds.service("feedback").list_all(session)
    page.tabs.setCurrentWidget(page.wins)
    page.show_argument(("feedback", item.id))
    assert page.tabs.currentWidget() is page.feedback
    assert page.feedback.selected_id() == item.id


def test_one_header_above_the_tabs_speaks_for_the_tab_shown(qtbot, context):
    from po_tracker.ui.theme.header import PageHeader

    page = EvidencePage(context)
    qtbot.addWidget(page)
    page.show()
    shown = [h for h in page.findChildren(PageHeader) if h.isVisible()]
    assert shown == [page.header]  # the tabs' own headers are not shown
    # Above the tabs, like every page's header.
    assert page.header.mapTo(page, page.header.rect().topLeft()).y() < page.tabs.y()
    assert page.header.action is page.wins.add_button
    assert page.header.purpose.text() == page.wins.purpose
    page.tabs.setCurrentWidget(page.feedback)
    assert page.header.action is page.feedback.add_button
    assert page.header.purpose.text() == page.feedback.purpose
    assert page.feedback.add_button.isVisible() and not page.wins.add_button.isVisible()
