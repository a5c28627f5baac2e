"""An in-window notification at the bottom of the window (a "toast"): what just
happened, in one line, with one action where it can be taken back (Undo) or redone. It
goes by itself after a few seconds, stays while the pointer is on it, and its close
button dismisses it. Keyboard users reach its action with the window's own Undo
(Ctrl+Z), so the toast never takes the focus."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

SHOW_MS = 6000
WITH_ACTION_MS = 9000  # time enough to read the line and reach for Undo
MARGIN = 24


class Toast(QFrame):
    def __init__(self, host: QWidget):
        super().__init__(host)
        self.setObjectName("toast")
        self.setAccessibleName("Notification")
        # The look of a toast in GNOME and macOS alike: dark, rounded, above the content,
        # readable on a light or a dark window.
        self.setStyleSheet(
            "QFrame#toast { background: #303030; border-radius: 8px; }"
            " QFrame#toast QLabel { color: #F5F5F5; }"
            " QFrame#toast QPushButton { color: #8AC4FF; background: transparent;"
            " border: none; font-weight: 600; padding: 4px 8px; }"
            " QFrame#toast QPushButton:hover { text-decoration: underline; }"
            " QFrame#toast QToolButton { color: #F5F5F5; background: transparent;"
            " border: none; padding: 2px 6px; }"
        )
        self.label = QLabel()
        self.label.setObjectName("toast_text")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)  # a long report (an import's) wraps, never cut
        self.action_button = QPushButton()
        self.action_button.setObjectName("toast_action")
        self.action_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.action_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.action_button.clicked.connect(self._act)
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName("Dismiss the notification")
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 8, 8)
        row.setSpacing(8)
        row.addWidget(self.label, 1)
        row.addWidget(self.action_button)
        row.addWidget(close)
        self._callback = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        host.installEventFilter(self)
        self.hide()

    def show_message(self, text: str, action: str = "", callback=None) -> None:
        self.label.setText(text)
        self._callback = callback if action else None
        self.action_button.setText(action)
        self.action_button.setVisible(bool(action))
        self.label.setAccessibleName(text)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start(WITH_ACTION_MS if action else SHOW_MS)

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def _act(self) -> None:
        callback, self._callback = self._callback, None
        self.hide()
        if callback is not None:
            callback()

    def _place(self) -> None:
        host = self.parentWidget()
        # As wide as the words on one line (wrapped labels do not say), within the window.
        chrome = self.sizeHint().width() - self.label.sizeHint().width()
        natural = self.label.fontMetrics().horizontalAdvance(self.label.text()) + chrome + 8
        width = min(max(natural, 320), host.width() - 2 * MARGIN)
        self.resize(width, self.heightForWidth(width))
        self.move((host.width() - width) // 2, host.height() - self.height() - MARGIN)

    def eventFilter(self, watched, event) -> bool:
        resized = watched is self.parentWidget() and event.type() == QEvent.Type.Resize
        if resized and self.isVisible():
            self._place()
        return False

    def enterEvent(self, event) -> None:
        self._timer.stop()  # reading it: it stays
        super().enterEvent(event)

    def leaveEvent(self, event) -> None:
        self._timer.start(SHOW_MS)
        super().leaveEvent(event)
