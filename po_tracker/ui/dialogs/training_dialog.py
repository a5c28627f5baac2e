from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit

from ...services.framework import lookup
from ...services.logbook.training import TrainingInput
from ...vocabulary import TRAINING_FORMATS, TRAINING_STATUSES
from ..widgets.attachment_field import attachment_row
from ..widgets.fields import CheckList, cost_fields, hours_spin, notes_edit
from ..widgets.form import DateEdit, OptionalDateEdit
from .entry_dialog import EntryDialog


class TrainingDialog(EntryDialog):
    kind = "training"
    noun = "training"

    def build_form(self, form) -> None:
        with self.context.reading() as session:
            skills = lookup.skill_names(session)
        self.title = form.add_row("title", "&Title:", QLineEdit())
        self.provider = form.add_row("provider", "&Provider:", QLineEdit())
        self.format = QComboBox()
        self.format.addItems(TRAINING_FORMATS)
        form.add_row("format", "&Format:", self.format)
        self.status = QComboBox()
        self.status.addItems(TRAINING_STATUSES)
        self.status.setCurrentText("completed")
        form.add_row("status", "S&tatus:", self.status)
        self.start = form.add_row("start_date", "&Date:", DateEdit(date.today()))
        self.end = form.add_row("end_date", "&Until:", OptionalDateEdit("Several days"))
        self.hours = form.add_row("hours", "&Hours:", hours_spin())
        self.skills = form.add_row("skill", "S&kills it develops:", CheckList(skills))
        self.cost, self.currency = cost_fields(form)
        self.notes = form.add_row("notes", "&Notes:", notes_edit())
        self.attachment = attachment_row(self, form)

    def load(self, item) -> None:
        self.title.setText(item.title)
        self.provider.setText(item.provider)
        self.format.setCurrentText(item.format)
        self.status.setCurrentText(item.status)
        self.start.set_value(item.start_date)
        self.end.set_value(item.end_date)
        self.hours.setValue(item.hours)
        self.skills.set_checked(item.skills)
        self.cost.setValue(item.cost_amount or 0)
        self.currency.setText(item.cost_currency or "")
        self.notes.setPlainText(item.notes)
        self.attachment.set_name(item.attachment)

    def collect(self) -> TrainingInput:
        return TrainingInput(
            title=self.title.text(),
            provider=self.provider.text(),
            format=self.format.currentText(),
            status=self.status.currentText(),
            start_date=self.start.value(),
            end_date=self.end.value(),
            hours=self.hours.value(),
            skills=self.skills.checked(),
            cost_amount=self.cost.value() or None,
            cost_currency=self.currency.text() or None,
            # Renewal credit settings are kept as they are; this form does not edit them.
            credits=self.item.credits if self.item else (),
            notes=self.notes.toPlainText(),
            attachment=self.attachment.name(),
        )
