"""A stage's requirements in the framework editor, each changed at once: the skill
targets, the required and recommended certification groups, and the moves out of it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.framework import edit as framework_edit
from ...vocabulary import LEVEL_MAX, LEVEL_MIN
from .fields import CheckList
from .form import FormPanel
from .framework_common import (
    FAILED,
    SLUG_ROLE,
    MessageLine,
    active,
    apply,
    confirm,
    names_by_slug,
    roomy,
)


class _StagePanel(QWidget):
    """A requirement panel: knows the chosen stage and the framework it was read from."""

    def __init__(self, context, line: MessageLine, parent=None):
        super().__init__(parent)
        self.context, self.line = context, line
        self.stage: dict | None = None
        self.document: dict | None = None

    def change(self, change, done: str, form: FormPanel | None = None) -> bool:
        if apply(self.context, change, self.line, form) is FAILED:
            return False
        self.line.show_info(done)
        return True

    def ask_removal(self, what: str) -> bool:
        return confirm(self, "Remove requirement", f"Remove {what} from {self.stage['name']}?")


class SkillTargetsPanel(_StagePanel):
    def __init__(self, context, line: MessageLine, parent=None):
        super().__init__(context, line, parent)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("skill_targets")
        self.table.setAccessibleName("Skill targets of the stage")
        self.table.setHorizontalHeaderLabels(["Skill", "Target level"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.currentCellChanged.connect(lambda row, *_: self._pick(row))
        self.form = FormPanel()
        self.skill = self.form.add_row("skill", "Ski&ll:", QComboBox())
        self.level = QSpinBox()
        self.level.setRange(LEVEL_MIN, LEVEL_MAX)
        self.level.setValue(3)
        self.form.add_row("level", "L&evel (1 to 5):", self.level)
        self.set_button = QPushButton("Set tar&get")
        self.set_button.clicked.connect(self.set_target)
        self.remove_button = QPushButton("Re&move target…")
        self.remove_button.clicked.connect(self.remove_target)
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        column.addWidget(self.form)
        column.addLayout(buttons)

    def show_stage(self, stage: dict, document: dict) -> None:
        self.stage, self.document = stage, document
        names = names_by_slug(document, "skills")
        chosen = self.skill.currentData()
        self.skill.clear()
        for skill in active(document, "skills"):
            self.skill.addItem(skill["name"], skill["slug"])
        self.skill.setCurrentIndex(max(0, self.skill.findData(chosen)))
        targets = list(stage["requirements"].get("skills", {}).items())
        self.table.setRowCount(len(targets))
        for row, (slug, level) in enumerate(targets):
            name = QTableWidgetItem(names.get(slug, slug))
            name.setData(SLUG_ROLE, slug)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(str(level)))
        self.remove_button.setEnabled(bool(targets))

    def _pick(self, row: int) -> None:
        """Choosing a target puts it in the fields below, ready to change its level."""
        if row < 0 or self.table.item(row, 0) is None:
            return
        self.skill.setCurrentIndex(
            max(0, self.skill.findData(self.table.item(row, 0).data(SLUG_ROLE)))
        )
        self.level.setValue(int(self.table.item(row, 1).text()))

    def set_target(self) -> None:
        slug, skill, level = self.stage["slug"], self.skill.currentData(), self.level.value()
        if skill is None:
            self.line.show_info("Add a skill on the Skills tab first.")
            return
        self.change(
            lambda s: framework_edit.set_skill_target(s, slug, skill, level),
            f"{self.stage['name']} now asks for {self.skill.currentText()} at level {level}.",
            self.form,
        )

    def remove_target(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.line.show_info("Choose a skill target in the table first.")
            return
        skill, name = self.table.item(row, 0).data(SLUG_ROLE), self.table.item(row, 0).text()
        if self.ask_removal(f"the target for {name}"):
            slug = self.stage["slug"]
            self.change(
                lambda s: framework_edit.remove_skill_target(s, slug, skill),
                f"{self.stage['name']} no longer sets a target for {name}.",
            )


def _refill(choices: CheckList, names: list[str]) -> None:
    """New choices, keeping what was ticked among them."""
    ticked = choices.checked()
    choices.clear()
    for name in names:
        row = QListWidgetItem(name)
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        row.setCheckState(Qt.CheckState.Unchecked)
        choices.addItem(row)
    choices.set_checked(ticked)


def _group_text(group: list[str], names: dict[str, str]) -> str:
    return " or ".join(names.get(slug, slug) for slug in group)


class CredentialGroupsPanel(_StagePanel):
    """Any-of groups: "CSPO or PSPO I" is met by holding either."""

    def __init__(self, context, line: MessageLine, parent=None):
        super().__init__(context, line, parent)
        self.lists = {True: roomy(QListWidget()), False: roomy(QListWidget())}
        grid = QGridLayout()
        for column, (required, caption) in enumerate(
            ((True, "Re&quired (every group must be met):"), (False, "Recommen&ded:"))
        ):
            groups = self.lists[required]
            groups.setObjectName("required_groups" if required else "recommended_groups")
            label = QLabel(caption)
            label.setBuddy(groups)
            groups.setAccessibleName(caption.replace("&", "").rstrip(":"))
            remove = QPushButton("Remove &group…" if required else "Remove gro&up…")
            remove.setObjectName(f"remove_{groups.objectName()}")
            remove.clicked.connect(lambda _=False, r=required: self.remove_group(r))
            grid.addWidget(label, 0, column)
            grid.addWidget(groups, 1, column)
            grid.addWidget(remove, 2, column)
        self.choices = roomy(CheckList([]))
        self.choices.setObjectName("group_choices")
        self.choices.setMaximumHeight(16777215)
        self.form = FormPanel()
        self.form.add_row("credentials", "&Which credentials (any one meets it):", self.choices)
        self.add_required = QPushButton("Add as required")
        self.add_required.clicked.connect(lambda: self.add_group(True))
        self.add_recommended = QPushButton("Add as recommended")
        self.add_recommended.clicked.connect(lambda: self.add_group(False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_required)
        buttons.addWidget(self.add_recommended)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(grid, 1)
        column.addWidget(self.form, 1)
        column.addLayout(buttons)

    def show_stage(self, stage: dict, document: dict) -> None:
        self.stage, self.document = stage, document
        names = names_by_slug(document, "credentials")
        requirements = stage["requirements"]
        for required, key in (
            (True, "required_certifications"),
            (False, "recommended_certifications"),
        ):
            self.lists[required].clear()
            for group in requirements.get(key, []):
                row = QListWidgetItem(_group_text(group, names))
                row.setData(SLUG_ROLE, list(group))
                row.setToolTip(row.text())
                self.lists[required].addItem(row)
        _refill(self.choices, [c["name"] for c in active(document, "credentials")])

    def add_group(self, required: bool) -> None:
        chosen, slug = self.choices.checked(), self.stage["slug"]
        kind = "required" if required else "recommended"
        done = self.change(
            lambda s: framework_edit.add_credential_group(s, slug, chosen, required=required),
            f"{self.stage['name']} now lists “{' or '.join(chosen)}” as {kind}.",
            self.form,
        )
        if done:
            self.choices.set_checked([])

    def remove_group(self, required: bool) -> None:
        row = self.lists[required].currentItem()
        if row is None:
            self.line.show_info("Choose a group in the list first.")
            return
        group, slug = row.data(SLUG_ROLE), self.stage["slug"]
        if self.ask_removal(f"the group “{row.text()}”"):
            self.change(
                lambda s: framework_edit.remove_credential_group(s, slug, group, required=required),
                f"{self.stage['name']} no longer lists “{row.text()}”.",
            )


class MovesPanel(_StagePanel):
    """The moves out of the stage; the moves into it are shown for context."""

    def __init__(self, context, line: MessageLine, parent=None):
        super().__init__(context, line, parent)
        self.reached_from = QLabel()
        self.reached_from.setObjectName("reached_from")
        self.reached_from.setWordWrap(True)
        self.moves = roomy(QListWidget())
        self.moves.setObjectName("moves_out")
        self.moves.setAccessibleName("Moves out of the stage")
        caption = QLabel("&Leads to:")
        caption.setBuddy(self.moves)
        self.remove_button = QPushButton("Re&move move…")
        self.remove_button.clicked.connect(self.remove_move)
        self.form = FormPanel()
        self.target = self.form.add_row("to", "Ne&w move to:", QComboBox())
        self.add_button = QPushButton("Add move")
        self.add_button.clicked.connect(self.add_move)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.reached_from)
        column.addWidget(caption)
        column.addWidget(self.moves, 1)
        column.addWidget(self.form)
        column.addLayout(buttons)

    def show_stage(self, stage: dict, document: dict) -> None:
        self.stage, self.document = stage, document
        names, slug = names_by_slug(document, "stages"), stage["slug"]
        sources = [names[m["from"]] for m in document["moves"] if m["to"] == slug]
        self.reached_from.setText(f"Reached from: {', '.join(sources) or 'no other stage'}.")
        self.moves.clear()
        targets = {m["to"] for m in document["moves"] if m["from"] == slug}
        for move in document["moves"]:
            if move["from"] == slug:
                row = QListWidgetItem(names[move["to"]])
                row.setData(SLUG_ROLE, move["to"])
                self.moves.addItem(row)
        self.remove_button.setEnabled(self.moves.count() > 0)
        chosen = self.target.currentData()
        self.target.clear()
        for other in active(document, "stages"):
            if other["slug"] != slug and other["slug"] not in targets:
                self.target.addItem(other["name"], other["slug"])
        self.target.setCurrentIndex(max(0, self.target.findData(chosen)))

    def add_move(self) -> None:
        source, target, name = (
            self.stage["slug"],
            self.target.currentData(),
            self.target.currentText(),
        )
        if target is None:
            return
        self.change(
            lambda s: framework_edit.add_move(s, source, target),
            f"Added the move from {self.stage['name']} to {name}.",
            self.form,
        )

    def remove_move(self) -> None:
        row = self.moves.currentItem()
        if row is None:
            self.line.show_info("Choose a move in the list first.")
            return
        source, target, name = self.stage["slug"], row.data(SLUG_ROLE), row.text()
        if self.ask_removal(f"the move to {name}"):
            self.change(
                lambda s: framework_edit.remove_move(s, source, target),
                f"Removed the move from {self.stage['name']} to {name}.",
            )
