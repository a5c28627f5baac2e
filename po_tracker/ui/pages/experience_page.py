from __future__ import annotations

from ..table_models.entry_table_model import Column
from .log_page import LogPage


class ExperiencePage(LogPage):
    kind = "experience"
    noun = "experience"
    title = "Experience"
    purpose = "Your roles, and the product work each one involved."
    dialog_class = "experience_dialog:ExperienceDialog"
    stretch_column = 2
    filters = (
        ("All", None),
        ("Ongoing", "ongoing"),
    )

    def label_of(self, item) -> str:
        return f"experience “{item.role}” from {item.start_date}"

    def columns(self):
        return [
            Column("From", lambda x: x.start_date, sort_key="start"),
            Column(
                "Until",
                lambda x: x.end_date,
                display=lambda d: str(d) if d else "now",
                sort_key="end",
            ),
            Column("Role", lambda x: x.role, sort_key="role"),
            Column("Organization", lambda x: x.organization, sort_key="organization"),
            Column("Sprints", lambda x: x.sprints, numeric=True, sort_key="sprints"),
            Column("Team", lambda x: x.team_size, numeric=True, sort_key="team"),
            Column("Mentored", lambda x: x.people_mentored, numeric=True, sort_key="mentored"),
        ]
