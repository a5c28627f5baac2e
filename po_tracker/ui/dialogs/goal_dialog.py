from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit

from ...services.framework import lookup
from ...services.logbook.goals import GoalInput
from ...vocabulary import GOAL_REQUIREMENTS, GOAL_STATUSES
from ..widgets.fields import notes_edit, optional_combo, optional_value
from ..widgets.form import OptionalDateEdit
from .entry_dialog import EntryDialog

REQUIREMENT_LABELS = {
    "years_experience": "Years of experience",
    "sprints_as_po": "Sprints as PO",
    "people_mentored": "People mentored",
    "training_hours_12m": "Training hours (12 months)",
    "events_12m": "Networking events (12 months)",
}
assert set(REQUIREMENT_LABELS) == set(GOAL_REQUIREMENTS)


class GoalDialog(EntryDialog):
    kind = "goal"
    noun = "goal"

    def build_form(self, form) -> None:
        with self.context.reading() as session:
            skills = lookup.skill_names(session)
            credentials = lookup.credential_names(session)
        self.text = form.add_row("text", "&Goal:", QLineEdit())
        self.target = form.add_row("target_date", "&Target date:", OptionalDateEdit("By"))
        self.status = QComboBox()
        self.status.addItems(GOAL_STATUSES)
        form.add_row("status", "S&tatus:", self.status)
        self.skill = form.add_row("skill", "&Skill it serves:", optional_combo(skills))
        self.credential = form.add_row(
            "credential", "&Credential it serves:", optional_combo(credentials)
        )
        self.requirement = form.add_row(
            "requirement", "&Requirement it serves:", optional_combo(REQUIREMENT_LABELS.values())
        )
        self.notes = form.add_row("notes", "&Notes:", notes_edit())

    def load(self, item) -> None:
        self.text.setText(item.text)
        self.target.set_value(item.target_date)
        self.status.setCurrentText(item.status)
        self.skill.setCurrentText(item.skill or "")
        self.credential.setCurrentText(item.credential or "")
        self.requirement.setCurrentText(REQUIREMENT_LABELS.get(item.requirement, ""))
        self.notes.setPlainText(item.notes)

    def collect(self) -> GoalInput:
        by_label = {label: key for key, label in REQUIREMENT_LABELS.items()}
        return GoalInput(
            text=self.text.text(),
            target_date=self.target.value(),
            status=self.status.currentText(),
            skill=optional_value(self.skill),
            credential=optional_value(self.credential),
            requirement=by_label.get(optional_value(self.requirement) or ""),
            notes=self.notes.toPlainText(),
        )
