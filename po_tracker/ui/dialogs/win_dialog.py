"""Add or edit a win: what was done, its impact, an optional metric, and what it is
evidence for (skills, stage requirements, people involved)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QWidget

from ...services.framework import lookup
from ...services.logbook import contacts
from ...services.logbook.wins import WinInput
from ...services.validation import strict_number
from ...vocabulary import STAGE_REQUIREMENT_LABELS
from ..widgets.attachment_field import attachment_row
from ..widgets.fields import CheckList, notes_edit
from ..widgets.form import DateEdit
from .entry_dialog import EntryDialog
from .event_dialog import split_names

KEY_OF_LABEL = {label: key for key, label in STAGE_REQUIREMENT_LABELS.items()}


def number_or_text(text: str):
    """A typed number, None when empty, else the text itself for the service to refuse
    by name ("must be a number, not 'twelve'")."""
    text = text.strip()
    if not text:
        return None
    try:
        return float(strict_number(text))
    except ValueError:
        return text


def _number_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class WinDialog(EntryDialog):
    kind = "win"
    noun = "win"

    def build_form(self, form) -> None:
        with self.context.reading() as session:
            skills = lookup.skill_names(session)
            people = [c.name for c in contacts.list_all(session)]
        self.title = form.add_row("title", "&Title:", QLineEdit())
        self.win_date = form.add_row("win_date", "&Date:", DateEdit(date.today()))
        self.description = form.add_row("description", "What you &did:", notes_edit(70))
        self.impact = form.add_row("impact", "&Impact:", notes_edit(70))
        self._metric_row(form)
        self.skills = form.add_row("skills", "S&kills it shows:", CheckList(skills))
        self.requirements = form.add_row(
            "requirements", "&Requirements it shows:", CheckList(STAGE_REQUIREMENT_LABELS.values())
        )
        self.people = QLineEdit()
        self.people.setPlaceholderText("Names, separated by commas")
        completer = QCompleter(people, self.people)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.people.setCompleter(completer)
        form.add_row("contacts", "&People involved:", self.people)
        self.notes = form.add_row("notes", "&Notes:", notes_edit(70))
        self.attachment = attachment_row(self, form)

    def _metric_row(self, form) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.metric_name = QLineEdit()
        self.metric_name.setPlaceholderText("e.g. Lead time")
        self.metric_name.setAccessibleName("Metric name")
        self.metric_before = QLineEdit()
        self.metric_before.setPlaceholderText("before")
        self.metric_before.setAccessibleName("Metric before")
        self.metric_after = QLineEdit()
        self.metric_after.setPlaceholderText("after")
        self.metric_after.setAccessibleName("Metric after")
        self.metric_unit = QLineEdit()
        self.metric_unit.setPlaceholderText("unit")
        self.metric_unit.setAccessibleName("Metric unit")
        for widget, stretch in ((self.metric_name, 3), (self.metric_before, 1),
                                (self.metric_after, 1), (self.metric_unit, 1)):  # fmt: skip
            layout.addWidget(widget, stretch)
        form.add_row("metric_name", "&Metric:", row, "metric_before", "metric_after", "metric_unit")

    def load(self, item) -> None:
        self.title.setText(item.title)
        self.win_date.set_value(item.win_date)
        self.description.setPlainText(item.description)
        self.impact.setPlainText(item.impact)
        self.metric_name.setText(item.metric_name)
        self.metric_before.setText(_number_text(item.metric_before))
        self.metric_after.setText(_number_text(item.metric_after))
        self.metric_unit.setText(item.metric_unit)
        self.skills.set_checked(item.skills)
        self.requirements.set_checked(STAGE_REQUIREMENT_LABELS[key] for key in item.requirements)
        self.people.setText(", ".join(item.contacts))
        self.notes.setPlainText(item.notes)
        self.attachment.set_name(item.attachment)

    def collect(self) -> WinInput:
        return WinInput(
            title=self.title.text(),
            win_date=self.win_date.value(),
            description=self.description.toPlainText(),
            impact=self.impact.toPlainText(),
            metric_name=self.metric_name.text(),
            metric_before=number_or_text(self.metric_before.text()),
            metric_after=number_or_text(self.metric_after.text()),
            metric_unit=self.metric_unit.text(),
            skills=self.skills.checked(),
            requirements=tuple(KEY_OF_LABEL[label] for label in self.requirements.checked()),
            contacts=split_names(self.people.text()),
            notes=self.notes.toPlainText(),
            attachment=self.attachment.name(),
        )
