"""Self against others: where feedback (or a peer's or manager's rating) gave a level,
the Skills page shows others' average beside the self-rating and calls out a gap of a
level or more."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from po_tracker.services.career import skill_standing
from po_tracker.services.logbook import feedback_entries as feedback
from po_tracker.services.logbook import ratings
from po_tracker.services.logbook.feedback_entries import FeedbackInput, SkillLevel
from po_tracker.ui.pages.skills_page import SkillsTable

TODAY = date.today()


def _log(session) -> None:
    ratings.create(session, ratings.RatingInput("leadership", 2, TODAY - timedelta(days=30)))
    ratings.create(session, ratings.RatingInput("communication", 3, TODAY - timedelta(days=30)))
    for level, role in ((3, "peer"), (4, "manager")):
        feedback.create(
            session,
            FeedbackInput("Runs a calm room", "Dana", role, TODAY - timedelta(days=10),
                          skills=(SkillLevel("leadership", level), SkillLevel("communication", 3))),
        )  # fmt: skip
    # Older than a year: no longer others' view.
    feedback.create(
        session,
        FeedbackInput("Long ago", "Sam", "peer", TODAY - timedelta(days=400),
                      skills=(SkillLevel("communication", 1),)),
    )  # fmt: skip


def test_standings_carry_others_view_and_the_gap(session):
    _log(session)
    by_skill = {s.skill: s for s in skill_standing.standings(session, TODAY)}
    leadership, communication = by_skill["Leadership"], by_skill["Communication"]
    assert (leadership.others, leadership.others_count, leadership.self_level) == (3.5, 2, 2)
    assert leadership.others_note == "Others rate your Leadership 3.5, you rate it 2"
    assert (communication.others, communication.others_note) == (3.0, "")
    assert by_skill["Customer focus"].others is None


def test_the_skills_page_shows_others_and_calls_out_the_gap(qtbot, context):
    with context.database.write() as session:
        _log(session)
    page = SkillsTable(context)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    model = page.model
    horizontal = Qt.Orientation.Horizontal
    others = next(
        c for c in range(model.columnCount()) if model.headerData(c, horizontal) == "Others"
    )
    rows = {model.item(r).skill: r for r in range(model.rowCount())}
    assert model.data(model.index(rows["Leadership"], others)) == "3.5"
    assert model.data(model.index(rows["Customer focus"], others)) == ""
    assert page.others_label.isVisibleTo(page)
    assert page.others_label.text() == "Others rate your Leadership 3.5, you rate it 2."
