"""The development plan: goals with target dates, shown beside the career path."""

from __future__ import annotations

from datetime import date

from ..dialogs.goal_dialog import REQUIREMENT_LABELS, GoalDialog
from ..table_models.entry_table_model import Column
from .log_page import LogPage


class GoalsPanel(LogPage):
    kind = "goal"
    noun = "goal"
    title = "Development plan"
    purpose = "Goals toward your target stage, each tied to what it serves."
    dialog_class = GoalDialog
    compact = True
    filters = (
        ("Open", "open"),
        ("Overdue", "overdue"),
        ("All", None),
    )

    def label_of(self, item) -> str:
        return f"goal “{item.text}”"

    def columns(self):
        return [
            Column("Due", lambda g: g.target_date, sort_key="due"),
            Column("Goal", lambda g: g.text, sort_key="text"),
            Column(
                "Status",
                lambda g: "overdue" if g.is_overdue(date.today()) else g.status,
                sort_key="status",
            ),
            Column(
                "Serves",
                lambda g: (
                    g.skill or g.credential or REQUIREMENT_LABELS.get(g.requirement or "", "")
                ),
            ),
        ]
