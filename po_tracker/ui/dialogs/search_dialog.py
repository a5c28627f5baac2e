"""Find anything in every log (Ctrl+F or Ctrl+K): results appear as the user types,
grouped by kind with the matched words highlighted; Up and Down move through them from
the search field, and Enter or a double-click opens the entry where it lives."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ...services.errors import ValidationError
from ...services.logbook.log_kinds import KINDS
from ...services.search import full_text as search
from ..navigation import PAGE_OF_KIND
from ..widgets.fit import FitsScreen
from ..widgets.rich_list import HTML_ROLE, RichTextDelegate

KIND_LABELS = {kind.name: kind.label for kind in KINDS}
RESULT_LIMIT = 50
# Marks around each match in a snippet: control characters no entry's text contains.
OPEN_MARK, CLOSE_MARK = "\x02", "\x03"
MOVE_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)


def highlighted(text: str) -> str:
    """A snippet as HTML, its matches in bold on the highlight's soft tint."""
    html = escape(text)
    html = html.replace(OPEN_MARK, "<b style='background-color: rgba(255, 200, 0, 0.35)'>")
    return html.replace(CLOSE_MARK, "</b>")


def plain(text: str) -> str:
    return text.replace(OPEN_MARK, "").replace(CLOSE_MARK, "")


class SearchDialog(FitsScreen, QDialog):
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
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.results, 1)
        self.query.installEventFilter(self)
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
                hits = search.search(
                    session, text, limit=RESULT_LIMIT, marks=(OPEN_MARK, CLOSE_MARK)
                )
        except ValidationError as error:
            self.summary.setText(error.errors[0].message)
            return
        self._show_grouped(hits)
        count = len(hits)
        self.summary.setText(
            f"No entry matches “{text}”."
            if not hits
            else f"{count}{'+' if count == RESULT_LIMIT else ''} "
            f"match{'es' if count != 1 else ''}; Enter opens the selected one."
        )

    def _show_grouped(self, hits) -> None:
        """One group per kind, in the order of its best match."""
        order = list(dict.fromkeys(hit.kind for hit in hits))
        for kind in order:
            group = [hit for hit in hits if hit.kind == kind]
            header = QListWidgetItem(f"{KIND_LABELS[kind]} ({len(group)})")
            header.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: not selectable
            header.setData(HTML_ROLE, f"<b>{escape(header.text())}</b>")
            self.results.addItem(header)
            for hit in group:
                self.results.addItem(self._row(hit))
        first = next((i for i in range(self.results.count()) if self._selectable(i)), None)
        if first is not None:
            self.results.setCurrentRow(first)

    def _row(self, hit) -> QListWidgetItem:
        in_title = plain(hit.snippet) == hit.title  # the match is in the title itself
        title = highlighted(hit.snippet) if in_title else escape(hit.title or "(untitled)")
        when = f" <span style='color: gray'>· {escape(hit.date)}</span>" if hit.date else ""
        snippet = "" if in_title else hit.snippet
        html = f"{title}{when}" + (f"<br>{highlighted(snippet)}" if snippet else "")
        text = plain(f"{hit.title or '(untitled)'} {hit.date}\n{snippet}".strip())
        item = QListWidgetItem(text)
        item.setData(HTML_ROLE, html)
        item.setData(Qt.ItemDataRole.UserRole, (hit.kind, hit.id))
        item.setToolTip(plain(hit.snippet))
        return item

    def _selectable(self, row: int) -> bool:
        return bool(self.results.item(row).flags() & Qt.ItemFlag.ItemIsSelectable)

    def eventFilter(self, watched, event) -> bool:
        """Up and Down in the search field move through the results, as in every
        launcher: the hands stay on the keyboard, the text stays where it is."""
        key_press = watched is self.query and event.type() == QEvent.Type.KeyPress
        if key_press and event.key() in MOVE_KEYS and self.results.count():
            self._move(1 if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) else -1)
            return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        row = self.results.currentRow()
        candidate = row + step
        while 0 <= candidate < self.results.count() and not self._selectable(candidate):
            candidate += step
        if 0 <= candidate < self.results.count():
            self.results.setCurrentRow(candidate)

    def open_current(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.run_search()
        item = self.results.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return
        kind, entry_id = item.data(Qt.ItemDataRole.UserRole)
        self.context.navigate.emit(PAGE_OF_KIND[kind], (kind, entry_id))
        self.accept()
