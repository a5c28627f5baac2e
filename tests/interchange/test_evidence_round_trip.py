"""Wins and feedback in the JSON interchange (version 3): a lossless round trip, the
giver and the people as contacts, a re-import that adds nothing, a version 2 file that
still imports, and the same limits as the forms."""

from __future__ import annotations

from datetime import date

import pytest

from po_tracker.services.errors import ValidationError
from po_tracker.services.exchange import interchange
from po_tracker.services.logbook import contacts, wins
from po_tracker.services.logbook import feedback_entries as feedback
from po_tracker.services.logbook import journal_entries as journal
from po_tracker.services.logbook.feedback_entries import FeedbackInput, SkillLevel
from po_tracker.services.logbook.wins import WinInput

from .helpers import fresh_logbook, snapshot, write_json


def _log_evidence(session) -> None:
    win = wins.create(
        session,
        WinInput(
            "Cut release lead time",
            date(2025, 5, 2),
            impact="A week sooner",
            metric_name="Lead time",
            metric_before=12,
            metric_after=5.5,
            metric_unit="days",
            skills=("leadership",),
            requirements=("team_size",),
            contacts=("Dana Reyes", "Sam Ortiz"),
        ),
    )
    feedback.create(
        session,
        FeedbackInput(
            "Clear roadmap talk", "Dana Reyes", "manager", date(2025, 5, 3),
            skills=(SkillLevel("Leadership", 4), SkillLevel("Communication")),
        ),
    )  # fmt: skip
    gone = feedback.create(
        session, FeedbackInput("Great demo", "Lee Park", "customer", date(2025, 6, 1))
    )
    contacts.delete(session, next(c.id for c in contacts.list_all(session) if c.name == "Lee Park"))
    journal.create(
        session,
        journal.JournalInput(
            "Why it worked", date(2025, 5, 4),
            links=(journal.EntryRef("win", win.id), journal.EntryRef("feedback", gone.id)),
        ),
    )  # fmt: skip


def test_wins_and_feedback_round_trip(db, tmp_path):
    with db.write() as session:
        _log_evidence(session)
    exported = snapshot(db)
    assert exported["version"] == 5
    (win,) = exported["wins"]
    assert (win["metric_before"], win["metric_after"]) == (12, 5.5)
    assert win["requirements"] == ["team_size"] and len(win["contacts"]) == 2
    given = {f["quote"]: f for f in exported["feedback"]}
    dana = next(c["ref"] for c in exported["contacts"] if c["name"] == "Dana Reyes")
    assert given["Clear roadmap talk"]["contact"] == dana
    assert given["Clear roadmap talk"]["skills"] == [
        {"skill": "communication", "level": None},
        {"skill": "leadership", "level": 4},
    ]
    assert given["Great demo"]["contact"] is None  # its giver was deleted; it stays
    path = write_json(tmp_path / "export.json", exported)
    other = fresh_logbook(tmp_path / "other")
    with other.write() as session:
        plan = interchange.import_document(session, interchange.read_document(path))
    assert (plan.added["wins"], plan.added["feedback"]) == (1, 2)
    assert snapshot(other) == exported
    with other.write() as session:
        again = interchange.import_document(session, interchange.read_document(path))
    assert again.total_added == 0
    other.close()


def test_a_version_2_file_imports_with_no_wins_or_feedback(db, tmp_path):
    document = snapshot(db)
    document["version"] = 2
    del document["wins"], document["feedback"]
    other = fresh_logbook(tmp_path / "other")
    with other.write() as session:
        plan = interchange.import_document(session, document)
    assert plan.applied and (plan.added["wins"], plan.added["feedback"]) == (0, 0)
    other.close()


@pytest.mark.parametrize(
    ("key", "change", "field"),
    [
        ("wins", {"metric_name": "x" * 201}, "wins[0].metric_name"),
        ("wins", {"metric_after": None}, "wins[0].metric_after"),
        ("wins", {"win_date": "2099-01-01"}, "wins[0].win_date"),
        ("wins", {"title": "bad\x07"}, "wins[0].title"),
        ("feedback", {"giver_role": "boss"}, "feedback[0].giver_role"),
        ("feedback", {"contact": 99}, "feedback[0].contact"),
        ("feedback", {"skills": [{"skill": "leadership", "level": 6}]}, "feedback[0].skills"),
    ],
)
def test_an_import_holds_wins_and_feedback_to_the_forms_limits(db, key, change, field):
    with db.write() as session:
        _log_evidence(session)
    document = snapshot(db)
    document[key][0].update(change)
    other = fresh_logbook()
    with pytest.raises(ValidationError) as error, other.write() as session:
        interchange.import_document(session, document)
    assert any(e.field.startswith(field) for e in error.value.errors), error.value.errors
    with other.read() as session:
        assert wins.list_all(session) == [] and feedback.list_all(session) == []
    other.close()
