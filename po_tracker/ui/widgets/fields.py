"""Small field widgets the dialogs share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
)

from ...services.limits import MAX_COUNT, MAX_HOURS, MAX_MONEY

NONE_CHOICE = "(none)"


def notes_edit(height: int = 90) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(height)
    return edit


def hours_spin(maximum: float = MAX_HOURS) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0, maximum)
    spin.setDecimals(1)
    spin.setSingleStep(0.5)
    spin.setSuffix(" h")
    return spin


def count_spin(maximum: int = MAX_COUNT) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    return spin


def cost_fields(form) -> tuple[QDoubleSpinBox, QLineEdit]:
    """What something cost and in which currency, as certifications and training ask."""
    cost = QDoubleSpinBox()
    cost.setRange(0, MAX_MONEY)
    cost.setSpecialValueText("not recorded")
    form.add_row("cost_amount", "C&ost:", cost)
    currency = QLineEdit()
    currency.setMaxLength(3)
    currency.setPlaceholderText("USD")
    form.add_row("cost_currency", "C&urrency:", currency)
    return cost, currency


def optional_combo(choices, current: str | None = None) -> QComboBox:
    """A drop-down whose first choice means "nothing"."""
    combo = QComboBox()
    combo.addItem(NONE_CHOICE)
    combo.addItems(list(choices))
    combo.setCurrentText(current or NONE_CHOICE)
    return combo


def optional_value(combo: QComboBox) -> str | None:
    text = combo.currentText()
    return None if text == NONE_CHOICE else text


class CheckList(QListWidget):
    """Several choices ticked at once (the skills a training develops)."""

    def __init__(self, choices, parent=None):
        super().__init__(parent)
        for choice in choices:
            item = QListWidgetItem(choice)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setMaximumHeight(140)

    def checked(self) -> tuple[str, ...]:
        return tuple(
            self.item(row).text()
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, names) -> None:
        wanted = set(names)
        for row in range(self.count()):
            item = self.item(row)
            state = Qt.CheckState.Checked if item.text() in wanted else Qt.CheckState.Unchecked
            item.setCheckState(state)


def continue_buttons(dialog, text: str = "&Continue…") -> QDialogButtonBox:
    """OK and Cancel for a dialog that is a step before another (a file to choose next):
    OK says so ("Continue…"), and the two close the dialog with its answer."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
