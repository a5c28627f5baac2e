"""Links from a journal entry to any other entry: type to find one (the same full-text
search as Ctrl+F), Enter or a double-click adds it; the linked entries are listed below,
where Delete removes one and Enter opens it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...services.errors import NotFoundError, ValidationError
from ...services.logbook import log_kinds
from ...services.logbook.journal_entries import EntryRef
from ...services.search import full_text as search
from ..dialogs.search_dialog import KIND_LABELS

REF_ROLE = Qt.ItemDataRole.UserRole
RESULT_LIMIT = 8
MAX_ROWS = 4
SEARCH_DELAY_MS = 150


def entry_label(session, ref: EntryRef) -> str:
    """ "Training · Scrum course (2026-03-02)": what the user recognises an entry by."""
    try:
        item = log_kinds.service(ref.kind).get(session, ref.id)
    except NotFoundError:
        return f"{KIND_LABELS.get(ref.kind, ref.kind)} · (removed)"
    if ref.kind == "rating":
        title = f"{item.skill} rated {item.level}"
    elif ref.kind == "journal":
        title = item.title or item.text.strip().splitlines()[0].lstrip("# ")[:60]
    else:
        title = next(
            (
                getattr(item, name)
                for name in ("title", "name", "role", "text")
                if hasattr(item, name)
            ),
            "",
        )
    day = next((getattr(item, n) for n in _DATE_FIELDS if getattr(item, n, None)), None)
    return f"{KIND_LABELS[ref.kind]} · {title}" + (f" ({day})" if day else "")


def _hit_label(hit) -> str:
    title = hit.title or hit.snippet.replace("[", "").replace("]", "")
    return f"{KIND_LABELS[hit.kind]} · {title}" + (f" ({hit.date})" if hit.date else "")


_DATE_FIELDS = ("entry_date", "start_date", "event_date", "rated_on", "earned_on", "target_date")


def _item(label: str, ref: EntryRef) -> QListWidgetItem:
    item = QListWidgetItem(label)
    item.setData(REF_ROLE, ref)
    item.setToolTip(label)
    return item


def _fit_height(widget: QListWidget) -> None:
    """As tall as its rows, up to MAX_ROWS, so that the form does not jump around."""
    rows = max(1, min(widget.count(), MAX_ROWS))
    row_height = widget.sizeHintForRow(0) if widget.count() else widget.fontMetrics().height()
    widget.setFixedHeight(rows * row_height + 2 * widget.frameWidth() + 2)


class LinkPicker(QWidget):
    changed = Signal()
    open_requested = Signal(str, int)

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.self_ref: EntryRef | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.find = QLineEdit()
        self.find.setObjectName("link_find")
        self.find.setAccessibleName("Find an entry to link")
        self.find.setPlaceholderText("Find an entry to link: a training, a person, a goal…")
        self.find.setClearButtonEnabled(True)
        column.addWidget(self.find)
        self.results_caption = QLabel("Matches: Enter or a double-click adds the link")
        self.results_caption.setEnabled(False)  # a quiet hint, in the palette's colours
        column.addWidget(self.results_caption)
        self.results = self._list("link_results", "Entries found; Enter adds a link")
        column.addWidget(self.results)
        row = QHBoxLayout()
        self.links = self._list("links", "Linked entries; Enter opens, Delete removes")
        row.addWidget(self.links, 1)
        self.remove_button = QPushButton("Remove link")
        self.remove_button.clicked.connect(self.remove_current)
        row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(row)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self._connect()
        self.setFocusProxy(self.find)
        self._update_visibility()

    def _list(self, name: str, accessible: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        widget.setTextElideMode(Qt.TextElideMode.ElideRight)
        return widget

    def _connect(self) -> None:
        self.find.textChanged.connect(lambda _text: self._timer.start())
        self.find.returnPressed.connect(self._add_first_or_current)
        self.results.itemActivated.connect(self._add_item)
        self.links.itemActivated.connect(self._open_item)
        self.links.currentRowChanged.connect(lambda _row: self._update_visibility())
        remove = QAction("Remove link", self.links)
        remove.setShortcut(QKeySequence.StandardKey.Delete)
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_current)
        self.links.addAction(remove)

    def keyPressEvent(self, event) -> None:
        # Down from the search box walks into the results, as in a completer.
        if event.key() == Qt.Key.Key_Down and self.find.hasFocus() and self.results.count():
            self.results.setFocus()
            self.results.setCurrentRow(0)
            return
        super().keyPressEvent(event)

    # -- the links -----------------------------------------------------------------------
    def set_links(self, refs, self_ref: EntryRef | None = None) -> None:
        self.self_ref = self_ref
        self.find.clear()
        self.results.clear()
        self.links.clear()
        with self.context.reading() as session:
            for ref in refs:
                self.links.addItem(_item(entry_label(session, ref), ref))
        self._update_visibility()

    def refs(self) -> tuple[EntryRef, ...]:
        return tuple(self.links.item(row).data(REF_ROLE) for row in range(self.links.count()))

    def add_link(self, ref: EntryRef, label: str) -> None:
        if ref in self.refs() or ref == self.self_ref:
            return
        self.links.addItem(_item(label, ref))
        self._update_visibility()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.links.currentRow()
        if row < 0:
            return
        self.links.takeItem(row)
        self._update_visibility()
        self.changed.emit()

    # -- finding -------------------------------------------------------------------------
    def run_search(self) -> None:
        self._timer.stop()
        self.results.clear()
        for ref, label in self._hits(self.find.text().strip()):
            self.results.addItem(_item(label, ref))
        self._update_visibility()

    def _hits(self, text: str) -> list[tuple[EntryRef, str]]:
        if not text:
            return []
        try:
            with self.context.reading() as session:
                hits = search.search(session, text, limit=RESULT_LIMIT * 2)
        except ValidationError:
            return []
        taken = set(self.refs()) | {self.self_ref}
        found = [(EntryRef(hit.kind, hit.id), _hit_label(hit)) for hit in hits]
        return [(ref, label) for ref, label in found if ref not in taken][:RESULT_LIMIT]

    def _add_first_or_current(self) -> None:
        if self._timer.isActive():
            self.run_search()
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self._add_item(item)

    def _add_item(self, item: QListWidgetItem) -> None:
        self.add_link(item.data(REF_ROLE), item.text())
        self.find.clear()
        self.results.clear()
        self._update_visibility()
        self.find.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_item(self, item: QListWidgetItem) -> None:
        ref = item.data(REF_ROLE)
        self.open_requested.emit(ref.kind, ref.id)

    def _update_visibility(self) -> None:
        for widget in (self.results, self.links):
            _fit_height(widget)
        self.results.setVisible(self.results.count() > 0)
        self.results_caption.setVisible(self.results.count() > 0)
        self.links.setVisible(self.links.count() > 0)
        self.remove_button.setVisible(self.links.count() > 0)
        self.remove_button.setEnabled(self.links.currentRow() >= 0)
