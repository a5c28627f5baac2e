"""Before a promotion case is exported: every piece of evidence it will hold, under its
skill or requirement, ticked; the user unticks what should stay out of this copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ...services.career.case_evidence import Evidence
from ...services.career.promotion_case import PromotionCase
from ..widgets.fields import continue_buttons
from ..widgets.fit import FitsScreen

KIND_LABELS = {
    "win": "Win",
    "feedback": "Feedback",
    "training": "Learning",
    "journal": "Journal",
    "experience": "Role",
    "event": "Mentoring",
}
KEY = Qt.ItemDataRole.UserRole


def _line(item: Evidence) -> str:
    title = item.title if item.kind != "feedback" else f"“{item.title}”"
    return f"{KIND_LABELS.get(item.kind, item.kind)}: {title} ({item.day})"


class CaseItemsDialog(FitsScreen, QDialog):
    def __init__(self, case: PromotionCase, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Choose what goes into the case")
        self.setObjectName("case_items_dialog")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(8)
        intro = QLabel(
            "Everything below goes into the case. Untick what you would rather leave out"
            " of this copy; an entry listed in two places leaves both. Your log keeps it."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Evidence in the case")
        self.tree.setUniformRowHeights(True)
        layout.addWidget(self.tree, 1)
        self._fill(case)
        self.tree.itemChanged.connect(self._same_everywhere)
        buttons = continue_buttons(self)
        layout.addWidget(buttons)
        self.resize(600, 520)

    def _fill(self, case: PromotionCase) -> None:
        sections = [
            (s.skill, s.wins + s.feedback + s.learning + s.journal) for s in case.skills
        ] + [(r.label, r.wins + r.experience) for r in case.requirements]
        for title, items in sections:
            if not items:
                continue
            section = QTreeWidgetItem(self.tree, [title])
            bold = section.font(0)
            bold.setBold(True)
            section.setFont(0, bold)
            section.setFlags(
                section.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
            )
            for item in items:
                row = QTreeWidgetItem(section, [_line(item)])
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                row.setData(0, KEY, (item.kind, item.id))
                row.setToolTip(0, item.detail or item.title)
                row.setCheckState(0, Qt.CheckState.Checked)
            section.setExpanded(True)
        if not self.tree.topLevelItemCount():
            QTreeWidgetItem(self.tree, ["No evidence is logged for this period yet."])

    def _rows(self):
        for index in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(index)
            for child in range(section.childCount()):
                yield section.child(child)

    def _same_everywhere(self, changed: QTreeWidgetItem, _column: int) -> None:
        """The same win under another skill follows the tick just changed."""
        key = changed.data(0, KEY)
        if key is None:
            return
        state = changed.checkState(0)
        self.tree.blockSignals(True)
        try:
            for row in self._rows():
                if row is not changed and row.data(0, KEY) == key:
                    row.setCheckState(0, state)
        finally:
            self.tree.blockSignals(False)
        self.tree.viewport().update()

    def left_out(self) -> frozenset[tuple[str, int]]:
        return frozenset(
            tuple(row.data(0, KEY))
            for row in self._rows()
            if row.checkState(0) != Qt.CheckState.Checked
        )
