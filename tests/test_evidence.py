"""Wins and feedback: create, edit, delete, every validation rule, the giver as a
contact, journal links, and the full-text index."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from po_tracker.services.errors import ValidationError
from po_tracker.services.logbook import contacts, wins
from po_tracker.services.logbook import feedback_entries as feedback
from po_tracker.services.logbook import journal_entries as journal
from po_tracker.services.logbook.feedback_entries import FeedbackInput, SkillLevel
from po_tracker.services.logbook.wins import WinInput
from po_tracker.services.search import full_text as search

D = date(2025, 3, 1)


def fields(error: ValidationError) -> set[str]:
    return {e.field for e in error.errors}


def a_win(**changes) -> WinInput:
    values = dict(
        title="Cut release lead time",
        win_date=D,
        description="Split the release train into weekly drops.",
        impact="Customers get fixes a week sooner.",
        metric_name="Lead time",
        metric_before=12,
        metric_after=5,
        metric_unit="days",
        skills=("Agile and Scrum practice", "stakeholder-management"),
        requirements=("team-size",),
        contacts=("Dana Reyes",),
    )
    return WinInput(**(values | changes))


def test_a_win_keeps_its_metric_skills_requirements_and_people(session):
    item = wins.create(session, a_win())
    assert item.metric == "Lead time: 12 -> 5 days"
    assert item.skills == ("Stakeholder management", "Agile and Scrum practice")
    assert item.requirements == ("team_size",)
    assert item.contacts == ("Dana Reyes",)
    assert [c.name for c in contacts.list_all(session)] == ["Dana Reyes"]
    again = wins.update(session, item.id, a_win(requirements=("team_size", "people mentored")))
    assert again.requirements == ("people_mentored", "team_size")
    assert [w.id for w in wins.list_all(session)] == [item.id]


def test_metric_is_all_there_or_not_at_all(session):
    with pytest.raises(ValidationError) as error:
        wins.validate(session, a_win(metric_after=None))
    assert fields(error.value) == {"metric_after"}
    with pytest.raises(ValidationError) as error:
        wins.validate(session, a_win(metric_name="", metric_unit=""))
    assert fields(error.value) == {"metric_name"}
    plain = wins.create(
        session, a_win(metric_name="", metric_before=None, metric_after=None, metric_unit="")
    )
    assert plain.metric == ""


def test_parse_metric_reads_what_the_command_line_takes():
    assert wins.parse_metric("Lead time: 12 -> 5 days") == ("Lead time", 12.0, 5.0, "days")
    assert wins.parse_metric("NPS: -4 -> 21") == ("NPS", -4.0, 21.0, "")
    with pytest.raises(ValidationError, match="must look like"):
        wins.parse_metric("lead time went down")


def test_bad_win_fields_are_each_named_and_nothing_is_written(session):
    future = date.today() + timedelta(days=3)
    with pytest.raises(ValidationError) as error:
        wins.create(
            session,
            a_win(
                title=" ",
                win_date=future,
                skills=("Juggling",),
                requirements=("charisma",),
                metric_before=float("nan"),
            ),
        )
    assert fields(error.value) == {"title", "win_date", "skills", "requirements", "metric_before"}
    assert wins.list_all(session) == []
    assert contacts.list_all(session) == []


def a_feedback(**changes) -> FeedbackInput:
    values = dict(
        quote="Dana ran the best quarterly review we have had.",
        giver="dana reyes",
        giver_role="manager",
        given_on=D,
        skills=(SkillLevel("Leadership", 4), SkillLevel("Communication")),
    )
    return FeedbackInput(**(values | changes))


def test_feedback_giver_is_the_existing_contact_in_any_case(session):
    contacts.create(session, contacts.ContactInput("Dana Reyes", organization="Acme"))
    item = feedback.create(session, a_feedback())
    assert item.giver == "Dana Reyes"
    assert item.skills == (SkillLevel("Communication"), SkillLevel("Leadership", 4))
    assert len(contacts.list_all(session)) == 1
    edited = feedback.update(
        session, item.id, a_feedback(skills=(SkillLevel("Leadership", 3),), giver="Sam Ortiz")
    )
    assert (edited.giver, edited.skills) == ("Sam Ortiz", (SkillLevel("Leadership", 3),))


def test_feedback_outlives_its_giver(session):
    item = feedback.create(session, a_feedback())
    giver = contacts.list_all(session)[0]
    contacts.delete(session, giver.id)
    kept = feedback.get(session, item.id)
    assert (kept.quote, kept.giver) == (item.quote, "")


def test_bad_feedback_is_refused_field_by_field(session):
    with pytest.raises(ValidationError) as error:
        feedback.create(
            session,
            a_feedback(
                quote="",
                giver="",
                giver_role="boss",
                skills=(SkillLevel("Leadership", 6), SkillLevel("leadership")),
            ),
        )
    assert fields(error.value) == {"quote", "giver", "giver_role", "skills"}
    assert feedback.list_all(session) == [] and contacts.list_all(session) == []


def test_parse_skill_level():
    assert feedback.parse_skill_level("Leadership=3") == SkillLevel("Leadership", 3)
    assert feedback.parse_skill_level(" Communication ") == SkillLevel("Communication")
    with pytest.raises(ValidationError, match="whole number"):
        feedback.parse_skill_level("Leadership=high")


def test_wins_and_feedback_are_searchable_and_follow_a_renamed_giver(session):
    win = wins.create(session, a_win())
    item = feedback.create(session, a_feedback(quote="A calm, clear roadmap talk."))
    hits = {(h.kind, h.id) for h in search.search(session, "weekly drops")}
    assert hits == {("win", win.id)}
    assert {(h.kind, h.id) for h in search.search(session, "roadmap")} == {("feedback", item.id)}
    giver = contacts.list_all(session)[0]
    contacts.update(session, giver.id, contacts.ContactInput("Dana Reyes-Holt"))
    hit = search.search(session, "Holt")
    assert [(h.kind, h.title) for h in hit if h.kind == "feedback"] == [
        ("feedback", "Dana Reyes-Holt (manager)")
    ]
    wins.delete(session, win.id)
    assert search.search(session, "weekly drops") == []


def test_journal_links_to_wins_and_feedback_go_when_they_go(session):
    win = wins.create(session, a_win())
    item = feedback.create(session, a_feedback())
    entry = journal.create(
        session,
        journal.JournalInput(
            "Why the release change worked.",
            D,
            links=(journal.EntryRef("win", win.id), journal.EntryRef("feedback", item.id)),
        ),
    )
    assert {(link.kind, link.id) for link in journal.get(session, entry.id).links} == {
        ("win", win.id),
        ("feedback", item.id),
    }
    wins.delete(session, win.id)
    assert [link.kind for link in journal.get(session, entry.id).links] == ["feedback"]
    count = session.execute(text("SELECT count(*) FROM win_skills")).scalar()
    assert count == 0


def test_own_level_is_the_latest_self_rating_up_to_the_day(session):
    from po_tracker.services.career.case_evidence import self_levels
    from po_tracker.services.framework import lookup
    from po_tracker.services.logbook import ratings

    def rate(skill, level, day, source="self"):
        ratings.create(session, ratings.RatingInput(skill, level, day, source=source))

    rate("communication", 2, date(2025, 1, 10))
    rate("communication", 3, date(2025, 3, 1))
    rate("communication", 4, date(2025, 3, 1))  # the same day, entered last: this one
    rate("communication", 5, date(2025, 4, 1), source="manager")  # not the user's own
    rate("communication", 1, date(2025, 9, 1))  # after the day asked about
    rate("stakeholder-management", 2, date(2025, 2, 1), source="peer")
    communication = lookup.skill_id(session, "communication")
    stakeholders = lookup.skill_id(session, "stakeholder-management")
    levels = self_levels(session, date(2025, 6, 30))
    assert levels[communication] == 4
    assert stakeholders not in levels  # rated by a peer only
    assert self_levels(session, date(2025, 2, 1))[communication] == 2
    assert self_levels(session, date(2025, 9, 1))[communication] == 1
