"""The journal page, driven as a user would: typing, picking, saving, deleting, undoing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QMessageBox,
    QWidget,
)

from po_tracker.services.changes import Changes
from po_tracker.services.logbook import journal_entries as journal
from po_tracker.services.logbook import log_tables, training
from po_tracker.services.logbook.journal_entries import EntryRef, JournalInput
from po_tracker.services.logbook.log_tables import TableQuery
from po_tracker.ui.context import AppContext
from po_tracker.ui.pages.journal_page import JournalPage

DECISION = (
    "What decision did you make this week with limited information, and how would you judge it now?"
)
Yes = QMessageBox.StandardButton.Yes


@pytest.fixture
def context(db, qtbot):
    return AppContext(db)


@pytest.fixture
def page(context, qtbot):
    widget = JournalPage(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def stored(context) -> list:
    with context.reading() as session:
        return journal.list_all(session)


def add_entry(context, title: str, day=date(2026, 3, 2), tags=(), text="Notes") -> int:
    with context.writing(Changes.of("journal")) as session:
        entry = journal.create(session, JournalInput(text, day, title, tuple(tags)))
    return entry.id


def answer(monkeypatch, button) -> list:
    """Auto-answer QMessageBox.question; returns the questions asked."""
    asked = []

    def question(_parent, title, text, *_args):
        asked.append((title, text))
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def pick_from_popup(qtbot, combo: QComboBox, text: str) -> None:
    """Open the drop-down and click the item, as a user would."""
    index = combo.findText(text)
    assert index >= 0, text
    combo.showPopup()
    view = combo.view()
    view.scrollTo(view.model().index(index, 0))
    rect = view.visualRect(view.model().index(index, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not view.isVisible())


def click_entry(qtbot, page, title: str) -> None:
    entries = page.entries
    row = next(r for r in range(entries.count()) if entries.row_text(r).startswith(title))
    rect = entries.list.visualRect(entries.model.index(row))
    qtbot.mouseClick(entries.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_write_an_entry_with_a_prompt_and_tags(qtbot, page, context):
    editor = page.editor
    qtbot.keyClicks(editor.title, "Dropped the importer")
    qtbot.keyClicks(editor.tags, "Roadmap, #decisions  data")
    pick_from_popup(qtbot, editor.prompt, DECISION)
    assert editor.text.text() == f"## {DECISION}\n\n"
    qtbot.keyClicks(editor.text.editor, "Usage data said 2%.")
    assert page.state_label.text() == "New entry, not saved yet"
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    [entry] = stored(context)
    assert entry.title == "Dropped the importer"
    assert entry.prompt == DECISION
    assert entry.tags == ("data", "decisions", "roadmap")
    assert entry.text == f"## {DECISION}\n\nUsage data said 2%."
    assert editor.entry_id == entry.id and page.state_label.text() == "Saved"
    assert page.entries.current_id() == entry.id
    assert page.entries.row_text(0).startswith("Dropped the importer\n")


def test_choosing_another_prompt_replaces_its_heading(qtbot, page):
    editor = page.editor
    qtbot.keyClicks(editor.text.editor, "Some thoughts")
    pick_from_popup(qtbot, editor.prompt, DECISION)
    qtbot.keyClicks(editor.text.editor, "Answer")
    other = editor.prompt.itemText(editor.prompt.findText(DECISION) + 2)
    pick_from_popup(qtbot, editor.prompt, other)
    assert editor.text.text() == f"## {other}\n\nAnswer\n\nSome thoughts"
    assert editor.collect().prompt == other


def test_edit_with_ctrl_s_then_undo_and_redo(qtbot, page, context):
    entry_id = add_entry(context, "First draft")
    click_entry(qtbot, page, "First draft")
    assert page.editor.entry_id == entry_id
    page.editor.title.selectAll()
    qtbot.keyClicks(page.editor.title, "Final words")
    qtbot.keyClick(page.editor.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert [e.title for e in stored(context)] == ["Final words"]
    context.undo_stack.undo()
    assert [e.title for e in stored(context)] == ["First draft"]
    assert page.editor.title.text() == "First draft"  # the editor follows the undo
    context.undo_stack.redo()
    assert page.editor.title.text() == "Final words"
    assert not page.editor.is_dirty()


def test_delete_asks_nothing_and_can_be_undone(qtbot, page, context, monkeypatch):
    add_entry(context, "Keep me?")
    click_entry(qtbot, page, "Keep me?")
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    said = []
    context.status_message.connect(said.append)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert asked == []  # Undo brings it back: no Yes/No first
    assert said == ["Deleted the journal entry “Keep me?”."]
    assert stored(context) == []
    assert page.editor.entry_id is None and page.entries.count() == 0
    context.undo_stack.undo()
    [back] = stored(context)
    assert back.title == "Keep me?" and page.entries.count() == 1
    context.undo_stack.redo()
    assert stored(context) == []


def test_add_then_undo_removes_it(qtbot, page, context):
    qtbot.keyClicks(page.editor.text.editor, "A quick note")
    page.save_entry()
    assert len(stored(context)) == 1
    context.undo_stack.undo()
    assert stored(context) == [] and page.editor.entry_id is None
    assert page.editor.text.text() == ""
    context.undo_stack.redo()
    assert [e.text for e in stored(context)] == ["A quick note"]


def test_empty_text_is_refused_next_to_the_field(qtbot, page, context):
    qtbot.keyClicks(page.editor.title, "No words yet")
    qtbot.keyClicks(page.editor.tags, "x" * 81)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    form = page.editor
    assert form.error_text("text") == "Text must not be empty."
    assert "too long" in form.error_text("tags")
    assert page.findChild(QLabel, "text_error").isVisibleTo(page)
    assert stored(context) == [] and context.undo_stack.count() == 0
    qtbot.keyClicks(page.editor.text.editor, "Now there are")
    page.editor.tags.clear()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert form.error_text("text") == "" and len(stored(context)) == 1


def test_preview_renders_markdown_after_a_pause(qtbot, page):
    qtbot.keyClicks(page.editor.text.editor, "Plain and **bold**")
    preview = page.editor.text.preview
    qtbot.waitUntil(lambda: "bold" in preview.toPlainText())
    assert preview.toPlainText().strip() == "Plain and bold"
    assert "font-weight:700" in preview.toHtml()


def test_link_to_another_entry(qtbot, page, context):
    with context.writing(Changes.of("training")) as session:
        course = training.create(
            session, training.TrainingInput("Scrum mastery course", 8, date(2026, 2, 1))
        )
    picker = page.editor.links
    qtbot.keyClicks(picker.find, "mastery")
    qtbot.waitUntil(lambda: picker.results.count() == 1)
    assert picker.results.isVisibleTo(page)
    qtbot.keyClick(picker.find, Qt.Key.Key_Return)
    assert picker.refs() == (EntryRef("training", course.id),)
    assert picker.links.item(0).text() == "Training · Scrum mastery course (2026-02-01)"
    qtbot.keyClicks(page.editor.text.editor, "What I took from the course")
    page.save_entry()
    [entry] = stored(context)
    assert entry.links == (EntryRef("training", course.id),)
    with qtbot.waitSignal(context.navigate) as opened:
        picker.links.setCurrentRow(0)
        qtbot.keyClick(picker.links, Qt.Key.Key_Return)
    assert opened.args == ["training", ("training", course.id)]
    picker.links.setFocus()
    qtbot.keyClick(picker.links, Qt.Key.Key_Delete)
    assert picker.refs() == () and page.editor.is_dirty()


def test_leaving_an_entry_saves_it_and_asks_only_when_it_cannot_be_saved(
    qtbot, page, context, monkeypatch
):
    add_entry(context, "Older", date(2026, 1, 1))
    add_entry(context, "Newer", date(2026, 2, 1))
    click_entry(qtbot, page, "Older")
    qtbot.keyClicks(page.editor.title, " but edited")
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    click_entry(qtbot, page, "Newer")
    assert asked == [] and page.editor.title.text() == "Newer"
    assert {e.title for e in stored(context)} == {"Older but edited", "Newer"}
    page.editor.text.editor.clear()  # an error: this cannot be saved
    click_entry(qtbot, page, "Older but edited")
    assert len(asked) == 1 and page.editor.title.text() == "Newer"
    assert page.entries.current_text().startswith("Newer")
    assert page.editor.error_text("text") == "Text must not be empty."
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    page.add_entry()  # Ctrl+N
    assert {e.text for e in stored(context)} == {"Notes"}  # the bad change was dropped
    assert page.editor.entry_id is None and page.editor.title.text() == ""


def test_show_argument_opens_an_entry(qtbot, page, context):
    first = add_entry(context, "From search")
    add_entry(context, "Another")
    page.show_argument(("journal", first))
    assert page.editor.title.text() == "From search"
    assert page.entries.current_id() == first
    page.add_entry()
    page.show_argument(first)
    assert page.editor.entry_id == first


def listed_titles(page) -> list[str]:
    return [page.entries.row_text(r).split("\n")[0] for r in range(page.entries.count())]


def test_saving_in_a_filtered_journal_selects_the_entry_where_sql_puts_it(qtbot, page, context):
    add_entry(context, "Old retro", date(2026, 1, 5), ("sprint",))
    add_entry(context, "Pricing", date(2026, 2, 9), ("stakeholders",))
    add_entry(context, "New retro", date(2026, 3, 7), ("sprint",))
    pick_from_popup(qtbot, page.entries.tag_filter, "#sprint")
    page.add_entry()
    qtbot.keyClicks(page.editor.title, "Planning")
    qtbot.keyClicks(page.editor.tags, "sprint")
    page.editor.entry_date.set_value(date(2026, 2, 1))
    qtbot.keyClicks(page.editor.text.editor, "Split two stories")
    assert page.save_entry()

    def listed_as_sql_orders_them() -> None:
        with context.reading() as session:
            wanted = log_tables.entry_ids(session, TableQuery("journal", filter="tag:sprint"))
        assert page.entries.model.ids == wanted

    assert listed_titles(page) == ["New retro", "Planning", "Old retro"]
    listed_as_sql_orders_them()
    assert page.entries.current_id() == page.editor.entry_id
    assert page.entries.current_text().startswith("Planning\n")
    context.undo_stack.undo()
    assert listed_titles(page) == ["New retro", "Old retro"]
    assert page.entries.current_id() is None
    context.undo_stack.redo()
    assert listed_titles(page) == ["New retro", "Planning", "Old retro"]
    listed_as_sql_orders_them()


def test_an_entry_the_filter_hides_is_saved_and_the_user_is_told(qtbot, page, context):
    add_entry(context, "Old retro", date(2026, 1, 5), ("sprint",))
    pick_from_popup(qtbot, page.entries.tag_filter, "#sprint")
    page.add_entry()
    qtbot.keyClicks(page.editor.title, "Pricing")
    qtbot.keyClicks(page.editor.text.editor, "Finance pushed back")
    with qtbot.waitSignal(context.status_message) as told:
        assert page.save_entry()
    assert "filter hides it" in told.args[0]
    assert listed_titles(page) == ["Old retro"]
    assert page.editor.title.text() == "Pricing"  # still open in the editor
    with context.reading() as session:
        assert [e.title for e in journal.list_all(session)].count("Pricing") == 1


def test_an_entry_without_a_title_is_listed_by_its_first_line(qtbot, page, context):
    with context.writing(Changes.of("journal")) as session:
        journal.create(
            session, JournalInput("\n## Why we paused\nThe data was late.", date(2026, 3, 2))
        )
    assert page.entries.row_text(0) == "Why we paused\nMon 02 Mar 2026"


def test_the_list_opens_entries_and_never_edits_them_in_place(qtbot, page, context):
    entry_id = add_entry(context, "Read only")
    entries = page.entries
    rect = entries.list.visualRect(entries.model.index(0))
    for press in (qtbot.mouseClick, qtbot.mouseDClick):  # the events of a double-click
        press(entries.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert entries.list.state() != QAbstractItemView.State.EditingState
    assert page.editor.entry_id == entry_id
    assert entries.row_text(0).startswith("Read only\n")


def test_tag_and_text_filters(qtbot, page, context):
    add_entry(context, "Review", date(2026, 1, 5), ("sprint",), "Demo went fine")
    add_entry(context, "Pricing", date(2026, 1, 9), ("stakeholders",), "Finance pushed back")
    add_entry(context, "Retro", date(2026, 1, 7), ("sprint",), "Kept the board")
    titles = lambda: [  # noqa: E731
        page.entries.row_text(r).split("\n")[0] for r in range(page.entries.count())
    ]
    assert titles() == ["Pricing", "Retro", "Review"]  # newest first
    pick_from_popup(qtbot, page.entries.tag_filter, "#sprint")
    assert titles() == ["Retro", "Review"]
    qtbot.keyClicks(page.entries.text_filter, "demo")
    assert titles() == ["Review"]
    assert page.entries.count_label.text() == "1 of 3 entries shown"


def test_a_template_fills_the_text_and_title(qtbot, page):
    pick_from_popup(qtbot, page.editor.template, "Weekly reflection")
    assert page.editor.title.text() == "Weekly reflection"
    assert page.editor.text.text().startswith("## What went well\n")
    assert page.editor.template.currentIndex() == 0  # ready for the next use


def test_refresh_waits_until_the_page_is_shown(qtbot, page, context):
    page.hide()
    add_entry(context, "While away")
    assert page.entries.count() == 0
    page.show()
    assert page.entries.count() == 1


def test_every_control_is_named_and_labels_have_buddies(page):
    unnamed = []
    for widget in page.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(page):
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # the editor inside a date or combo box
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (text or widget.accessibleName()):
            unnamed.append(widget)
    assert unnamed == []
    for label in page.findChildren(QLabel):
        if "&" in label.text():
            assert label.buddy() is not None, label.text()


def test_tab_order_follows_the_form(page):
    editor = page.editor
    wanted = [
        editor.title,
        editor.text.editor,
        editor.entry_date,
        editor.tags,
        editor.prompt,
        editor.template,
        editor.manage_button,
        editor.links.find,
        page.delete_button,
        page.save_button,
    ]
    chain, widget = [], editor.title
    for _ in range(200):
        chain.append(widget)
        widget = widget.nextInFocusChain()
    positions = [chain.index(w) for w in wanted]
    assert positions == sorted(positions)


def test_templates_and_prompts_dialog_feeds_the_editor(qtbot, page, context, monkeypatch):
    from po_tracker.ui.dialogs.journal_templates_dialog import JournalTemplatesDialog

    dialog = JournalTemplatesDialog(context, page)
    qtbot.addWidget(dialog)
    tab = dialog.templates
    tab.start_new()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.form.error_text("name") == "Name must not be empty."
    qtbot.keyClicks(tab.name, "One-on-one")
    qtbot.keyClicks(tab.body, "## Their goals")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert page.editor.template.findText("One-on-one") > 0
    prompts = dialog.prompts
    prompts.start_new()
    qtbot.keyClicks(prompts.text, "Whom did I thank this week?")
    prompts.skill.setCurrentText("Leadership")
    qtbot.mouseClick(prompts.save_button, Qt.MouseButton.LeftButton)
    picker = page.editor.prompt
    leadership = picker.findText("Leadership")
    assert picker.itemText(leadership + 2) == "Whom did I thank this week?"
    answer(monkeypatch, Yes)
    qtbot.mouseClick(prompts.delete_button, Qt.MouseButton.LeftButton)
    assert picker.findText("Whom did I thank this week?") < 0


def test_templates_dialog_asks_before_dropping_unsaved_words(qtbot, page, context, monkeypatch):
    from po_tracker.ui.dialogs.journal_templates_dialog import JournalTemplatesDialog

    dialog = JournalTemplatesDialog(context, page)
    qtbot.addWidget(dialog)
    tab = dialog.templates
    assert tab.name.text() == "Weekly reflection"  # the first template is shown
    tab.name.end(False)
    qtbot.keyClicks(tab.name, " (mine)")
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    tab.items.setCurrentRow(1)
    assert asked and tab.items.currentRow() == 0 and tab.name.text().endswith("(mine)")
    dialog.reject()
    assert len(asked) == 2  # Close asked too, and Cancel kept the dialog open
    answer(monkeypatch, QMessageBox.StandardButton.Save)
    tab.items.setCurrentRow(1)
    assert tab.name.text() == "After a sprint review"
    assert page.editor.template.findText("Weekly reflection (mine)") > 0


def test_the_journal_opens_on_the_latest_entry(qtbot, context):
    add_entry(context, "Older thoughts", day=date(2026, 3, 1))
    add_entry(context, "Latest thoughts")
    page = JournalPage(context)
    qtbot.addWidget(page)
    page.show()
    assert page.editor.title.text() == "Latest thoughts"
    assert page.entries.current_text().startswith("Latest thoughts")


def test_saving_keeps_the_cursor_where_the_user_was_writing(qtbot, page, context):
    qtbot.keyClicks(page.editor.title, "Cursor")
    qtbot.keyClicks(page.editor.text.editor, "First line. Second line.")
    cursor = page.editor.text.editor.textCursor()
    cursor.setPosition(6)
    page.editor.text.editor.setTextCursor(cursor)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert len(stored(context)) == 1
    assert page.editor.text.editor.textCursor().position() == 6


def test_markdown_is_highlighted_as_it_is_written_and_the_text_is_unchanged(qtbot, page):
    from PySide6.QtGui import QFont

    text = "Some **bold** words\n- a list item"
    page.editor.text.editor.setPlainText(text)
    document = page.editor.text.editor.document()
    first = document.firstBlock()
    bold = [
        r
        for r in first.layout().formats()
        if r.format.fontWeight() >= QFont.Weight.Bold.value and r.length == len("**bold**")
    ]
    assert bold and first.text()[bold[0].start :].startswith("**bold**")
    marker = first.next().layout().formats()
    assert marker and marker[0].start == 0 and marker[0].length == 1  # the "-"
    assert page.editor.text.text() == text


@pytest.fixture
def quick_autosave(monkeypatch):
    from po_tracker.ui.pages import journal_page

    monkeypatch.setattr(journal_page, "AUTOSAVE_MS", 80)


def test_a_pause_in_typing_saves_the_entry_and_undo_takes_it_back(
    qtbot, page, context, quick_autosave
):
    entry_id = add_entry(context, "Draft")
    click_entry(qtbot, page, "Draft")
    page.editor.text.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(page.editor.text.editor, " and more")
    assert [e.text for e in stored(context)] == ["Notes"]  # not while typing
    qtbot.waitUntil(lambda: [e.text for e in stored(context)] == ["Notes and more"])
    assert page.state_label.text() == "Saved" and page.editor.entry_id == entry_id
    text = page.editor.text.editor
    # The writer's place and the editor's own Ctrl+Z survive the save.
    assert text.textCursor().position() == len("Notes and more")
    assert text.document().isUndoAvailable()
    context.undo_stack.undo()
    assert [e.text for e in stored(context)] == ["Notes"]


def test_typing_keeps_putting_the_autosave_off(qtbot, page, context, quick_autosave):
    add_entry(context, "Draft")
    click_entry(qtbot, page, "Draft")
    page.editor.text.editor.moveCursor(QTextCursor.MoveOperation.End)
    for word in ("one ", "two ", "three"):
        qtbot.keyClicks(page.editor.text.editor, word)
        qtbot.wait(30)  # shorter than the pause: nothing is saved yet
        assert [e.text for e in stored(context)] == ["Notes"]
    qtbot.waitUntil(lambda: stored(context)[0].text == "Notesone two three")
    assert context.undo_stack.count() == 1  # one save after the pause


def test_an_unchanged_entry_is_never_written(qtbot, page, context, quick_autosave):
    add_entry(context, "Untouched")
    click_entry(qtbot, page, "Untouched")
    written = []
    context.data_changed.connect(written.append)
    qtbot.keyClicks(page.editor.title, "!")
    qtbot.keyClick(page.editor.title, Qt.Key.Key_Backspace)  # back as it was
    qtbot.wait(300)
    assert page.autosave() is True
    page.hide()  # leaving the page
    assert written == [] and context.undo_stack.count() == 0


def test_an_entry_with_an_error_is_not_autosaved_and_the_error_shows(
    qtbot, page, context, quick_autosave
):
    add_entry(context, "Tagged")
    click_entry(qtbot, page, "Tagged")
    qtbot.keyClicks(page.editor.tags, "x" * 81)
    qtbot.waitUntil(lambda: "too long" in page.editor.error_text("tags"))
    assert stored(context)[0].tags == () and context.undo_stack.count() == 0
    assert page.editor.is_dirty()


def test_a_new_entry_waits_for_its_first_words(qtbot, page, context, quick_autosave):
    qtbot.keyClicks(page.editor.title, "Just a title so far")
    qtbot.wait(300)
    assert stored(context) == [] and page.editor.error_text("text") == ""
    qtbot.keyClicks(page.editor.text.editor, "Now the words")
    qtbot.waitUntil(lambda: len(stored(context)) == 1)
    assert page.editor.entry_id == stored(context)[0].id


def test_leaving_the_page_saves_the_entry(qtbot, page, context):
    add_entry(context, "Going elsewhere")
    click_entry(qtbot, page, "Going elsewhere")
    qtbot.keyClicks(page.editor.title, " soon")
    page.hide()  # another page, or the window closing
    assert [e.title for e in stored(context)] == ["Going elsewhere soon"]


def test_writing_first_the_details_sit_beside_the_text(page):
    from PySide6.QtGui import QFontInfo

    editor = page.editor
    side = editor.side_panel
    for field in (editor.entry_date, editor.tags, editor.prompt, editor.links):
        assert side.isAncestorOf(field)
    for field in (editor.title, editor.text):
        assert not side.isAncestorOf(field)
    text_box = editor.text.mapTo(page, editor.text.rect().topRight())
    side_box = side.mapTo(page, side.rect().topLeft())
    assert side_box.x() >= text_box.x()  # beside the text, on its right
    assert side.width() < editor.text.width()
    title_px = QFontInfo(editor.title.font()).pixelSize()
    body_px = QFontInfo(editor.text.editor.font()).pixelSize()
    assert title_px > body_px * 1.2
    title_bottom = editor.title.mapTo(page, editor.title.rect().bottomLeft()).y()
    assert title_bottom < editor.text.mapTo(page, editor.text.rect().topLeft()).y()
