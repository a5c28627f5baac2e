"""Skills: every skill's current level against the target stage, a self-assessment to
rate several at once, and each skill's rating history with its evidence notes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ...services.career import skill_standing
from ..dialogs.rating_dialog import RatingDialog
from ..dialogs.self_assessment_dialog import SelfAssessmentDialog
from ..table_models.entry_table_model import Column, EntryTableModel
from ..theme.header import PageHeader
from ..undo import AddEntry
from .log_page import LogPage


class RatingHistory(LogPage):
    """The ratings of the skill chosen above; all ratings when none is chosen."""

    kind = "rating"
    noun = "rating"
    title = "Rating history"
    purpose = "Every rating you recorded; a new one never overwrites the last."
    dialog_class = RatingDialog
    stretch_column = 4

    def __init__(self, context, parent=None):
        self.skill: str | None = None
        super().__init__(context, parent)

    def columns(self):
        return [
            Column("Date", lambda r: r.rated_on, sort_key="date"),
            Column("Skill", lambda r: r.skill, sort_key="skill"),
            Column("Level", lambda r: r.level, numeric=True, sort_key="level"),
            Column("Source", lambda r: r.source, sort_key="source"),
            Column("Evidence", lambda r: r.note, sort_key="note"),
        ]

    def reload(self) -> None:
        self.model.reload(text=self.search_box.text(), skill=self.skill)

    def label_of(self, item) -> str:
        return f"rating of {item.skill} ({item.level}) on {item.rated_on}"

    def make_dialog(self, item=None):
        dialog = RatingDialog(self.context, item, self)
        if item is None and self.skill:
            dialog.preset_skill(self.skill)
        return dialog

    def show_skill(self, skill: str | None) -> None:
        self.skill = skill
        self.refresh()


class SkillsTable(LogPage):
    kind = "skill"
    noun = "skill"
    title = "Skills"
    purpose = "Your level in each skill of the framework against your target stage's."
    stretch_column = 0
    filters = (("All skills", None), ("Below target", lambda s: s.gap > 0))
    watched_kinds = frozenset({"rating", "feedback", "profile", "framework"})

    def make_model(self):
        # Fifteen-odd rows computed from the framework: held in memory.
        return EntryTableModel(self.columns(), self)

    def reload(self) -> None:
        with self.context.reading() as session:
            items = skill_standing.standings(session, date.today())
        self.model.set_items(items)
        self.model.set_filter(self.search_box.text(), self.current_filter())
        notes = [item.others_note for item in items if item.others_note]
        self.others_label.setText("; ".join(notes) + "." if notes else "")
        self.others_label.setVisible(bool(notes))

    def extend_layout(self, layout) -> None:
        # Where others' view and the self-rating differ by a level or more: a finding.
        self.others_label = QLabel()
        self.others_label.setObjectName("others_gap")
        self.others_label.setWordWrap(True)
        self.others_label.hide()
        layout.addWidget(self.others_label)

    def selected_id(self):
        item = self.selected_item()
        return item.skill if item else None

    def select_id(self, skill: str) -> bool:
        return self.select_where(lambda item: item.skill == skill)

    def select_where(self, predicate) -> bool:
        for row in range(self.model.rowCount()):
            if predicate(self.model.item(row)):
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return True
        return False

    def columns(self):
        return [
            Column("Skill", lambda s: s.skill),
            Column(
                "Level",
                lambda s: s.level,
                display=lambda v: str(v) if v else "not rated",
                numeric=True,
            ),
            Column(
                "Target", lambda s: s.target, display=lambda v: str(v) if v else "—", numeric=True
            ),
            Column("Gap", lambda s: s.gap, display=lambda v: str(v) if v else "", numeric=True),
            Column(
                "Others",
                lambda s: s.others,
                display=lambda v: f"{v:g}" if v is not None else "",
                numeric=True,
            ),
            Column("Last rated", lambda s: s.last_rated),
            Column("Ratings", lambda s: s.ratings, numeric=True),
        ]

    # Skills belong to the framework: this table rates them, it does not edit them.
    def add_entry(self) -> None:
        pass

    def edit_selected(self) -> None:
        pass

    def delete_selected(self) -> None:
        pass


class SkillsPage(QWidget):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("skills_page")
        self.skills = SkillsTable(context)
        # Skills are framework items: rated here, edited only through the framework.
        for button in (self.skills.add_button, self.skills.edit_button, self.skills.delete_button):
            button.hide()
        self.skills.table.doubleClicked.connect(lambda _i: self.rate_selected())
        actions = QHBoxLayout()
        self.assess_button = QPushButton("&Self-assessment…")
        self.assess_button.clicked.connect(self.self_assessment)
        self.rate_button = QPushButton("&Rate this skill…")
        self.rate_button.clicked.connect(self.rate_selected)
        # The self-assessment is the page's primary action: in its header.
        self.skills.findChild(PageHeader).set_action(self.assess_button, icon="assess")
        margins = self.skills.layout().contentsMargins()
        actions.setContentsMargins(margins.left(), 0, margins.right(), 0)
        actions.addWidget(self.rate_button)
        actions.addStretch(1)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setContentsMargins(margins.left(), 0, margins.right(), 0)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prompt.setAccessibleName("Reflection prompt for the chosen skill")
        self.history = RatingHistory(context)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.skills, 1)
        top_layout.addLayout(actions)
        top_layout.addWidget(self.prompt)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.history)
        splitter.setSizes([480, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.skills.table.selectionModel().selectionChanged.connect(self._skill_chosen)

    def _skill_chosen(self) -> None:
        item = self.skills.selected_item()
        self.history.show_skill(item.skill if item else None)
        self.prompt.setText(f"<i>Reflect:</i> {item.prompt}" if item and item.prompt else "")

    def self_assessment(self) -> None:
        dialog = SelfAssessmentDialog(self.context, self)
        if dialog.exec() and dialog.ratings:
            stack = self.context.undo_stack
            with self.context.one_notice():  # the pages redraw once, not once per rating
                stack.beginMacro(f"Self-assessment of {len(dialog.ratings)} skills")
                for data in dialog.ratings:
                    stack.push(AddEntry(self.context, "rating", data, "rating"))
                stack.endMacro()
            self.context.status_message.emit(f"Recorded {len(dialog.ratings)} ratings.")

    def rate_selected(self) -> None:
        self.history.add_entry()

    def add_entry(self) -> None:
        self.rate_selected()

    def show_argument(self, argument) -> None:
        kind, value = argument
        if kind == "skill":
            self.skills.select_where(lambda item: item.skill == value)
            self.skills.table.setFocus()
        elif kind == "rating":
            self.history.show_argument(argument)
