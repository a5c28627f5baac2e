"""The "Attachment" row of the certification, training and win dialogs: the file's own
name, "Attach file…", "Open" and "Remove".

A chosen file is copied into the data folder at once (``store_attachment``), so a file
that cannot be kept (too large, unreadable, the wrong kind) is said beside the field
before anything is saved. If the dialog is then cancelled, that copy is removed again;
a file the entry named before stays, since undo may want it (see
``services/storage/attachment_upkeep.py``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...services.errors import ValidationError
from ...services.storage import attachments
from .form import error_style

NO_FILE = "No file attached"
FILE_FILTER = (
    "Documents and images ("
    + " ".join(f"*{extension}" for extension in attachments.EXTENSIONS)
    + ");;All files (*)"
)


class AttachmentField(QWidget):
    def __init__(self, data_dir: Path, parent=None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self._name: str | None = None
        self._stored_here: set[str] = set()  # copies this dialog made, not yet saved
        self.file_label = QLabel(NO_FILE)
        self.file_label.setObjectName("attachment_name")
        self.attach_button = self._button("Attach file…", "Attach a file", self.choose)
        self.open_button = self._button("Open", "Open the attached file", self.open_file)
        self.remove_button = self._button("Remove", "Remove the attached file", self.remove)
        self.message = QLabel()
        self.message.setObjectName("attachment_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(error_style(self))
        self.message.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file_label, 1)
        for button in (self.attach_button, self.open_button, self.remove_button):
            row.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.message)
        self.setFocusProxy(self.attach_button)
        self._show()

    def _button(self, text: str, accessible: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.clicked.connect(slot)
        return button

    # -- the value ---------------------------------------------------------------------------
    def name(self) -> str | None:
        """The stored name the entry is to keep (None: no file)."""
        return self._name

    def set_name(self, name: str | None) -> None:
        self._name = name or None
        self._show()

    def _show(self) -> None:
        shown = attachments.original_name(self._name) if self._name else NO_FILE
        self.file_label.setText(shown)
        self.file_label.setAccessibleName(f"Attached file: {shown}")
        self.open_button.setEnabled(self._name is not None)
        self.remove_button.setEnabled(self._name is not None)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- the buttons -------------------------------------------------------------------------
    def choose_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, "Attach a file", str(Path.home()), FILE_FILTER)
        return Path(path) if path else None

    def choose(self) -> None:
        path = self.choose_path()
        if path is None:
            return
        try:
            name = attachments.store_attachment(self.data_dir, path)
        except ValidationError as error:
            self._say(str(error.errors[0].message))
            return
        self._discard(self._name)  # a copy made here a moment ago, replaced unsaved
        self._stored_here.add(name)
        self._say("")
        self.set_name(name)

    def open_file(self) -> None:
        if self._name is None:
            return
        try:
            path = attachments.resolve_attachment(self.data_dir, self._name)
        except ValidationError as error:
            self._say(str(error.errors[0].message))
            return
        self._say("")
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._say(f"No program on this computer opens {path.name}.")

    def remove(self) -> None:
        self._discard(self._name)
        self._say("")
        self.set_name(None)

    # -- copies not kept ---------------------------------------------------------------------
    def _discard(self, name: str | None) -> None:
        if name in self._stored_here:
            self._stored_here.discard(name)
            attachments.discard_attachment(self.data_dir, name)

    def discard_unsaved(self) -> None:
        """The dialog was cancelled: the copies it made are not wanted."""
        for name in list(self._stored_here):
            self._discard(name)

    def keep(self) -> None:
        """The entry was saved: its file is now named by it."""
        self._stored_here.clear()


def attachment_row(dialog, form) -> AttachmentField:
    """The row, wired to the dialog: a cancel removes the copies it made."""
    field = AttachmentField(dialog.context.database.path.parent)
    form.add_row("attachment", "&Attachment:", field)
    dialog.rejected.connect(field.discard_unsaved)
    dialog.accepted.connect(field.keep)
    return field
