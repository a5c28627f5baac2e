"""Drop-downs for the journal editor: the prompt an entry answers (grouped by skill) and
a template to start from."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QSizePolicy

NO_PROMPT = "(no prompt)"
GENERAL = "Your own prompts"
OTHER = "Other"
TEXT_ROLE = Qt.ItemDataRole.UserRole


def _header(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)  # a group heading, not a choice
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    return item


def _choice(label: str, value: str) -> QStandardItem:
    item = QStandardItem(label)
    item.setData(value, TEXT_ROLE)
    item.setToolTip(value)
    return item


class PromptPicker(QComboBox):
    """Emits ``chosen`` when the user picks a prompt (not when an entry is loaded)."""

    chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("journal_prompt")
        self.setAccessibleName("Prompt this entry answers")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        # Prompts are whole questions: give them the width of the form.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setModel(QStandardItemModel(self))
        self.activated.connect(lambda _index: self.chosen.emit(self.prompt()))
        self.set_prompts([])

    def set_prompts(self, prompts) -> None:
        """``prompts`` in display order (``journal_prompts.list_prompts``)."""
        current = self.prompt()
        model: QStandardItemModel = self.model()
        model.clear()
        model.appendRow(_choice(NO_PROMPT, ""))
        group = object()
        for prompt in prompts:
            skill = prompt.skill or GENERAL
            if skill != group:
                model.appendRow(_header(skill))
                group = skill
            model.appendRow(_choice(prompt.text, prompt.text))
        self.set_prompt(current)
        # The closed box shows the whole question in a tooltip; the list may be wider.
        self.view().setMinimumWidth(min(self.view().sizeHintForColumn(0) + 24, 900))

    def prompt(self) -> str:
        return self.currentData(TEXT_ROLE) or ""

    def set_prompt(self, text: str) -> None:
        """Select ``text``; a prompt no longer offered (its skill or the user's prompt
        was removed) is kept under Other, so loading an entry never loses it."""
        index = self.findData(text, TEXT_ROLE) if text else 0
        if index < 0:
            model: QStandardItemModel = self.model()
            if self.findText(OTHER) < 0:
                model.appendRow(_header(OTHER))
            model.appendRow(_choice(text, text))
            index = self.count() - 1
        self.setCurrentIndex(index)
        self.setToolTip(text or "Pick a question to reflect on; it is added as a heading.")


class TemplatePicker(QComboBox):
    """Emits ``chosen(name, body)`` and goes back to its hint, ready for the next use."""

    chosen = Signal(str, str)
    HINT = "Insert a template…"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("journal_template")
        self.setAccessibleName("Insert a template")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(20)
        self.activated.connect(self._on_activated)
        self.set_templates([])

    def set_templates(self, templates) -> None:
        self.clear()
        self.addItem(self.HINT)
        for template in templates:
            label = f"{template.name} ({template.skill})" if template.skill else template.name
            self.addItem(label, (template.name, template.body))
        self.setEnabled(bool(templates))

    def _on_activated(self, index: int) -> None:
        value = self.itemData(index)
        self.setCurrentIndex(0)
        if value:
            self.chosen.emit(*value)
