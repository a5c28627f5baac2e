"""What the career framework editor's parts share: running one change in its own write
transaction, the message line, removal wording, and the list of stages, skills or
credentials with Add, Remove and Restore beside an editor.

The editor reads the framework as ``framework_io.export_document`` gives it (items by
slug, requirements by slug) and changes it only through ``framework_edit``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.changes import Changes
from ...services.errors import FieldError, ValidationError
from ...services.framework import document as framework_io
from .form import FormPanel, error_style

SLUG_ROLE = Qt.ItemDataRole.UserRole
FAILED = object()  # what ``apply`` returns when the services refused the change
CHANGED_KIND = "framework"


def load_framework(context) -> dict:
    with context.reading() as session:
        return framework_io.export_document(session)


def active(document: dict, key: str) -> list[dict]:
    return [item for item in document[key] if not item.get("retired")]


def names_by_slug(document: dict, key: str) -> dict[str, str]:
    return {item["slug"]: item["name"] for item in document[key]}


def roomy(view: QListWidget) -> QListWidget:
    """Long names wrap instead of hiding behind a scroll bar, with room between rows."""
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setStyleSheet("QListWidget::item { padding: 3px 2px; }")
    return view


def plain(error: FieldError) -> str:
    """A service's field error in words: "credit unit: is required with credits"."""
    return f"{error.field.replace('_', ' ')}: {error.message}"


class MessageLine(QLabel):
    """The editor's one line for what happened: a success, or errors no field claimed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("framework_message")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName("Message")

    def show_info(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)

    def show_problem(self, text: str) -> None:
        self.setStyleSheet(error_style(self))
        self.setText(text)

    def show_errors(self, errors, lead: str = "Not changed") -> None:
        if not errors:
            return
        self.setStyleSheet(error_style(self))
        if len(errors) == 1:
            self.setText(f"{lead}: {plain(errors[0])}")
        else:
            self.setText(f"{lead}:\n" + "\n".join(f"• {plain(e)}" for e in errors))


class FormGroup:
    """Several forms shown as one: each field's error goes to the form that has it."""

    def __init__(self, *forms: FormPanel):
        self.forms = forms

    def show_errors(self, errors) -> list:
        remaining = list(errors)
        for form in self.forms:
            remaining = form.show_errors(remaining)
        return remaining

    def clear_errors(self) -> None:
        for form in self.forms:
            form.clear_errors()


def run_all(session, steps: list[Callable]) -> None:
    """Run every step and report all their faults together; any fault rolls back the
    whole transaction, so a half-saved form never stays behind."""
    errors: list[FieldError] = []
    for step in steps:
        try:
            step(session)
        except ValidationError as error:
            errors.extend(error.errors)
    if errors:
        raise ValidationError(errors)


def apply(context, change: Callable, line: MessageLine, form=None):
    """One change in its own write transaction. Refused input is shown next to its field
    (or on the message line) and nothing is written; otherwise every page refreshes."""
    try:
        with context.writing(Changes.of(CHANGED_KIND)) as session:
            result = change(session)
    except ValidationError as error:
        unclaimed = form.show_errors(error.errors) if form is not None else error.errors
        if unclaimed:
            line.show_errors(unclaimed)
        else:  # each message already stands next to its field
            line.show_problem("Not changed: see the message next to the field.")
        return FAILED
    if form is not None:
        form.clear_errors()
    line.clear()
    return result


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def removal_text(removal) -> str:
    if removal.outcome == "retired":
        return (
            f"Retired the {removal.kind} “{removal.name}”: your logged entries that use it "
            "are kept."
        )
    return f"Deleted the {removal.kind} “{removal.name}”."


@dataclass(frozen=True)
class ItemsSpec:
    key: str  # "stages", "skills" or "credentials" in the framework document
    noun: str  # "stage"
    add: Callable  # (session, name) -> FrameworkItem; also brings a retired item back
    remove: Callable  # (session, slug) -> Removal
    warning: str  # what removing one does, for the confirmation


class ItemsTab(QWidget):
    """A list of one kind of item beside its editor. The editor has
    ``show_item(item, document, refill)``; ``refill`` is False when only the choices it
    offers may have changed, so unsaved typing in its form is kept."""

    def __init__(self, context, line: MessageLine, spec: ItemsSpec, editor, parent=None):
        super().__init__(parent)
        self.context, self.line, self.spec, self.editor = context, line, spec, editor
        self.document: dict | None = None
        self.items = roomy(QListWidget())
        self.items.setMinimumWidth(260)
        self.items.setObjectName(f"{spec.noun}_list")
        self.items.setAccessibleName(f"{spec.noun.capitalize()}s")
        self.items.currentItemChanged.connect(lambda *_: self._show_current(refill=True))
        self.new_name = QLineEdit()
        self.new_name.setObjectName(f"new_{spec.noun}_name")
        self.new_name.setPlaceholderText(f"Name of a new {spec.noun}")
        self.new_name.returnPressed.connect(self.add_item)
        self.add_form = FormPanel()
        self.add_form.add_row("name", f"&New {spec.noun}:", self.new_name)
        row = QHBoxLayout(self)
        row.addLayout(self._list_column(), 2)
        row.addWidget(editor, 5)

    def _list_column(self) -> QVBoxLayout:
        self.add_button = QPushButton(f"&Add {self.spec.noun}")
        self.add_button.clicked.connect(self.add_item)
        self.remove_button = QPushButton("&Remove…")
        self.remove_button.clicked.connect(self.remove_item)
        self.restore_button = QPushButton("Rest&ore")
        self.restore_button.setToolTip(f"Bring a retired {self.spec.noun} back")
        self.restore_button.clicked.connect(self.restore_item)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.restore_button):
            buttons.addWidget(button)
        column = QVBoxLayout()
        column.addWidget(self.items, 1)
        column.addWidget(self.add_form)
        column.addLayout(buttons)
        return column

    def current_slug(self) -> str | None:
        row = self.items.currentItem()
        return row.data(SLUG_ROLE) if row is not None else None

    def current_item(self) -> dict | None:
        slug = self.current_slug()
        return next((i for i in self.document[self.spec.key] if i["slug"] == slug), None)

    def select(self, slug: str) -> None:
        for index in range(self.items.count()):
            if self.items.item(index).data(SLUG_ROLE) == slug:
                self.items.setCurrentRow(index)

    def reload(self, document: dict, refill: bool = False) -> None:
        keep = self.current_slug()
        self.document = document
        self.items.blockSignals(True)
        self.items.clear()
        for item in document[self.spec.key]:
            self.items.addItem(self._row(item))
            if item["slug"] == keep:
                self.items.setCurrentRow(self.items.count() - 1)
        if self.items.currentItem() is None and self.items.count():
            self.items.setCurrentRow(0)
            refill = True
        self.items.blockSignals(False)
        self._show_current(refill)

    def _row(self, item: dict) -> QListWidgetItem:
        retired = item.get("retired", False)
        text = item["name"] + (" (retired)" if retired else "")
        if item.get("path") == "side":
            text += " · side path"
        row = QListWidgetItem(text)
        row.setData(SLUG_ROLE, item["slug"])
        if retired:
            row.setForeground(self.palette().placeholderText())
            row.setToolTip("Retired: hidden from choices, kept for your logged entries.")
        return row

    def _show_current(self, refill: bool) -> None:
        item = self.current_item()
        retired = bool(item and item.get("retired"))
        self.remove_button.setEnabled(item is not None and not retired)
        self.restore_button.setEnabled(retired)
        self.editor.show_item(None if retired else item, self.document, refill)
        if retired:
            self.editor.heading.setText(
                f"<i>“{escape(item['name'])}” is retired: hidden from choices and from "
                f"readiness, kept for your logged entries. Restore brings it back.</i>"
            )

    def add_item(self) -> None:
        name = self.new_name.text()
        added = apply(self.context, lambda s: self.spec.add(s, name), self.line, self.add_form)
        if added is not FAILED:
            self.new_name.clear()
            self.select(added.slug)
            self.line.show_info(f"Added the {self.spec.noun} “{added.name}”.")

    def remove_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        question = f"Remove the {self.spec.noun} “{item['name']}”?\n\n{self.spec.warning}"
        if not confirm(self, f"Remove {self.spec.noun}", question):
            return
        removal = apply(self.context, lambda s: self.spec.remove(s, item["slug"]), self.line)
        if removal is not FAILED:
            self.line.show_info(removal_text(removal))

    def restore_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        restored = apply(self.context, lambda s: self.spec.add(s, item["name"]), self.line)
        if restored is not FAILED:
            self.line.show_info(f"Restored the {self.spec.noun} “{restored.name}”.")
