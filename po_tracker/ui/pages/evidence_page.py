"""Wins and feedback: the evidence a review or a promotion case is built from, in two
tabs over the same table, filter, add, edit, delete and undo as every other log."""

from __future__ import annotations

from ...vocabulary import FEEDBACK_ROLES, STAGE_REQUIREMENT_LABELS
from ..table_models.entry_table_model import Column
from .log_page import LogPage
from .tabbed_logs import TabbedLogsPage


class WinsPage(LogPage):
    kind = "win"
    noun = "win"
    title = "Wins"
    purpose = "What you did and what came of it: the first thing a promotion case shows."
    dialog_class = "win_dialog:WinDialog"
    filters = (
        ("All", None),
        ("Last 12 months", "last-12-months"),
        ("With a metric", "with-metric"),
    )

    def columns(self):
        return [
            Column("Date", lambda w: w.win_date, sort_key="date"),
            Column("Win", lambda w: w.title, sort_key="title"),
            Column("Impact", lambda w: w.impact, sort_key="impact"),
            Column("Metric", lambda w: w.metric, sort_key="metric"),
            Column("Skills", lambda w: w.skills, sort_key="skills"),
            Column(
                "Shows",
                lambda w: tuple(STAGE_REQUIREMENT_LABELS[key] for key in w.requirements),
            ),
        ]


class FeedbackPage(LogPage):
    kind = "feedback"
    noun = "feedback"
    title = "Feedback"
    purpose = "What others said about your work, and the levels they saw."
    dialog_class = "feedback_dialog:FeedbackDialog"
    filters = (
        ("All", None),
        ("Last 12 months", "last-12-months"),
        ("With levels", "with-levels"),
        *((role.capitalize(), f"role:{role}") for role in FEEDBACK_ROLES),
    )

    def label_of(self, item) -> str:
        return f"feedback from {item.giver or 'someone'} on {item.given_on}"

    def columns(self):
        return [
            Column("Date", lambda f: f.given_on, sort_key="date"),
            Column("What they said", lambda f: f.quote, sort_key="quote"),
            Column("From", lambda f: f.giver, sort_key="from"),
            Column("Role", lambda f: f.giver_role, sort_key="role"),
            Column("Skills", lambda f: tuple(str(s) for s in f.skills), sort_key="skills"),
        ]


class EvidencePage(TabbedLogsPage):
    name = "evidence_page"
    accessible_name = "Wins and feedback"
    tabs_spec = (
        ("wins", WinsPage, "&Wins", ("win",)),
        ("feedback", FeedbackPage, "&Feedback", ("feedback",)),
    )
