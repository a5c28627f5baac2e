"""Each log's page driven as a user would: add, edit, delete and undo through the real
dialogs and table; bad input is refused next to its field and writes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from po_tracker.services.career import readiness_facts, skill_standing
from po_tracker.services.changes import Changes
from po_tracker.services.logbook import (
    certifications,
    contacts,
    events,
    log_kinds,
    log_tables,
    ratings,
)
from po_tracker.services.logbook.log_tables import TableQuery
from po_tracker.ui.pages.certifications_page import CertificationsPage
from po_tracker.ui.pages.experience_page import ExperiencePage
from po_tracker.ui.pages.goals_panel import GoalsPanel
from po_tracker.ui.pages.networking_page import ContactsPage, EventsPage
from po_tracker.ui.pages.skills_page import RatingHistory, SkillsPage, SkillsTable
from po_tracker.ui.pages.training_page import TrainingPage
from po_tracker.ui.table_models.entry_table_model import ID_ROLE


@dataclass
class Case:
    page: type
    add: object  # fills a new entry's dialog
    edit: object  # changes it
    added_text: str  # shown in the table after adding
    edited_text: str  # shown after editing


def _cert_add(d):
    d.name.setCurrentText("CSPO")
    d.earned.set_value(date(2025, 3, 1))


def _training_add(d):
    d.title.setText("Discovery course")
    d.hours.setValue(8)
    d.skills.set_checked(["Customer focus"])


def _event_add(d):
    d.title.setText("Product Camp")
    d.event_type.setCurrentText("conference")
    d.people.setText("Ana Lima, Tom Berg")


def _rating_add(d):
    d.skill.setCurrentText("Leadership")
    d.level.setValue(4)


def _experience_add(d):
    d.role.setText("Product Owner")
    d.counts["sprints"].setValue(24)


CASES = [
    Case(
        CertificationsPage,
        _cert_add,
        lambda d: d.status.setCurrentText("expired"),
        "CSPO",
        "expired",
    ),
    Case(
        TrainingPage,
        _training_add,
        lambda d: d.title.setText("Discovery course II"),
        "Discovery course",
        "Discovery course II",
    ),
    Case(
        EventsPage,
        _event_add,
        lambda d: d.people.setText("Ana Lima"),
        "Ana Lima, Tom Berg",
        "Ana Lima",
    ),
    Case(
        ContactsPage,
        lambda d: d.name.setText("Zoe Park"),
        lambda d: d.organization.setText("Acme"),
        "Zoe Park",
        "Acme",
    ),
    Case(RatingHistory, _rating_add, lambda d: d.level.setValue(5), "Leadership", "5"),
    Case(
        ExperiencePage,
        _experience_add,
        lambda d: d.organization.setText("Fintech Ltd"),
        "Product Owner",
        "Fintech Ltd",
    ),
    Case(
        GoalsPanel,
        lambda d: d.text.setText("Run a discovery workshop"),
        lambda d: d.status.setCurrentText("in-progress"),
        "Run a discovery workshop",
        "in-progress",
    ),
]


def table_text(page) -> str:
    model = page.model
    return "\n".join(
        " | ".join(model.data(model.index(r, c)) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    )


def stored(page, context):
    with context.reading() as session:
        return log_kinds.service(page.kind).list_all(session)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.page.__name__)
def test_add_edit_delete_and_undo(qtbot, context, fill_dialog, answer_yes, case):
    page = case.page(context)
    qtbot.addWidget(page)
    page.show()
    fill_dialog(case.add)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert case.added_text in table_text(page)
    assert len(stored(page, context)) == 1
    assert page.selected_item() is not None  # the new entry is selected

    fill_dialog(case.edit)
    page.edit_selected()
    assert case.edited_text in table_text(page)

    page.delete_selected()
    assert page.model.rowCount() == 0 and stored(page, context) == []

    stack = context.undo_stack
    stack.undo()  # the delete
    assert case.edited_text in table_text(page)
    stack.undo()  # the edit
    assert case.added_text in table_text(page)
    stack.undo()  # the add
    assert stored(page, context) == []
    stack.redo()
    stack.redo()
    assert case.edited_text in table_text(page)
    assert len(stored(page, context)) == 1


def test_bad_input_is_shown_next_to_its_field_and_writes_nothing(qtbot, context, fill_dialog):
    page = TrainingPage(context)
    qtbot.addWidget(page)
    page.show()

    def fill(d):
        d.title.setText("   ")
        d.hours.setValue(2)
        d.start.set_value(date(2025, 5, 1))
        d.end.set_value(date(2025, 4, 1))

    dialogs = fill_dialog(fill)
    page.add_entry()
    dialog = dialogs[-1]
    assert dialog.result() == 0  # still open: Save was refused
    assert "must not be empty" in dialog.form.error_text("title")
    assert "before the start date" in dialog.form.error_text("end_date")
    assert stored(page, context) == []
    assert context.undo_stack.count() == 0


def test_filter_and_search_narrow_the_table(qtbot, context, fill_dialog):
    page = TrainingPage(context)
    qtbot.addWidget(page)
    page.show()
    for title in ("Story mapping", "Negotiation basics", "Story writing"):
        fill_dialog(lambda d, t=title: (d.title.setText(t), d.hours.setValue(2)))
        page.add_entry()
    qtbot.keyClicks(page.search_box, "story")
    assert page.model.rowCount() == 2
    assert "2 of 3 entries shown" in page.count_label.text()
    page.search_box.clear()
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    titles = [page.model.item(r).title for r in range(page.model.rowCount())]
    assert titles == sorted(titles)


def test_a_log_opens_in_its_own_order_until_a_column_is_sorted(qtbot, context):
    with context.database.write() as session:
        for name, year in (("Alpha", 2024), ("Zeta", 2023), ("Mid", 2025)):
            certifications.create(
                session,
                certifications.CertificationInput(name, custom=True, earned_on=date(year, 1, 1)),
            )
    page = CertificationsPage(context)
    qtbot.addWidget(page)
    page.show()
    names = lambda: [page.model.item(r).name for r in range(page.model.rowCount())]  # noqa: E731
    assert names() == ["Mid", "Alpha", "Zeta"]  # newest earned first
    assert page.table.horizontalHeader().sortIndicatorSection() == -1
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert names() == ["Zeta", "Mid", "Alpha"]
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert names() == ["Alpha", "Mid", "Zeta"]


def test_skills_are_listed_in_the_frameworks_order_until_a_column_is_sorted(qtbot, context):
    page = SkillsTable(context)
    qtbot.addWidget(page)
    page.show()
    skills = lambda: [page.model.item(r).skill for r in range(page.model.rowCount())]  # noqa: E731
    with context.reading() as session:
        framework = [s.skill for s in skill_standing.standings(session, date.today())]
    assert skills() == framework and len(framework) > 2
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert skills() == sorted(framework, key=str.casefold)
    page.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert skills() == framework


def test_an_entry_added_to_a_sorted_filtered_table_is_selected_where_sql_puts_it(
    qtbot, context, fill_dialog
):
    page = TrainingPage(context)
    qtbot.addWidget(page)
    page.show()
    for title in ("Story mapping", "Negotiation basics", "Story writing"):
        fill_dialog(lambda d, t=title: (d.title.setText(t), d.hours.setValue(2)))
        page.add_entry()
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    qtbot.keyClicks(page.search_box, "story")
    fill_dialog(lambda d: (d.title.setText("Story slicing"), d.hours.setValue(1)))
    page.add_entry()
    titles = [page.model.item(r).title for r in range(page.model.rowCount())]
    assert titles == ["Story writing", "Story slicing", "Story mapping"]
    assert page.selected_item().title == "Story slicing"
    with context.reading() as session:
        wanted = log_tables.entry_ids(
            session, TableQuery("training", sort="title", descending=True, text="story")
        )
    assert [page.model.data(page.model.index(r, 0), ID_ROLE) for r in range(3)] == wanted


def test_contact_lists_the_events_where_they_were_met(qtbot, context, fill_dialog):
    events = EventsPage(context)
    people = ContactsPage(context)
    for widget in (events, people):
        qtbot.addWidget(widget)
        widget.show()
    for title in ("Product Camp", "Meetup"):
        fill_dialog(lambda d, t=title: (d.title.setText(t), d.people.setText("Ana Lima")))
        events.add_entry()
    with context.reading() as session:
        (ana,) = [c for c in contacts.list_all(session) if c.name == "Ana Lima"]
    people.select_id(ana.id)
    listed = [people.met_list.item(i).text() for i in range(people.met_list.count())]
    assert len(listed) == 2 and any("Product Camp" in text for text in listed)


def test_undo_that_the_framework_no_longer_allows_is_reported_not_crashed(
    qtbot, context, fill_dialog, answer_yes
):
    from po_tracker.services.framework import edit as framework_edit

    page = RatingHistory(context)
    qtbot.addWidget(page)
    page.show()
    fill_dialog(_rating_add)
    page.add_entry()
    page.delete_selected()
    with context.database.write() as session:
        framework_edit.rename_skill(session, "Leadership", "Team leadership")
        framework_edit.remove_skill(session, "Team leadership")  # no rating left: deleted
    messages = []
    context.status_message.connect(messages.append)
    context.undo_stack.undo()  # would re-create a rating of a skill that is gone
    assert messages and "Could not undo" in messages[0]
    assert stored(page, context) == []


def test_a_future_rating_date_is_refused_and_the_message_goes_once_fixed(
    qtbot, context, fill_dialog
):
    from datetime import timedelta

    page = SkillsPage(context)
    qtbot.addWidget(page)
    page.show()
    dialogs = fill_dialog(lambda d: d.rated_on.set_value(date.today() + timedelta(days=2)))
    page.add_entry()
    dialog = dialogs[-1]
    assert dialog.result() == 0  # still open: Save was refused
    message = dialog.form.error_text("rated_on")
    assert message.startswith("Date (") and "after today" in message and message.endswith(".")
    with context.reading() as session:
        assert ratings.list_all(session) == []
    dialog.rated_on.set_value(date.today())  # fixed: the message goes at once
    assert dialog.form.error_text("rated_on") == ""
    assert not dialog.findChild(QLabel, "rated_on_error").isVisibleTo(dialog)


def test_a_long_column_is_capped_and_the_main_column_keeps_room(qtbot, context):
    from po_tracker.services.logbook import training
    from po_tracker.ui.widgets.column_fit import COLUMN_CAP

    with context.database.write() as session:
        training.create(
            session,
            training.TrainingInput(
                "Story mapping", 4, date(2025, 3, 1), provider="A provider " * 12
            ),
        )
    page = TrainingPage(context)
    qtbot.addWidget(page)
    page.resize(760, 500)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    header = page.table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count()) if c != page.stretch_column]
    assert max(widths) <= COLUMN_CAP
    # The title keeps about a third of the table; nothing scrolls sideways.
    assert header.sectionSize(page.stretch_column) >= 0.3 * page.table.viewport().width()
    assert page.table.horizontalScrollBar().maximum() == 0


def test_a_mentoring_event_says_which_way_it_went_and_counts_the_people_mentored(
    qtbot, context, fill_dialog
):
    events_page = EventsPage(context)
    qtbot.addWidget(events_page)
    events_page.show()
    seen = []

    def fill(d):
        seen.append(d.mentoring.isEnabled())  # a meetup has no direction
        d.title.setText("Mentoring Ana and Tom")
        d.event_type.setCurrentText("mentoring")
        seen.append(d.mentoring.isEnabled())
        d.mentoring.setCurrentIndex(d.mentoring.findData("gave"))
        d.people.setText("Ana Lima, Tom Berg")

    fill_dialog(fill)
    events_page.add_entry()
    assert seen == [False, True]
    with context.reading() as session:
        (event,) = events.list_all(session)
        facts = readiness_facts.gather_facts(session, date.today())
    assert event.mentoring == "gave"
    assert facts.mentored == 2  # the two people mentored, with no experience entry
    assert "mentoring (gave)" in table_text(events_page)  # as the command line lists it


def test_columns_fitted_while_narrow_are_fitted_again_once_wider(qtbot, context):
    with context.writing(Changes.of("event")) as session:
        events.create(
            session,
            events.EventInput("Mentoring Ana", "mentoring", date(2025, 3, 1), mentoring="received"),
        )
    page = EventsPage(context)
    qtbot.addWidget(page)
    page.resize(420, 400)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    column = next(i for i, c in enumerate(page.columns()) if c.title == "Type")
    wanted = page.table.sizeHintForColumn(column)
    qtbot.waitUntil(lambda: page.table.columnWidth(column) < wanted)  # squeezed when narrow
    page.resize(1200, 400)
    qtbot.waitUntil(lambda: page.table.columnWidth(column) >= wanted)  # whole when wide


def test_fitting_the_columns_reads_only_a_screenful_of_a_long_log(qtbot, context):
    from po_tracker.services.logbook import training
    from po_tracker.ui.widgets.column_fit import JUDGED_ROWS

    with context.writing(Changes.of("training")) as session:
        for day in range(1, 29):
            for hour in range(12):
                training.create(
                    session, training.TrainingInput(f"Workshop {day}-{hour}", 1, date(2025, 2, day))
                )
    page = TrainingPage(context)
    qtbot.addWidget(page)
    page.resize(900, 500)
    read = set()
    real_item = page.model.item

    def item(row):
        read.add(row)
        return real_item(row)

    page.model.item = item  # the rows whose entries the page asks for
    page.show()  # its first visit: filled, and its columns fitted
    qtbot.waitExposed(page)
    assert page.model.rowCount() == 336
    # Qt's own column fit read 336 rows here; a log of 30,000 entries, 1,000 of them.
    assert read and max(read) < JUDGED_ROWS + 40


def test_a_long_logs_first_visit_reads_its_entries_in_one_query(qtbot, context):
    from po_tracker.services.logbook import training

    with context.writing(Changes.of("training")) as session:
        for day in range(1, 29):
            for hour in range(12):
                training.create(
                    session, training.TrainingInput(f"Course {day}-{hour}", 1, date(2025, 3, day))
                )
    page = TrainingPage(context)
    qtbot.addWidget(page)
    page.resize(900, 500)
    queries = []
    real_entries = page._entries

    def entries(ids):
        queries.append(ids)
        return real_entries(ids)

    page.model._cache._fetch_rows = entries  # each call is one query for a block of rows
    page.show()  # filled, its columns fitted to the rows in view, painted
    qtbot.waitExposed(page)
    assert page.model.rowCount() == 336
    assert len(queries) == 1 and len(queries[0]) < 336
