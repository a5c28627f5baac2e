"""Full-text search stays in step with every log."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from po_tracker.services.errors import ValidationError
from po_tracker.services.framework import document as framework_io
from po_tracker.services.logbook import certifications, events, ratings
from po_tracker.services.logbook import journal_entries as journal
from po_tracker.services.logbook import training as training_service
from po_tracker.services.search import full_text as search

D = date(2025, 3, 1)


def hits(session, query):
    return [(h.kind, h.id) for h in search.search(session, query)]


def test_every_kind_is_found_and_best_match_first(session):
    t = training_service.create(
        session,
        training_service.TrainingInput("Roadmapping deep dive", 6, D, notes="roadmap roadmap"),
    )
    j = journal.create(
        session,
        journal.JournalInput("A note that mentions the roadmap once", D, tags=("planning",)),
    )
    e = events.create(
        session, events.EventInput("Roadmap meetup", "meetup", D, contacts=("Roadrunner",))
    )
    found = hits(session, "roadmap")
    assert set(found) == {("training", t.id), ("journal", j.id), ("event", e.id)}
    assert found[0][0] in ("training", "event")  # title matches rank above body matches
    assert ("contact", 1) in hits(session, "roadrunner")
    assert hits(session, "plann") == [("journal", j.id)]  # prefix of the last word


def test_index_follows_edits_deletes_tags_and_renames(session):
    entry = journal.create(session, journal.JournalInput("alpha", D, tags=("first",)))
    journal.update(session, entry.id, journal.JournalInput("beta", D, tags=("second",)))
    assert hits(session, "alpha") == [] and hits(session, "first") == []
    assert hits(session, "beta") == hits(session, "second") == [("journal", entry.id)]
    journal.delete(session, entry.id)
    assert hits(session, "beta") == []

    rating = ratings.create(session, ratings.RatingInput("communication", 3, D))
    cert = certifications.create(session, certifications.CertificationInput("CSPO", earned_on=D))
    document = framework_io.export_document(session)
    document["skills"][0]["name"] = "Storytelling"
    document["credentials"][0]["name"] = "Scrum PO"
    framework_io.load_document(session, document)
    assert hits(session, "storytelling") == [("rating", rating.id)]
    assert hits(session, "scrum po") == [("certification", cert.id)]


def test_snippet_marks_the_match(session):
    journal.create(session, journal.JournalInput("We chose the smaller scope on purpose", D))
    (hit,) = search.search(session, "scope")
    assert "[scope]" in hit.snippet and hit.date == "2025-03-01"


@given(st.text(max_size=40))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_typed_text_is_a_safe_query(db, text):
    # Read-only, so sharing one logbook across examples is sound.
    with db.read() as session:
        try:
            search.search(session, text)
        except ValidationError as error:
            assert error.errors[0].field == "query"


def test_bad_limits(session):
    for limit in (0, -1, 10**6):
        with pytest.raises(ValidationError, match="limit"):
            search.search(session, "x", limit=limit)
