"""What the user just did, said in the window's toast: every change on the undo stack
(with Undo, or Redo after an undo) and every message a page sends. A page that pushes a
command and then says what it did ("Deleted training “Scrum basics”.") gets one toast
with its own words and the Undo button: both arrive in the same turn of the event loop
and are shown together once it ends."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from shiboken6 import isValid


class Feedback(QObject):
    def __init__(self, toast, context, parent):
        super().__init__(parent)
        self._toast = toast  # a callable: the toast is made when first needed
        self.stack = context.undo_stack
        self._index = self.stack.index()
        self._text = ""
        self._action = ""
        self._default = ""
        self._offer = None  # an action of the page's own: (its word, what it does)
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._show)
        self.stack.indexChanged.connect(self._on_index)
        context.status_message.connect(self._on_message)

    def _on_index(self, index: int) -> None:
        if not isValid(self.stack) or not isValid(self.parent()):
            return  # the stack empties itself as the window closes: nothing to say
        if index > self._index:
            self._action = "Undo"
            self._default = self.stack.text(index - 1)
        elif index < self._index:
            self._action = "Redo"
            self._default = f"Undone: {self.stack.text(index)}"
        self._index = index
        self._flush.start()

    def _on_message(self, text: str) -> None:
        self._text = text
        self._flush.start()

    def offer(self, text: str, action: str, callback) -> None:
        """Say ``text`` with an action outside the undo stack (Undo of an import or a
        restore: putting back the backup taken before it)."""
        self._text = text
        self._offer = (action, callback)
        self._flush.start()

    def _show(self) -> None:
        text = self._text or self._default
        action, self._text, self._action, self._default = self._action, "", "", ""
        offer, self._offer = self._offer, None
        if not text or not isValid(self.stack) or not isValid(self.parent()):
            return
        toast = self._toast()
        if offer is not None:
            toast.show_message(text, *offer)
        elif action == "Undo" and self.stack.canUndo():
            toast.show_message(text, "Undo", self.stack.undo)
        elif action == "Redo" and self.stack.canRedo():
            toast.show_message(text, "Redo", self.stack.redo)
        else:
            toast.show_message(text)
