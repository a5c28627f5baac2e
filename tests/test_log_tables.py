"""The order and filters a log's table asks SQL for, and fetching rows by id."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from po_tracker.services.errors import ValidationError
from po_tracker.services.logbook import events, goals, log_kinds, log_tables, ratings, training
from po_tracker.services.logbook import journal_entries as journal
from po_tracker.services.logbook.log_tables import SPECS, TableQuery, entry_ids

TODAY = date(2026, 6, 1)


@pytest.fixture
def logged(session):
    made = {}
    for title, hours, days_ago, status in [
        ("Beta", 3, 10, "completed"),
        ("alpha", 8, 400, "completed"),
        ("Gamma", 1, 30, "planned"),
    ]:
        made[title] = training.create(
            session,
            training.TrainingInput(title, hours, TODAY - timedelta(days=days_ago), status=status),
        ).id
    return made


def titles(session, ids):
    return [t.title for t in training.get_many(session, ids)]


def test_default_order_is_newest_first_and_sorts_follow_the_column(session, logged):
    assert titles(session, entry_ids(session, TableQuery("training"))) == ["Beta", "Gamma", "alpha"]
    by_title = entry_ids(session, TableQuery("training", sort="title"))
    assert titles(session, by_title) == ["alpha", "Beta", "Gamma"]  # case-insensitive
    by_hours = entry_ids(session, TableQuery("training", sort="hours", descending=True))
    assert titles(session, by_hours) == ["alpha", "Beta", "Gamma"]


def test_filters_and_words(session, logged):
    recent = entry_ids(session, TableQuery("training", filter="last-12-months"), TODAY)
    assert titles(session, recent) == ["Beta", "Gamma"]
    planned = entry_ids(session, TableQuery("training", filter="not-completed"), TODAY)
    assert titles(session, planned) == ["Gamma"]
    assert titles(session, entry_ids(session, TableQuery("training", text="gam"))) == ["Gamma"]
    assert entry_ids(session, TableQuery("training", text="nothing")) == []


def test_event_type_goal_overdue_journal_tag_and_rating_skill(session):
    events.create(session, events.EventInput("Camp", "conference", TODAY))
    events.create(session, events.EventInput("Meet", "meetup", TODAY))
    met = entry_ids(session, TableQuery("event", filter="type:meetup"))
    assert [e.title for e in events.get_many(session, met)] == ["Meet"]
    goals.create(session, goals.GoalInput("Late", target_date=TODAY - timedelta(days=1)))
    goals.create(
        session, goals.GoalInput("Done", target_date=TODAY - timedelta(days=1), status="done")
    )
    overdue = entry_ids(session, TableQuery("goal", filter="overdue"), TODAY)
    assert [g.text for g in goals.get_many(session, overdue)] == ["Late"]
    journal.create(session, journal.JournalInput("tagged", TODAY, tags=("retro",)))
    journal.create(session, journal.JournalInput("plain", TODAY))
    tagged = entry_ids(session, TableQuery("journal", filter="tag:#Retro"))
    assert [j.text for j in journal.get_many(session, tagged)] == ["tagged"]
    assert log_tables.tags(session) == ["retro"]
    ratings.create(session, ratings.RatingInput("leadership", 2, TODAY))
    ratings.create(session, ratings.RatingInput("communication", 4, TODAY))
    lead = entry_ids(session, TableQuery("rating", skill="Leadership"))
    assert [r.skill for r in ratings.get_many(session, lead)] == ["Leadership"]


def test_tags_lists_only_tags_still_on_an_entry(session):
    entry = journal.create(session, journal.JournalInput("a", TODAY, tags=("retro", "demo")))
    journal.create(session, journal.JournalInput("b", TODAY, tags=("demo",)))
    journal.update(session, entry.id, journal.JournalInput("a", TODAY))
    assert log_tables.tags(session) == ["demo"]


def test_journal_lines_follow_the_ids_and_carry_the_body_only_without_a_title(session):
    titled = journal.create(
        session, journal.JournalInput("Long notes", TODAY, "Retro", tags=("sprint", "demo"))
    )
    untitled = journal.create(
        session, journal.JournalInput("\n# First thoughts\nmore", TODAY, prompt="Why?")
    )
    lines = log_tables.journal_lines(session, [untitled.id, 999, titled.id])
    assert [line.id for line in lines] == [untitled.id, titled.id]
    assert lines[0].text == journal.get(session, untitled.id).text == "# First thoughts\nmore"
    assert lines[0].prompt == "Why?"
    assert (lines[1].title, lines[1].text) == ("Retro", "")
    assert lines[1].tags == journal.get(session, titled.id).tags == ("demo", "sprint")
    assert lines[1].entry_date == TODAY
    assert log_tables.journal_lines(session, []) == []


def test_every_sort_key_runs_on_every_log(session, logged):
    for kind, spec in SPECS.items():
        for key in spec.sorts:
            entry_ids(session, TableQuery(kind, sort=key, descending=True))
        expected = len(logged) if kind == "training" else 0
        assert log_tables.entry_count(session, kind) == expected


def test_get_many_keeps_the_asked_order_and_skips_missing(session, logged):
    ids = [logged["Gamma"], 999, logged["alpha"]]
    assert titles(session, ids) == ["Gamma", "alpha"]
    for kind in log_kinds.KINDS:
        assert kind.service.get_many(session, []) == [], kind.name


def test_unknown_sort_or_filter_is_refused(session):
    with pytest.raises(ValidationError, match="sort"):
        entry_ids(session, TableQuery("training", sort="colour"))
    with pytest.raises(ValidationError, match="filter"):
        entry_ids(session, TableQuery("training", filter="fancy"))
