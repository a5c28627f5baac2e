"""The chosen stage in the framework editor: its name, path, description and numeric
requirements in one form saved together, and beside them the skill targets, the
certification groups and the moves, each changed at once."""

from __future__ import annotations

from functools import partial
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.framework import edit as framework_edit
from ...services.framework.edit import NUMERIC_REQUIREMENTS
from ...vocabulary import STAGE_PATHS
from .fields import notes_edit
from .form import FormPanel
from .framework_common import FAILED, MessageLine, apply, run_all
from .framework_requirements import CredentialGroupsPanel, MovesPanel, SkillTargetsPanel

# Labels of the numeric requirements, in the order the career page lists them.
NUMBER_LABELS = {
    "years_experience": "&Years of experience:",
    "sprints_as_po": "S&prints as PO:",
    "people_mentored": "Peop&le mentored:",
    "team_size": "Largest team le&d:",
    "products_owned": "Products o&wned at once:",
    "ceremonies_facilitated": "Ceremonies &facilitated:",
    "training_hours_12m": "Trainin&g hours, last 12 months:",
    "events_12m": "&Events, last 12 months:",
}
PATH_LABELS = {"ladder": "Ladder (the main path)", "side": "Side path"}


def _number_field(key: str):
    maximum, whole = NUMERIC_REQUIREMENTS[key]
    spin = QSpinBox() if whole else QDoubleSpinBox()
    spin.setRange(0, maximum)
    if not whole:
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
    spin.setSpecialValueText("none")
    spin.setObjectName(key)
    return spin


class StageDetails(QWidget):
    """Name, path, description and the numbers, saved in one transaction."""

    def __init__(self, context, line: MessageLine, parent=None):
        super().__init__(parent)
        self.context, self.line = context, line
        self.stage: dict | None = None
        self.form = FormPanel()
        self.name = self.form.add_row("name", "Na&me:", QLineEdit())
        self.name.returnPressed.connect(self.save)
        self.path = QComboBox()
        for path in STAGE_PATHS:
            self.path.addItem(PATH_LABELS.get(path, path), path)
        self.form.add_row("path", "Pat&h:", self.path)
        self.description = self.form.add_row("description", "&Description:", notes_edit(110))
        self.numbers = {
            key: self.form.add_row(key, label, _number_field(key))
            for key, label in NUMBER_LABELS.items()
        }
        self.save_button = QPushButton("&Save stage")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        # The stage's numbers make a long form: it scrolls on a small screen, the button stays.
        scroll = QScrollArea()
        scroll.setObjectName("stage_form_scroll")
        scroll.setAccessibleName("Stage form")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        column = QVBoxLayout(self)
        column.addWidget(scroll, 1)
        column.addLayout(buttons)

    def fill(self, stage: dict) -> None:
        self.stage = stage
        self.form.clear_errors()
        self.name.setText(stage["name"])
        self.path.setCurrentIndex(max(0, self.path.findData(stage["path"])))
        self.description.setPlainText(stage.get("description", ""))
        for key, spin in self.numbers.items():
            spin.setValue(stage["requirements"].get(key, 0))

    def _steps(self) -> list:
        slug, name = self.stage["slug"], self.name.text()
        steps = []
        if name.strip() != self.stage["name"]:
            steps.append(lambda s: framework_edit.rename_stage(s, slug, name))
        path, description = self.path.currentData(), self.description.toPlainText()
        steps.append(
            lambda s: framework_edit.set_stage_details(s, slug, path=path, description=description)
        )
        for key, spin in self.numbers.items():
            steps.append(
                partial(framework_edit.set_requirement, stage=slug, field=key, value=spin.value())
            )
        return steps

    def save(self) -> None:
        if self.stage is None:
            return
        steps = self._steps()
        if apply(self.context, lambda s: run_all(s, steps), self.line, self.form) is not FAILED:
            self.line.show_info(f"Saved the stage “{self.name.text().strip()}”.")


class StageEditor(QWidget):
    def __init__(self, context, line: MessageLine, parent=None):
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("stage_heading")
        self.heading.setWordWrap(True)
        self.details = StageDetails(context, line)
        self.targets = SkillTargetsPanel(context, line)
        self.groups = CredentialGroupsPanel(context, line)
        self.moves = MovesPanel(context, line)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("stage_tabs")
        self.tabs.setAccessibleName("The stage's details and requirements")
        self.tabs.addTab(self.details, "De&tails")
        self.tabs.addTab(self.targets, "S&kill targets")
        self.tabs.addTab(self.groups, "&Certifications")
        self.tabs.addTab(self.moves, "Mo&ves")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.tabs, 1)

    def show_item(self, stage: dict | None, document: dict, refill: bool) -> None:
        self.tabs.setEnabled(stage is not None)
        if stage is None:
            self.heading.setText("<i>Choose a stage, or restore a retired one.</i>")
            return
        self.heading.setText(f"<b>{escape(stage['name'])}</b>")
        if refill or self.details.stage is None or self.details.stage["slug"] != stage["slug"]:
            self.details.fill(stage)
        else:
            self.details.stage = stage
        for panel in (self.targets, self.groups, self.moves):
            panel.show_stage(stage, document)
