"""A page that holds two logs in tabs (Networking: events and people; Wins & feedback),
each tab a whole log page with its own header, table, filter and actions."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class TabbedLogsPage(QWidget):
    name = ""  # the page's object name, and the tabs' accessible name
    accessible_name = ""
    # (attribute, log page class, tab label, the kinds of entry it shows); the first is
    # the one an entry of any other kind opens.
    tabs_spec: tuple = ()

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.setObjectName(self.name)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.accessible_name)
        for attribute, page_class, label, _ in self.tabs_spec:
            page = page_class(context)
            setattr(self, attribute, page)
            self.tabs.addTab(page, label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def add_entry(self) -> None:
        self.tabs.currentWidget().add_entry()

    def show_argument(self, argument) -> None:
        """Open the tab of the entry's kind, and the entry in it."""
        attribute = next(
            (spec[0] for spec in self.tabs_spec if argument[0] in spec[3]),
            self.tabs_spec[0][0],
        )
        page = getattr(self, attribute)
        self.tabs.setCurrentWidget(page)
        page.show_argument(argument)
