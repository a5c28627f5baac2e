from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QSpinBox

from ...services.framework import lookup
from ...services.logbook.ratings import RatingInput
from ...vocabulary import LEVEL_MAX, LEVEL_MIN, RATING_SOURCES
from ..widgets.fields import notes_edit
from ..widgets.form import DateEdit
from .entry_dialog import EntryDialog


class RatingDialog(EntryDialog):
    kind = "rating"
    noun = "skill rating"

    def build_form(self, form) -> None:
        with self.context.reading() as session:
            skills = lookup.skill_names(session)
        self.skill = QComboBox()
        self.skill.addItems(skills)
        form.add_row("skill", "&Skill:", self.skill)
        self.level = QSpinBox()
        self.level.setRange(LEVEL_MIN, LEVEL_MAX)
        self.level.setValue(3)
        form.add_row("level", "&Level (1-5):", self.level)
        self.rated_on = form.add_row("rated_on", "&Date:", DateEdit(date.today()))
        self.source = QComboBox()
        self.source.addItems(RATING_SOURCES)
        form.add_row("source", "S&ource:", self.source)
        self.note = form.add_row("note", "&Evidence:", notes_edit())

    def preset_skill(self, name: str) -> None:
        self.skill.setCurrentText(name)

    def load(self, item) -> None:
        self.skill.setCurrentText(item.skill)
        self.level.setValue(item.level)
        self.rated_on.set_value(item.rated_on)
        self.source.setCurrentText(item.source)
        self.note.setPlainText(item.note)

    def collect(self) -> RatingInput:
        return RatingInput(
            skill=self.skill.currentText(),
            level=self.level.value(),
            rated_on=self.rated_on.value(),
            source=self.source.currentText(),
            note=self.note.toPlainText(),
        )
