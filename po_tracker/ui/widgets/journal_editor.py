"""The form for one journal entry, writing first: a large title and the Markdown text
with its preview take the room; the day it is about, tags, the prompt it answers, a
template and links sit in a side panel beside them. It only edits: the page validates,
saves through the undo stack and decides what to load."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...services.logbook.journal_entries import EntryRef, JournalInput
from ..theme import tokens
from ..theme.header import scaled_font
from .form import DateEdit, FormPanel
from .journal_pickers import PromptPicker, TemplatePicker
from .link_picker import LinkPicker
from .markdown_editor import MarkdownEditor

_TAG_SEPARATORS = re.compile(r"[,\s]+")
# The side panel: room for a date, tags and a link's title; a third of the editor on a
# small screen, so that the writing keeps the larger part.
DETAILS_WIDTH = 280
DETAILS_MIN_WIDTH = 200


def parse_tags(text: str) -> tuple[str, ...]:
    """ "roadmap, #stakeholders  retro" -> ("roadmap", "stakeholders", "retro")."""
    words = (word.lstrip("#") for word in _TAG_SEPARATORS.split(text))
    return tuple(dict.fromkeys(word for word in words if word))


def _prompt_heading(prompt: str) -> str:
    return f"## {prompt}\n\n" if prompt else ""


class JournalEditor(QWidget):
    # Whether the form differs from what was loaded (or from a blank new entry).
    dirty_changed = Signal(bool)
    # Any change the user makes (the page's autosave waits for a pause in these).
    edited = Signal()
    manage_requested = Signal()

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.entry_id: int | None = None
        self._baseline: JournalInput | None = None
        self._dirty = False
        self._shown_prompt = ""
        self.form = FormPanel()  # the writing: title and text
        self.form.layout_.setContentsMargins(0, 0, 0, 0)
        self.details = FormPanel()  # the side panel: what the entry is about
        self.details.setObjectName("journal_details")
        self.details.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.details.layout_.setContentsMargins(0, 0, 0, 0)
        self.details.setMinimumWidth(0)
        self._build_title()
        self._build_details()
        self._build_text()
        self._connect()
        self._lay_out()
        self.load(None)

    def _build_title(self) -> None:
        self.title = QLineEdit()
        self.title.setObjectName("journal_title")
        self.title.setPlaceholderText("Title: a few words to find this entry by")
        self.title.setFont(scaled_font(self.title, tokens.HEADLINE_SCALE, bold=True))
        self.form.add_row("title", "Title:", self.title, show_label=False)

    def _build_details(self) -> None:
        self.entry_date = DateEdit()
        self.entry_date.setObjectName("journal_date")
        self.entry_date.setToolTip("The day this entry is about, which may be before today")
        self.details.add_row("entry_date", "&Date:", self.entry_date)
        self.entry_date.setAccessibleName("Day the entry is about")
        self.tags = QLineEdit()
        self.tags.setObjectName("journal_tags")
        self.tags.setPlaceholderText("roadmap, stakeholders (commas or spaces)")
        self.details.add_row("tags", "Ta&gs:", self.tags, "tag")
        self.prompt = PromptPicker()
        self.prompt.setMinimumContentsLength(12)  # the side panel is narrow; tooltips tell
        self.details.add_row("prompt", "&Prompt:", self.prompt)
        self.details.add_row("template", "Te&mplate:", self._template_row())
        self.links = LinkPicker(self.context)
        self.details.add_row("links", "Lin&ks:", self.links)

    def _build_text(self) -> None:
        self.text = MarkdownEditor()
        self.form.add_row("text", "Text:", self.text, show_label=False)
        # The text takes the height the other rows leave, and its error line none of it
        # (the row's box, field above error, is made by the form).
        box = self.text.parentWidget()
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        box.layout().setStretch(0, 1)
        self.form.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

    def _connect(self) -> None:
        for signal in (
            self.title.textChanged,
            self.entry_date.dateChanged,
            self.tags.textChanged,
            self.prompt.currentIndexChanged,
            self.links.changed,
            self.text.textChanged,
        ):
            signal.connect(self._update_dirty)
        self.prompt.chosen.connect(self._insert_prompt)
        self.template.chosen.connect(self._insert_template)

    def _lay_out(self) -> None:
        """The writing on the left, the side panel (scrolling down on a short screen,
        never sideways) on the right."""
        side = QScrollArea()
        side.setObjectName("journal_side_panel")
        side.setAccessibleName("Entry details")
        side.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields
        side.setWidgetResizable(True)
        side.setFrameShape(QFrame.Shape.NoFrame)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setWidget(self.details)
        side.setFixedWidth(DETAILS_WIDTH)
        self.side_panel = side
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(tokens.GAP)
        row.addWidget(self.form, 1)
        row.addWidget(side)
        # Tab: title, text, then the side panel from top to bottom.
        chain = [self.title, self.text.editor, self.entry_date, self.tags, self.prompt]
        chain += [self.template, self.manage_button, self.links.find]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def resizeEvent(self, event) -> None:
        third = event.size().width() // 3
        self.side_panel.setFixedWidth(max(DETAILS_MIN_WIDTH, min(DETAILS_WIDTH, third)))
        super().resizeEvent(event)

    def _template_row(self) -> QWidget:
        box = QWidget()
        row = QVBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(tokens.TIGHT)
        self.template = TemplatePicker()
        self.template.setMinimumContentsLength(12)
        row.addWidget(self.template)
        # Short words: the side panel may be narrow.
        self.manage_button = QPushButton("Manage…")
        self.manage_button.setToolTip("Manage prompts and templates")
        self.manage_button.setAccessibleName("Manage prompts and templates")
        self.manage_button.setObjectName("journal_manage_templates")
        self.manage_button.clicked.connect(self.manage_requested)
        row.addWidget(self.manage_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.setFocusProxy(self.template)
        return box

    # -- loading and reading ---------------------------------------------------------------
    def load(self, entry) -> None:
        """Show ``entry`` (a ``journal.Journal``), or a blank new entry for None."""
        self.clear_errors()
        self.entry_id = entry.id if entry is not None else None
        # The same words (just saved) are left alone: the cursor and the line's own
        # undo stay where the user was writing.
        _set_text(self.title, entry.title if entry else "")
        self.entry_date.set_value(entry.entry_date if entry else date.today())
        _set_text(self.tags, ", ".join(entry.tags) if entry else "")
        self.prompt.set_prompt(entry.prompt if entry else "")
        self._shown_prompt = entry.prompt if entry else ""
        self_ref = EntryRef("journal", entry.id) if entry else None
        self.links.set_links(entry.links if entry else (), self_ref)
        self.text.set_text(entry.text if entry else "")
        self.mark_clean()

    def collect(self) -> JournalInput:
        return JournalInput(
            text=self.text.text(),
            entry_date=self.entry_date.value(),
            title=self.title.text().strip(),
            tags=parse_tags(self.tags.text()),
            links=self.links.refs(),
            prompt=self.prompt.prompt(),
        )

    def mark_clean(self) -> None:
        self._baseline = self.collect()
        self._update_dirty()

    def is_dirty(self) -> bool:
        return self._dirty

    def _update_dirty(self, *_args) -> None:
        dirty = self._baseline is not None and self.collect() != self._baseline
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self.edited.emit()

    def show_errors(self, errors) -> list:
        """Each message at its field, in the writing or the side panel; returns the
        errors neither claimed."""
        return self.form.show_errors(self.details.show_errors(errors))

    def error_text(self, name: str) -> str:
        for panel in (self.form, self.details):
            if panel.claims(name):
                return panel.error_text(name)
        raise KeyError(name)

    def clear_errors(self) -> None:
        self.form.clear_errors()
        self.details.clear_errors()

    # -- prompts and templates -------------------------------------------------------------
    def set_choices(self, prompts, templates) -> None:
        self.prompt.blockSignals(True)
        self.prompt.set_prompts(prompts)
        self.prompt.blockSignals(False)
        self.template.set_templates(templates)

    def _insert_prompt(self, text: str) -> None:
        """The question the entry answers opens it as a heading; choosing another
        question replaces the heading the previous one put there."""
        old = _prompt_heading(self._shown_prompt)
        if not self.text.text().startswith(old):
            old = ""
        if text != self._shown_prompt or not old:
            self.text.replace_opening(old, _prompt_heading(text))
        self._shown_prompt = text

    def _insert_template(self, name: str, body: str) -> None:
        if not self.title.text().strip():
            self.title.setText(name)
        # The cursor goes on the line under the first heading, where the user starts.
        first_line_end = body.find("\n")
        self.text.insert_block(body, first_line_end + 1 if first_line_end >= 0 else None)


def _set_text(field: QLineEdit, text: str) -> None:
    if field.text() != text:
        field.setText(text)
