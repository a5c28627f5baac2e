"""Add or edit feedback: the quote, who gave it and in what role, and the skills it
speaks to, each with the level the giver saw if they gave one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
)

from ...services.framework import lookup
from ...services.logbook import contacts
from ...services.logbook.feedback_entries import FeedbackInput, SkillLevel
from ...vocabulary import FEEDBACK_ROLES, LEVEL_MEANINGS
from ..widgets.fields import notes_edit
from ..widgets.form import DateEdit
from .entry_dialog import EntryDialog

NO_LEVEL = "no level"


class SkillLevels(QTableWidget):
    """Every skill with a tick (the feedback speaks to it) and the level seen."""

    def __init__(self, skills: list[str], parent=None):
        super().__init__(len(skills), 2, parent)
        self.setHorizontalHeaderLabels(["Skill", "Level they saw"])
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setMaximumHeight(180)
        self.levels: list[QComboBox] = []
        for row, name in enumerate(skills):
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(NO_LEVEL)
            combo.addItems([f"{n} {LEVEL_MEANINGS[n][0]}" for n in sorted(LEVEL_MEANINGS)])
            combo.setAccessibleName(f"Level seen in {name}")
            self.setCellWidget(row, 1, combo)
            self.levels.append(combo)

    def value(self) -> tuple[SkillLevel, ...]:
        chosen = []
        for row, combo in enumerate(self.levels):
            if self.item(row, 0).checkState() == Qt.CheckState.Checked:
                level = combo.currentIndex() or None  # index 0 is "no level"
                chosen.append(SkillLevel(self.item(row, 0).text(), level))
        return tuple(chosen)

    def set_value(self, items) -> None:
        wanted = {item.skill: item.level for item in items}
        for row, combo in enumerate(self.levels):
            name = self.item(row, 0).text()
            ticked = name in wanted
            state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
            self.item(row, 0).setCheckState(state)
            combo.setCurrentIndex((wanted.get(name) or 0) if ticked else 0)


class FeedbackDialog(EntryDialog):
    kind = "feedback"
    noun = "feedback"

    def build_form(self, form) -> None:
        with self.context.reading() as session:
            skills = lookup.skill_names(session)
            people = [c.name for c in contacts.list_all(session)]
        self.quote = form.add_row("quote", "&What they said:", notes_edit(90))
        self.giver = QLineEdit()
        self.giver.setPlaceholderText("A person in your network, or a new one")
        completer = QCompleter(people, self.giver)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.giver.setCompleter(completer)
        form.add_row("giver", "&From:", self.giver)
        self.role = QComboBox()
        self.role.addItems(FEEDBACK_ROLES)
        form.add_row("giver_role", "Their &role:", self.role)
        self.given_on = form.add_row("given_on", "&Date:", DateEdit(date.today()))
        self.skills = form.add_row("skills", "S&kills it speaks to:", SkillLevels(skills))
        self.notes = form.add_row("notes", "&Notes:", notes_edit(60))

    def load(self, item) -> None:
        self.quote.setPlainText(item.quote)
        self.giver.setText(item.giver)
        self.role.setCurrentText(item.giver_role)
        self.given_on.set_value(item.given_on)
        self.skills.set_value(item.skills)
        self.notes.setPlainText(item.notes)

    def collect(self) -> FeedbackInput:
        return FeedbackInput(
            quote=self.quote.toPlainText(),
            giver=self.giver.text(),
            giver_role=self.role.currentText(),
            given_on=self.given_on.value(),
            skills=self.skills.value(),
            notes=self.notes.toPlainText(),
        )
