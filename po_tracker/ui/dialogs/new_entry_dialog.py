"""New entry from a page that has no log of its own (Dashboard, Charts): which kind?
One list, the most frequent kinds first; Enter or a double-click chooses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ..widgets.fields import continue_buttons
from ..widgets.fit import FitsScreen

# kind, label, page key, the tab of that page (networking) or None.
KINDS = (
    ("journal", "Journal entry: what you learned or noticed", "journal", None),
    ("training", "Training: a course, workshop or book", "training", None),
    ("event", "Event: a meetup, conference or mentoring session", "networking", "events"),
    ("contact", "Person you met", "networking", "people"),
    ("rating", "Skill rating", "skills", None),
    ("certification", "Certification", "certifications", None),
    ("experience", "Experience: a role", "experience", None),
    ("win", "Win: something you did and its impact", "evidence", "wins"),
    ("feedback", "Feedback someone gave you", "evidence", "feedback"),
    ("goal", "Goal in your development plan", "career", None),
)


class NewEntryDialog(FitsScreen, QDialog):
    def __init__(self, context=None, parent=None):
        super().__init__(parent)
        self.setObjectName("new_entry_dialog")
        self.setWindowTitle("New entry")
        layout = QVBoxLayout(self)
        label = QLabel("What would you like to &log?")
        self.kinds = QListWidget()
        self.kinds.setAccessibleName("Kind of entry")
        label.setBuddy(self.kinds)
        for kind, text, _page, _tab in KINDS:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.kinds.addItem(item)
        self.kinds.setCurrentRow(0)
        self.kinds.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(label)
        layout.addWidget(self.kinds, 1)
        buttons = continue_buttons(self)
        layout.addWidget(buttons)
        self.resize(440, 340)

    def chosen(self) -> tuple[str, str | None]:
        """(page key, tab) of the kind chosen."""
        kind = self.kinds.currentItem().data(Qt.ItemDataRole.UserRole)
        return next((page, tab) for k, _text, page, tab in KINDS if k == kind)
