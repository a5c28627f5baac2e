"""A Markdown editor with its rendered preview side by side. The preview follows the
text after a short pause in typing, so a long entry does not re-render on every key."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .markdown_highlighter import MarkdownHighlighter

PREVIEW_DELAY_MS = 250
# Narrower than this, the preview goes under the text rather than beside it, so that
# neither becomes a column of a few words.
SIDE_BY_SIDE_MIN_WIDTH = 640
PLACEHOLDER = "Write in Markdown: ## a heading, **bold**, *italic*, - a list item…"


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    caption = QLabel(title)
    caption.setEnabled(False)  # a quiet caption in the palette's disabled text colour
    column.addWidget(caption)
    column.addWidget(widget, 1)
    return box


class MarkdownEditor(QSplitter):
    textChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("markdown_editor")
        self.setChildrenCollapsible(False)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("journal_text")
        self.editor.setAccessibleName("Entry text (Markdown)")
        self.editor.setPlaceholderText(PLACEHOLDER)
        # Tab moves on, as in every other field; Markdown lists indent with spaces.
        self.editor.setTabChangesFocus(True)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.highlighter = MarkdownHighlighter(self.editor.document(), self.palette())
        self.preview = QTextBrowser()
        self.preview.setObjectName("journal_preview")
        self.preview.setAccessibleName("Preview")
        self.preview.setOpenExternalLinks(True)
        self.addWidget(_titled("Markdown", self.editor))
        self.addWidget(_titled("Preview", self.preview))
        self.setSizes([1, 1])
        self.setFocusProxy(self.editor)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.render_preview)
        self.editor.textChanged.connect(self._timer.start)
        self.editor.textChanged.connect(self.textChanged)

    def resizeEvent(self, event) -> None:
        wide = event.size().width() >= SIDE_BY_SIDE_MIN_WIDTH
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        switched = orientation != self.orientation()
        if switched:
            self.setOrientation(orientation)
        super().resizeEvent(event)
        if switched:
            # Under the text, the preview takes the smaller part: writing comes first.
            size = event.size().width() if wide else event.size().height()
            self.setSizes([size // 2, size // 2] if wide else [size * 2 // 3, size // 3])

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        highlighter = getattr(self, "highlighter", None)  # not yet while being built
        if event.type() == QEvent.Type.PaletteChange and highlighter is not None:
            highlighter.set_palette(self.palette())

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        if text == self.editor.toPlainText():
            return  # the same words (just saved): the cursor and the scroll stay put
        self.editor.setPlainText(text)
        self.render_preview()

    def render_preview(self) -> None:
        self._timer.stop()
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setMarkdown(self.text())
        # Keep the reader's place while the text above them changes.
        self.preview.verticalScrollBar().setValue(scroll)

    def insert_block(self, text: str, caret: int | None = None) -> None:
        """Insert ``text`` as its own paragraph at the cursor and leave the cursor at
        ``caret`` within it (its end by default), where the user goes on writing."""
        cursor = self.editor.textCursor()
        if cursor.block().text().strip():
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertText("\n\n")
        start = cursor.position()
        cursor.insertText(text)
        if caret is not None:
            cursor.setPosition(start + caret)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def replace_opening(self, old: str, new: str) -> None:
        """Swap the text's opening ``old`` (may be empty) for ``new``, as one step of the
        editor's own undo, and leave the cursor on an empty line just after it."""
        text = self.text()
        replaced = bool(old) and text.startswith(old)
        rest = text[len(old) :] if replaced else text
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        cursor.setPosition(0)
        if replaced:
            cursor.setPosition(len(old), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(new)
        caret = cursor.position()
        if new and not replaced and rest.strip() and not rest.startswith("\n"):
            cursor.insertText("\n\n")  # a line to write on, apart from what follows
        cursor.endEditBlock()
        cursor.setPosition(caret)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
