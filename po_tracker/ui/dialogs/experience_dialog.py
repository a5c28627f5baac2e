from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit

from ...services.logbook.experience import ExperienceInput
from ..widgets.fields import count_spin, notes_edit
from ..widgets.form import DateEdit, OptionalDateEdit
from .entry_dialog import EntryDialog

COUNTS = (
    ("sprints", "&Sprints as PO:"),
    ("products_owned", "&Products owned:"),
    ("team_size", "&Team size:"),
    ("ceremonies_facilitated", "Stand-ups and refinements &facilitated:"),
    ("people_mentored", "People &mentored:"),
)


class ExperienceDialog(EntryDialog):
    kind = "experience"
    noun = "experience"

    def build_form(self, form) -> None:
        self.role = form.add_row("role", "&Role:", QLineEdit())
        self.organization = form.add_row("organization", "&Organization:", QLineEdit())
        self.start = form.add_row("start_date", "Fro&m:", DateEdit(date.today()))
        self.end = form.add_row("end_date", "&Until:", OptionalDateEdit("Ended"))
        self.counts = {name: form.add_row(name, label, count_spin()) for name, label in COUNTS}
        self.notes = form.add_row("notes", "&Notes:", notes_edit())

    def load(self, item) -> None:
        self.role.setText(item.role)
        self.organization.setText(item.organization)
        self.start.set_value(item.start_date)
        self.end.set_value(item.end_date)
        for name, spin in self.counts.items():
            spin.setValue(getattr(item, name))
        self.notes.setPlainText(item.notes)

    def collect(self) -> ExperienceInput:
        return ExperienceInput(
            role=self.role.text(),
            organization=self.organization.text(),
            start_date=self.start.value(),
            end_date=self.end.value(),
            notes=self.notes.toPlainText(),
            **{name: spin.value() for name, spin in self.counts.items()},
        )
