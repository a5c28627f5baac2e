"""Networking: events, and the people met at them. Choosing a person lists the events
where the user met them."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget

from ...services.logbook import contacts
from ...vocabulary import EVENT_TYPES
from ..table_models.entry_table_model import Column
from .log_page import LogPage
from .tabbed_logs import TabbedLogsPage


class EventsPage(LogPage):
    kind = "event"
    noun = "event"
    title = "Events"
    purpose = "Meetups, conferences and mentoring: who you met and what you took away."
    dialog_class = "event_dialog:EventDialog"
    filters = (
        ("All", None),
        ("Follow-up due", "follow-up-due"),
        *((kind.capitalize(), f"type:{kind}") for kind in EVENT_TYPES),
    )

    def columns(self):
        return [
            Column("Date", lambda e: e.event_date, sort_key="date"),
            Column("Event", lambda e: e.title, sort_key="title"),
            Column("Type", lambda e: e.type_label, sort_key="type"),
            Column("Hours", lambda e: e.hours, numeric=True, sort_key="hours"),
            Column("People met", lambda e: e.contacts, sort_key="people"),
            Column(
                "Follow up",
                lambda e: e.follow_up_on,
                display=lambda d: str(d) if d else "",
                sort_key="follow-up",
            ),
        ]


class ContactsPage(LogPage):
    kind = "contact"
    noun = "contact"
    title = "People"
    purpose = "The people you met, and where you met them."
    dialog_class = "contact_dialog:ContactDialog"
    stretch_column = 0

    def columns(self):
        return [
            Column("Name", lambda c: c.name, sort_key="name"),
            Column("Organization", lambda c: c.organization, sort_key="organization"),
            Column("Role", lambda c: c.role, sort_key="role"),
            Column("Events", lambda c: c.events_count, numeric=True, sort_key="events"),
            Column("Last met", lambda c: c.last_met, sort_key="last-met"),
        ]

    def extend_layout(self, layout) -> None:
        self.met_label = QLabel("Choose a person to see where you met them.")
        layout.addWidget(self.met_label)
        self.met_list = QListWidget()
        self.met_list.setObjectName("met_at_list")
        self.met_list.setAccessibleName("Events where you met this person")
        self.met_list.setMaximumHeight(140)
        layout.addWidget(self.met_list)
        self.table.selectionModel().selectionChanged.connect(self._show_met)

    def _show_met(self) -> None:
        self.met_list.clear()
        person = self.selected_item()
        if person is None:
            self.met_label.setText("Choose a person to see where you met them.")
            return
        with self.context.reading() as session:
            met = contacts.events_met(session, person.id)
        self.met_label.setText(
            f"Where you met {person.name}:" if met else f"No events logged with {person.name} yet."
        )
        for event in met:
            self.met_list.addItem(f"{event.event_date}  {event.title} ({event.event_type})")


class NetworkingPage(TabbedLogsPage):
    name = "networking_page"
    accessible_name = "Networking"
    tabs_spec = (
        ("events", EventsPage, "&Events", ("event",)),
        ("people", ContactsPage, "&People", ("contact",)),
    )
