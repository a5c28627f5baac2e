"""A page that holds two logs in tabs (Networking: events and people; Wins & feedback),
each tab a whole log page with its table, filter and actions. The page opens with one
header like every other page, above the tabs: the page's title, the shown tab's purpose
and that tab's primary action; the tabs' own headers are not shown."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ..theme.header import PageHeader


class TabbedLogsPage(QWidget):
    name = ""  # the page's object name, and the tabs' accessible name
    accessible_name = ""
    # (attribute, log page class, tab label, the kinds of entry it shows); the first is
    # the one an entry of any other kind opens.
    tabs_spec: tuple = ()

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.setObjectName(self.name)
        self.header = PageHeader(self.accessible_name, "")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)  # a view switcher under the header, not a frame
        self.tabs.setAccessibleName(self.accessible_name)
        for attribute, page_class, label, _ in self.tabs_spec:
            page = page_class(context)
            setattr(self, attribute, page)
            page.findChild(PageHeader).hide()
            self.tabs.addTab(page, label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # The header lines up with the tab's content, which keeps its page's margins.
        inner = self.tabs.widget(0).layout().contentsMargins()
        framed = QVBoxLayout()
        framed.setContentsMargins(inner.left(), inner.top(), inner.right(), inner.bottom())
        framed.addWidget(self.header)
        layout.addLayout(framed)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_shown)
        self._tab_shown()

    def _tab_shown(self, _index: int = 0) -> None:
        """The header speaks for the tab shown: its purpose and its Add button."""
        page = self.tabs.currentWidget()
        self.header.purpose.setText(page.purpose)
        self.header.set_action(page.add_button, icon="new")
        page.add_button.show()

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
