"""The frame every add/edit dialog shares: a form, OK and Cancel. On OK the page's
``save`` writes the input as an undoable command (``undo.run_and_record``); the service
checks it inside that write, by the same rules as the command line, and input it
refuses keeps the dialog open with each message next to its field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
)

from ...services.errors import ValidationError
from ...services.logbook import log_kinds
from ..widgets.fit import FitsScreen
from ..widgets.form import FormPanel, error_style


class EntryDialog(FitsScreen, QDialog):
    kind = ""
    noun = ""

    def __init__(self, context, item=None, parent=None):
        super().__init__(parent)
        self.context = context
        self.item = item
        self.result_input = None
        # Set by the page: writes the input (``undo.run_and_record``), which the service
        # checks inside the write. Without it the dialog only checks the input.
        self.save: Callable[[object], None] | None = None
        self.setWindowTitle(f"{'Edit' if item else 'Add'} {self.noun}")
        self.setObjectName(f"{self.kind}_dialog")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.general_error = QLabel()
        self.general_error.setObjectName("general_error")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(error_style(self))
        self.general_error.hide()
        layout.addWidget(self.general_error)
        self.form = FormPanel()
        # A long form scrolls inside the dialog on a small screen; the buttons stay.
        self.scroll = QScrollArea()
        self.scroll.setObjectName("form_scroll")
        self.scroll.setAccessibleName(f"{self.noun.capitalize()} form")
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.form)
        layout.addWidget(self.scroll, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Save")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        self.build_form(self.form)
        if item is not None:
            self.load(item)
        # Tall enough for the whole form where the screen allows (FitsScreen trims it).
        form = self.form.sizeHint()
        self.scroll.setMinimumWidth(form.width())
        self.resize(max(self.sizeHint().width(), 480), form.height() + 96)

    # -- for subclasses ------------------------------------------------------------------
    def build_form(self, form: FormPanel) -> None:
        raise NotImplementedError

    def load(self, item) -> None:
        raise NotImplementedError

    def collect(self):
        raise NotImplementedError

    # -- validation ----------------------------------------------------------------------
    def check_form(self, data) -> None:
        """What the form itself checks before anything is written (a fee typed in words,
        say); the rest is the service's to check."""

    def validate(self, data) -> None:
        self.check_form(data)
        with self.context.reading() as session:
            log_kinds.service(self.kind).validate(session, data)

    def accept(self) -> None:
        data = self.collect()
        try:
            if self.save is None:
                self.validate(data)
            else:
                self.check_form(data)
                self.save(data)  # checked once, by the service inside the write
        except ValidationError as error:
            unclaimed = self.form.show_errors(error.errors)
            self.general_error.setText("\n".join(str(e) for e in unclaimed))
            self.general_error.setVisible(bool(unclaimed))
            return
        self.form.clear_errors()
        self.general_error.hide()
        self.result_input = data
        super().accept()
