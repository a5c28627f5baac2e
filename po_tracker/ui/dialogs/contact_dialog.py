from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from ...services.logbook.contacts import ContactInput
from ..widgets.fields import notes_edit
from .entry_dialog import EntryDialog


class ContactDialog(EntryDialog):
    kind = "contact"
    noun = "contact"

    def build_form(self, form) -> None:
        self.name = form.add_row("name", "&Name:", QLineEdit())
        self.organization = form.add_row("organization", "&Organization:", QLineEdit())
        self.role = form.add_row("role", "&Role:", QLineEdit())
        self.notes = form.add_row("notes", "N&otes:", notes_edit())

    def load(self, item) -> None:
        self.name.setText(item.name)
        self.organization.setText(item.organization)
        self.role.setText(item.role)
        self.notes.setPlainText(item.notes)

    def collect(self) -> ContactInput:
        return ContactInput(
            name=self.name.text(),
            organization=self.organization.text(),
            role=self.role.text(),
            notes=self.notes.toPlainText(),
        )
