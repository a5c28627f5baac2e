from __future__ import annotations

from ..table_models.entry_table_model import Column
from .log_page import LogPage


class TrainingPage(LogPage):
    kind = "training"
    noun = "training"
    title = "Training"
    purpose = "Courses, workshops and books: hours toward learning and renewals."
    dialog_class = "training_dialog:TrainingDialog"
    filters = (
        ("All", None),
        ("Last 12 months", "last-12-months"),
        ("Completed", "completed"),
        ("Planned or in progress", "not-completed"),
    )

    def columns(self):
        return [
            Column("Date", lambda t: t.start_date, sort_key="date"),
            Column("Title", lambda t: t.title, sort_key="title"),
            Column("Format", lambda t: t.format, sort_key="format"),
            Column("Hours", lambda t: t.hours, numeric=True, sort_key="hours"),
            Column("Provider", lambda t: t.provider, sort_key="provider"),
            Column("Status", lambda t: t.status, sort_key="status"),
            Column("Skills", lambda t: t.skills, sort_key="skills"),
        ]
