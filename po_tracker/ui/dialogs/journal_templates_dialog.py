"""Manage the journal's templates and the user's own prompts. Each skill's prompt is
shown too, read-only: it belongs to the framework. Changes are saved at once (they are
not log entries, so they stay out of the undo stack) and announced as
``"journal_templates"``, so the journal page reloads its drop-downs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.changes import Changes
from ...services.errors import ValidationError
from ...services.framework import lookup
from ...services.logbook import journal_prompts
from ...services.logbook.journal_prompts import PromptInput, TemplateInput
from ..widgets.fields import optional_combo, optional_value
from ..widgets.fit import FitsScreen
from ..widgets.form import FormPanel, error_style

ITEM_ROLE = Qt.ItemDataRole.UserRole
CHANGED_KIND = "journal_templates"


class _ItemsTab(QWidget):
    """A list of items beside a form, with New, Save and Delete."""

    noun = ""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.current = None
        row = QHBoxLayout(self)
        self.items = QListWidget()
        self.items.setObjectName(f"{self.noun}_list")
        self.items.setAccessibleName(f"{self.noun.capitalize()}s")
        self.items.setMinimumWidth(240)
        self.items.setWordWrap(True)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setStyleSheet("QListWidget::item { padding: 3px 2px; }")
        self.items.currentItemChanged.connect(self._on_current_changed)
        row.addWidget(self.items, 2)
        side = QVBoxLayout()
        self.note = QLabel()
        self.note.setWordWrap(True)
        side.addWidget(self.note)
        self.form = FormPanel()
        with self.context.reading() as session:
            self.skills = lookup.skill_names(session)
        self.build_form(self.form)
        side.addWidget(self.form, 1)
        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(error_style(self))
        self.general_error.hide()
        side.addWidget(self.general_error)
        side.addLayout(self._buttons())
        row.addLayout(side, 3)
        self.reload()

    def _buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.new_button = QPushButton(f"&New {self.noun}")
        self.new_button.clicked.connect(self.start_new)
        self.delete_button = QPushButton("De&lete")
        self.delete_button.clicked.connect(self.delete_current)
        self.save_button = QPushButton("&Save")
        self.save_button.clicked.connect(self.save_current)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        return buttons

    # -- for subclasses --------------------------------------------------------------------
    def build_form(self, form: FormPanel) -> None:
        raise NotImplementedError

    def list_items(self, session) -> list:
        raise NotImplementedError

    def label(self, item) -> str:
        raise NotImplementedError

    def fill(self, item) -> None:
        raise NotImplementedError

    def collect(self):
        raise NotImplementedError

    def editable(self, item) -> bool:
        return True

    # -- behaviour -------------------------------------------------------------------------
    def reload(self, select_id=None) -> None:
        with self.context.reading() as session:
            listed = self.list_items(session)
        self.items.blockSignals(True)
        self.items.clear()
        for item in listed:
            row = QListWidgetItem(self.label(item))
            row.setData(ITEM_ROLE, item)
            row.setToolTip(self.label(item))
            if not self.editable(item):
                row.setForeground(self.palette().placeholderText())
            self.items.addItem(row)
            if select_id is not None and getattr(item, "id", None) == select_id:
                self.items.setCurrentItem(row)
        if self.items.currentItem() is None and self.items.count():
            self.items.setCurrentRow(0)
        self.items.blockSignals(False)
        self.show_item(self.items.currentItem())

    def _on_current_changed(self, row, previous) -> None:
        target = row.data(ITEM_ROLE) if row is not None else None
        saved_before = self.items.count()
        if not self.confirm_leave():
            self.items.blockSignals(True)
            self.items.setCurrentItem(previous)
            self.items.blockSignals(False)
            return
        if saved_before != self.items.count() or self.items.currentItem() is not row:
            row = self._find(target)  # a save rebuilt the list
        self.items.blockSignals(True)
        self.items.setCurrentItem(row)
        self.items.blockSignals(False)
        self.show_item(row)

    def _find(self, item):
        for index in range(self.items.count()):
            if self.items.item(index).data(ITEM_ROLE) == item:
                return self.items.item(index)
        return None

    def is_dirty(self) -> bool:
        return self.collect() != self._baseline

    def confirm_leave(self) -> bool:
        """Nothing typed here is dropped silently: Save, Discard or Cancel."""
        if not self.form.isEnabled() or not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"Save your changes to this {self.noun}?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save_current()
        return answer == QMessageBox.StandardButton.Discard

    def show_item(self, row) -> None:
        item = row.data(ITEM_ROLE) if row is not None else None
        self.current = item
        self.form.clear_errors()
        self.general_error.hide()
        self.fill(item)
        self._baseline = self.collect()
        editable = item is None or self.editable(item)
        self.form.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.delete_button.setEnabled(item is not None and editable)
        self.save_button.setText("&Save" if item is not None else f"&Add {self.noun}")

    def start_new(self) -> None:
        if not self.confirm_leave():
            return
        self.items.blockSignals(True)
        self.items.setCurrentItem(None)
        self.items.blockSignals(False)
        self.show_item(None)
        self.first_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_current(self) -> bool:
        data = self.collect()
        try:
            with self.context.writing(Changes.of(CHANGED_KIND)) as session:
                saved = self.write(session, data)
        except ValidationError as error:
            unclaimed = self.form.show_errors(error.errors)
            self.general_error.setText("\n".join(str(e) for e in unclaimed))
            self.general_error.setVisible(bool(unclaimed))
            return False
        self.reload(saved.id)
        return True

    def delete_current(self) -> None:
        if self.current is None or not self.editable(self.current):
            return
        answer = QMessageBox.question(
            self,
            f"Delete {self.noun}",
            f"Delete the {self.noun} “{self.label(self.current)}”? Entries written with it keep "
            "their text.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self.context.writing(Changes.of(CHANGED_KIND)) as session:
            self.remove(session, self.current.id)
        self.reload()


class TemplatesTab(_ItemsTab):
    noun = "template"

    def build_form(self, form: FormPanel) -> None:
        self.name = form.add_row("name", "Na&me:", QLineEdit())
        self.name.setPlaceholderText("Weekly reflection")
        self.first_field = self.name
        self.skill = form.add_row("skill", "S&kill:", optional_combo(self.skills))
        self.body = form.add_row("body", "&Body:", QPlainTextEdit())
        self.body.setTabChangesFocus(True)
        self.body.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.body.setPlaceholderText("## What went well\n\n## What I would change")
        self.note.setText("A template starts an entry with its headings (Markdown).")

    def list_items(self, session) -> list:
        return journal_prompts.list_templates(session)

    def label(self, item) -> str:
        return f"{item.name} ({item.skill})" if item.skill else item.name

    def fill(self, item) -> None:
        self.name.setText(item.name if item else "")
        self.name.setCursorPosition(0)
        self.skill.setCurrentIndex(max(self.skill.findText(item.skill or ""), 0) if item else 0)
        self.body.setPlainText(item.body if item else "")

    def collect(self) -> TemplateInput:
        return TemplateInput(self.name.text(), self.body.toPlainText(), optional_value(self.skill))

    def write(self, session, data):
        if self.current is None:
            return journal_prompts.create_template(session, data)
        return journal_prompts.update_template(session, self.current.id, data)

    def remove(self, session, item_id: int) -> None:
        journal_prompts.delete_template(session, item_id)


class PromptsTab(_ItemsTab):
    noun = "prompt"

    def build_form(self, form: FormPanel) -> None:
        self.text = form.add_row("text", "&Question:", QLineEdit())
        self.text.setPlaceholderText("What did I learn from a user this week?")
        self.first_field = self.text
        self.skill = form.add_row("skill", "S&kill:", optional_combo(self.skills))

    def list_items(self, session) -> list:
        return journal_prompts.list_prompts(session)

    def label(self, item) -> str:
        return f"{item.skill or 'Any skill'}: {item.text}"

    def editable(self, item) -> bool:
        return item.editable

    def fill(self, item) -> None:
        self.text.setText(item.text if item else "")
        self.text.setCursorPosition(0)  # show a long question from its start
        self.skill.setCurrentIndex(max(self.skill.findText(item.skill or ""), 0) if item else 0)
        if item is not None and not item.editable:
            self.note.setText(
                f"This is the prompt of the skill {item.skill}; it changes with the framework."
            )
        else:
            self.note.setText("A one-line question to reflect on, shown under its skill.")

    def collect(self) -> PromptInput:
        return PromptInput(self.text.text(), optional_value(self.skill))

    def write(self, session, data):
        if self.current is None:
            return journal_prompts.create_prompt(session, data)
        return journal_prompts.update_prompt(session, self.current.id, data)

    def remove(self, session, item_id: int) -> None:
        journal_prompts.delete_prompt(session, item_id)


class JournalTemplatesDialog(FitsScreen, QDialog):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.setObjectName("journal_templates_dialog")
        self.setWindowTitle("Journal prompts and templates")
        self.resize(860, 520)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.templates = TemplatesTab(context)
        self.prompts = PromptsTab(context)
        self.tabs.addTab(self.templates, "&Templates")
        self.tabs.addTab(self.prompts, "&Prompts")
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def reject(self) -> None:
        # Close and Escape both come here; each tab may still hold unsaved words.
        if all(tab.confirm_leave() for tab in (self.templates, self.prompts)):
            super().reject()
