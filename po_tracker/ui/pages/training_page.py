from __future__ import annotations

from datetime import date, timedelta

from ..dialogs.training_dialog import TrainingDialog
from ..table_models.entry_table_model import Column
from .log_page import LogPage


def _last_12_months(item) -> bool:
    return item.start_date >= date.today() - timedelta(days=365)


class TrainingPage(LogPage):
    kind = "training"
    noun = "training"
    title = "Training"
    dialog_class = TrainingDialog
    filters = (
        ("All", None),
        ("Last 12 months", _last_12_months),
        ("Completed", lambda t: t.status == "completed"),
        ("Planned or in progress", lambda t: t.status != "completed"),
    )

    def columns(self):
        return [
            Column("Date", lambda t: t.start_date),
            Column("Title", lambda t: t.title),
            Column("Format", lambda t: t.format),
            Column("Hours", lambda t: t.hours, numeric=True),
            Column("Provider", lambda t: t.provider),
            Column("Status", lambda t: t.status),
            Column("Skills", lambda t: t.skills),
        ]
