"""Forms with an error message under each field, shown when the services refuse a value,
and labels that are buddies of their fields (Alt+letter focuses the field)."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE_LIGHT = "color: #b3261e;"
ERROR_STYLE_DARK = "color: #ff8a80;"


def error_style(widget: QWidget) -> str:
    window = widget.palette().window().color()
    return ERROR_STYLE_DARK if window.lightness() < 128 else ERROR_STYLE_LIGHT


# add_row hands back the field it was given, with its own type.
FieldT = TypeVar("FieldT", bound=QWidget)


class FormPanel(QWidget):
    """Rows of label, field and an error line. Fields are registered under the names the
    services use in their messages ("title", "end_date", ...)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self._captions: dict[str, str] = {}

    def add_row(
        self, name: str, label: str, field: FieldT, *aliases: str, show_label: bool = True
    ) -> FieldT:
        """``show_label=False``: the field spans the row (a title that speaks for itself);
        ``label`` still names it to screen readers and in its error sentences."""
        caption = QLabel(label)
        caption.setBuddy(field)
        if not field.accessibleName():
            field.setAccessibleName(label.replace("&", ""))
        error = QLabel()
        error.setObjectName(f"{name}_error")
        error.setWordWrap(True)
        error.setStyleSheet(error_style(self))
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(error)
        if show_label:
            self.layout_.addRow(caption, box)
        else:
            caption.deleteLater()
            self.layout_.addRow(box)
        for key in (name, *aliases):
            self._errors[key] = error
            self._fields[key] = field
            self._captions[key] = label.replace("&", "").rstrip(":").strip()
        # Fixed: the message goes as soon as the value changes.
        _on_edit(field, lambda: (error.clear(), error.hide()))
        return field

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()

    def show_errors(self, errors) -> list:
        """Put each message next to its field; returns the errors no field claimed."""
        self.clear_errors()
        unclaimed = []
        first = None
        for error in errors:
            label = self._errors.get(error.field)
            if label is None:
                unclaimed.append(error)
                continue
            text = sentence(self._captions[error.field], error.message)
            label.setText(text if not label.text() else f"{label.text()}\n{text}")
            label.show()
            first = first or self._fields[error.field]
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return unclaimed

    def claims(self, name: str) -> bool:
        return name in self._errors

    def error_text(self, name: str) -> str:
        label = self._errors[name]
        return label.text() if label.isVisible() or label.text() else ""


def sentence(caption: str, message: str) -> str:
    """The field's caption and the service's message as one sentence: under "Title",
    "must not be empty" reads "Title must not be empty."."""
    text = f"{caption} {message}".strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


# The signal each kind of field sends when the user changes it.
_EDIT_SIGNALS = (
    "textChanged",
    "valueChanged",
    "dateChanged",
    "currentIndexChanged",
    "toggled",
    "edited",
)


def _on_edit(field: QWidget, slot) -> None:
    """Connect ``slot`` to the first edit signal ``field`` (or, for a composite field
    such as ``OptionalDateEdit``, its editors) has."""
    parts = [field, *getattr(field, "editors", lambda: ())()]
    for part in parts:
        for name in _EDIT_SIGNALS:
            signal = getattr(part, name, None)
            if signal is not None and hasattr(signal, "connect"):
                signal.connect(lambda *_args: slot())
                break


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DateEdit(QDateEdit):
    def __init__(self, value: date | None = None, parent=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setDate(to_qdate(value or date.today()))

    def value(self) -> date:
        return from_qdate(self.date())

    def set_value(self, value: date) -> None:
        self.setDate(to_qdate(value))


class OptionalDateEdit(QWidget):
    """A date that may be left empty: a check box turns it on."""

    def __init__(self, label: str, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(label)
        self.editor = DateEdit()
        self.editor.setEnabled(False)
        self.editor.setAccessibleName(label)
        self.enabled.toggled.connect(self.editor.setEnabled)
        row.addWidget(self.enabled)
        row.addWidget(self.editor, 1)
        self.setFocusProxy(self.enabled)

    def editors(self) -> tuple:
        return (self.enabled, self.editor)

    def value(self) -> date | None:
        return self.editor.value() if self.enabled.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.editor.set_value(value)
