from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from ...services.logbook import contacts
from ...services.logbook.events import EventInput
from ...vocabulary import EVENT_TYPES
from ..widgets.fields import hours_spin, notes_edit
from ..widgets.form import DateEdit, OptionalDateEdit
from ..widgets.names_completer import NamesCompleter
from .entry_dialog import EntryDialog

MENTORING_CHOICES = (
    ("Not said", None),
    ("I mentored the people met", "gave"),
    ("The people met mentored me", "received"),
)


def split_names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.replace(";", ",").split(",") if name.strip())


class EventDialog(EntryDialog):
    kind = "event"
    noun = "networking event"

    def build_form(self, form) -> None:
        with self.context.reading() as session:
            people = [c.name for c in contacts.list_all(session)]
        self.title = form.add_row("title", "&Title:", QLineEdit())
        self.event_type = QComboBox()
        self.event_type.addItems(EVENT_TYPES)
        form.add_row("event_type", "T&ype:", self.event_type)
        # Which way a mentoring event went; only a mentoring event has one.
        self.mentoring = QComboBox()
        for label, value in MENTORING_CHOICES:
            self.mentoring.addItem(label, value)
        self.mentoring_row = form.add_row("mentoring", "&Mentoring:", self.mentoring)
        self.event_type.currentTextChanged.connect(self._type_changed)
        self._type_changed(self.event_type.currentText())
        self.event_date = form.add_row("event_date", "&Date:", DateEdit(date.today()))
        self.hours = form.add_row("hours", "&Hours:", hours_spin(1000))
        self.location = form.add_row("location", "&Location:", QLineEdit())
        self.online = form.add_row("online", "", QCheckBox("&Online"))
        self.people = QLineEdit()
        self.people.setPlaceholderText("Names, separated by commas")
        self.people.setCompleter(NamesCompleter(people, self.people))
        form.add_row("contacts", "&People met:", self.people)
        self.takeaways = form.add_row("takeaways", "Take&aways:", notes_edit())
        self.follow_up = form.add_row(
            "follow_up_on", "&Follow up:", OptionalDateEdit("Follow up on")
        )
        self.follow_up_done = form.add_row("follow_up_done", "", QCheckBox("Follow-up &done"))
        self.notes = form.add_row("notes", "&Notes:", notes_edit(70))

    def _type_changed(self, event_type: str) -> None:
        mentoring = event_type == "mentoring"
        self.mentoring.setEnabled(mentoring)
        if not mentoring:
            self.mentoring.setCurrentIndex(0)

    def load(self, item) -> None:
        self.title.setText(item.title)
        self.event_type.setCurrentText(item.event_type)
        self.mentoring.setCurrentIndex(max(0, self.mentoring.findData(item.mentoring)))
        self.event_date.set_value(item.event_date)
        self.hours.setValue(item.hours)
        self.location.setText(item.location)
        self.online.setChecked(item.online)
        self.people.setText(", ".join(item.contacts))
        self.takeaways.setPlainText(item.takeaways)
        self.follow_up.set_value(item.follow_up_on)
        self.follow_up_done.setChecked(item.follow_up_done)
        self.notes.setPlainText(item.notes)

    def collect(self) -> EventInput:
        return EventInput(
            title=self.title.text(),
            event_type=self.event_type.currentText(),
            event_date=self.event_date.value(),
            hours=self.hours.value(),
            location=self.location.text(),
            online=self.online.isChecked(),
            contacts=split_names(self.people.text()),
            takeaways=self.takeaways.toPlainText(),
            follow_up_on=self.follow_up.value(),
            follow_up_done=self.follow_up_done.isChecked(),
            credits=self.item.credits if self.item else (),
            notes=self.notes.toPlainText(),
            mentoring=self.mentoring.currentData(),
        )
