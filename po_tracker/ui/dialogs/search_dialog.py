"""Find anything in every log (Ctrl+F): results appear as the user types, through the
same search service as ``po-tracker search``; Enter or a double-click opens the entry
where it lives."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ...services.errors import ValidationError
from ...services.search import full_text as search
from ..navigation import PAGE_OF_KIND

KIND_LABELS = {
    "certification": "Certification",
    "training": "Training",
    "event": "Event",
    "contact": "Person",
    "rating": "Skill rating",
    "experience": "Experience",
    "journal": "Journal",
    "goal": "Goal",
}
RESULT_LIMIT = 50


class SearchDialog(QDialog):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("search_dialog")
        self.setWindowTitle("Find in every log")
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        label = QLabel("&Search for:")
        self.query = QLineEdit()
        self.query.setObjectName("search_query")
        self.query.setPlaceholderText("Words from any entry: titles, notes, journal, people…")
        self.query.setClearButtonEnabled(True)
        label.setBuddy(self.query)
        layout.addWidget(label)
        layout.addWidget(self.query)
        self.results = QListWidget()
        self.results.setObjectName("search_results")
        self.results.setAccessibleName("Search results")
        self.results.setWordWrap(True)
        layout.addWidget(self.results, 1)
        self.summary = QLabel("Type to search.")
        layout.addWidget(self.summary)
        # Search after a short pause in typing, not on every key.
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(120)
        self.timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _text: self.timer.start())
        self.query.returnPressed.connect(self.open_current)
        self.results.itemActivated.connect(lambda _item: self.open_current())

    def run_search(self) -> None:
        text = self.query.text().strip()
        self.results.clear()
        if not text:
            self.summary.setText("Type to search.")
            return
        try:
            with self.context.reading() as session:
                hits = search.search(session, text, limit=RESULT_LIMIT)
        except ValidationError as error:
            self.summary.setText(error.errors[0].message)
            return
        for hit in hits:
            heading = f"{KIND_LABELS[hit.kind]} · {hit.title or '(untitled)'}"
            if hit.date:
                heading += f" · {hit.date}"
            snippet = hit.snippet if hit.snippet != hit.title else ""
            item = QListWidgetItem(f"{heading}\n{snippet}" if snippet else heading)
            item.setData(Qt.ItemDataRole.UserRole, (hit.kind, hit.id))
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        count = len(hits)
        self.summary.setText(
            f"No entry matches “{text}”."
            if not hits
            else f"{count}{'+' if count == RESULT_LIMIT else ''} "
            f"match{'es' if count != 1 else ''}; Enter opens the selected one."
        )

    def open_current(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.run_search()
        item = self.results.currentItem()
        if item is None:
            return
        kind, entry_id = item.data(Qt.ItemDataRole.UserRole)
        self.context.navigate.emit(PAGE_OF_KIND[kind], (kind, entry_id))
        self.accept()
