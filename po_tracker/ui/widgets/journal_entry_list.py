"""The journal's entries by date, newest first, with a tag filter and a text filter.
Choosing an entry emits ``requested``; the page decides whether to follow (it may first
ask about unsaved changes) and selects it with ``select_id``."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole
ALL_TAGS = "All tags"


def entry_heading(entry) -> str:
    if entry.title:
        return entry.title
    lines = [line.lstrip("#").strip() for line in entry.text.splitlines() if line.strip()]
    return lines[0][:80] if lines else "(untitled)"


def _matches(entry, words: list[str]) -> bool:
    haystack = " ".join((entry.title, entry.text, entry.prompt, *entry.tags)).lower()
    return all(word in haystack for word in words)


class JournalEntryList(QWidget):
    requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._entries = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        filters = QGridLayout()
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("journal_tag_filter")
        self.tag_filter.addItem(ALL_TAGS)
        self.text_filter = QLineEdit()
        self.text_filter.setObjectName("journal_text_filter")
        self.text_filter.setPlaceholderText("Words in the title or text…")
        self.text_filter.setClearButtonEnabled(True)
        for row, (caption, field, name) in enumerate(
            (("T&ag:", self.tag_filter, "Show tag"), ("Sea&rch:", self.text_filter, "Search"))
        ):
            label = QLabel(caption)
            label.setBuddy(field)
            field.setAccessibleName(f"{name} (journal entries)")
            filters.addWidget(label, row, 0)
            filters.addWidget(field, row, 1)
        column.addLayout(filters)
        self.list = QListWidget()
        self.list.setObjectName("journal_entries")
        self.list.setAccessibleName("Journal entries, newest first")
        self.list.setAlternatingRowColors(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.list.setStyleSheet("QListWidget#journal_entries::item { padding: 5px 4px; }")
        column.addWidget(self.list, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("journal_count")
        column.addWidget(self.count_label)
        self.tag_filter.currentIndexChanged.connect(self._show)
        self.text_filter.textChanged.connect(self._show)
        self.list.currentItemChanged.connect(self._on_current_changed)

    def set_entries(self, entries, selected_id: int | None) -> None:
        """``entries`` newest first, as ``journal.list_all`` returns them."""
        self._entries = list(entries)
        tag = self.tag_filter.currentText()
        tags = sorted({t for entry in self._entries for t in entry.tags})
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(ALL_TAGS)
        self.tag_filter.addItems([f"#{t}" for t in tags])
        self.tag_filter.setCurrentText(tag if self.tag_filter.findText(tag) >= 0 else ALL_TAGS)
        self.tag_filter.blockSignals(False)
        self._show(selected_id=selected_id)

    def _visible(self) -> list:
        tag = self.tag_filter.currentText()
        words = self.text_filter.text().lower().split()
        return [
            entry
            for entry in self._entries
            if (tag == ALL_TAGS or tag[1:] in entry.tags) and _matches(entry, words)
        ]

    def _show(self, *_args, selected_id: int | None = None) -> None:
        if selected_id is None:
            selected_id = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        visible = self._visible()
        for entry in visible:
            self.list.addItem(self._item(entry))
        self.list.blockSignals(False)
        self.select_id(selected_id)
        total = len(self._entries)
        noun = "entry" if total == 1 else "entries"
        if not total:
            self.count_label.setText("No journal entries yet.")
        elif len(visible) == total:
            self.count_label.setText(f"{total} {noun}")
        else:
            self.count_label.setText(f"{len(visible)} of {total} {noun} shown")

    def _item(self, entry) -> QListWidgetItem:
        tags = " ".join(f"#{t}" for t in entry.tags)
        details = f"{entry.entry_date:%a %d %b %Y}" + (f"  ·  {tags}" if tags else "")
        item = QListWidgetItem(f"{entry_heading(entry)}\n{details}")
        item.setData(ID_ROLE, entry.id)
        item.setToolTip(entry.prompt or entry_heading(entry))
        return item

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select_id(self, entry_id: int | None) -> None:
        """Select without emitting ``requested`` (the page already shows that entry)."""
        self.list.blockSignals(True)
        self.list.setCurrentItem(None)
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == entry_id:
                self.list.setCurrentRow(row)
                self.list.scrollToItem(self.list.item(row))
                break
        self.list.blockSignals(False)

    def _on_current_changed(self, current, _previous) -> None:
        if current is not None:
            self.requested.emit(current.data(ID_ROLE))
