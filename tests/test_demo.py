"""The demo profile behind ``po-tracker --demo``: every log filled, built through the
services (so it obeys their rules), the same for the same ``today``, and a believable
standing in the status report."""

from __future__ import annotations

from datetime import date

import pytest

from bench.generate import content_digest
from po_tracker.demo import DemoError, fill_demo_profile
from po_tracker.services.logbook import contacts, log_kinds, recent
from po_tracker.services.search import full_text as search
from po_tracker.services.storage.opening import open_logbook
from po_tracker.vocabulary import EVENT_TYPES, LOG_KINDS

TODAY = date(2026, 6, 15)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One demo logbook for the whole module: the tests only read it."""
    data_dir = tmp_path_factory.mktemp("demo")
    database = open_logbook(data_dir)
    counts = fill_demo_profile(database, TODAY)
    yield database, counts, data_dir
    database.close()


def test_every_log_kind_is_filled(demo):
    db, counts, _ = demo
    assert set(counts) == set(LOG_KINDS)
    with db.read() as session:
        listed = {
            kind: len(service.list_all(session))
            for kind, service in ((k.name, k.service) for k in log_kinds.KINDS)
        }
    assert listed == counts
    assert counts["training"] >= 20 and counts["event"] >= 15 and counts["journal"] >= 25
    assert counts["rating"] >= 15 * 12  # every skill, quarterly, for years


def test_it_looks_like_a_real_history(demo):
    db, _, _ = demo
    with db.read() as session:
        events = log_kinds.service("event").list_all(session)
        people = contacts.list_all(session)
        ratings = log_kinds.service("rating").list_all(session)
        goals = log_kinds.service("goal").list_all(session)
        journal = log_kinds.service("journal").list_all(session)
        due = recent.reminders(session, TODAY)
    assert {event.event_type for event in events} == set(EVENT_TYPES)
    assert max(person.events_count for person in people) >= 3
    assert {rating.source for rating in ratings} == {"self", "peer", "manager"}
    assert len({rating.skill for rating in ratings}) == 15
    assert any(goal.status == "done" for goal in goals)
    assert any(goal.is_overdue(TODAY) for goal in goals)
    assert all(entry.tags for entry in journal) and any(entry.links for entry in journal)
    assert {item.kind for item in due} == {"event", "goal"}
    # Nothing is dated after today except what is planned.
    assert max(entry.entry_date for entry in journal) <= TODAY


def test_entries_pass_the_services_validation_again(demo):
    """Read each entry back as the input that would create it, and validate that."""
    db, _, _ = demo
    with db.read() as session:
        for kind, service in ((k.name, k.service) for k in log_kinds.KINDS):
            for item in service.list_all(session):
                data = log_kinds.as_input(kind, item)
                if kind == "journal":
                    service.validate(session, data, item.id)
                else:
                    service.validate(session, data)


def test_the_journal_is_searchable(demo):
    db, _, _ = demo
    with db.read() as session:
        hits = search.search(session, "progressive KYC")
    assert "journal" in {hit.kind for hit in hits}


def test_the_same_today_gives_the_same_logbook(demo, tmp_path):
    _, _, first = demo
    database = open_logbook(tmp_path)
    try:
        fill_demo_profile(database, TODAY)
    finally:
        database.close()
    assert content_digest(tmp_path) == content_digest(first)


def test_it_fills_an_empty_logbook_only(demo):
    db, counts, _ = demo
    with pytest.raises(DemoError):
        fill_demo_profile(db, TODAY)
    with db.read() as session:
        assert len(log_kinds.service("journal").list_all(session)) == counts["journal"]


def test_the_status_report_shows_a_po_close_to_senior(demo):
    status = pytest.importorskip(
        "po_tracker.services.career.status", reason="the status report (issue 2) is not built yet"
    )
    db, _, _ = demo
    with db.read() as session:
        report = status.build(session, TODAY)
    assert report.current_stage == "Product Owner"
    assert report.target_stage == "Senior Product Owner"
    assert 60 <= report.readiness.overall < 100
    assert report.next_actions
    by_name = {item.name: item for item in report.credentials}
    assert by_name["CSPO"].status.startswith("due-")
    assert by_name["PSPO I"].status == "lifetime"
    assert by_name["CSM"].status == "expired"
    # The CSPO renews as the Scrum Alliance group, said once.
    assert any(r.startswith("Scrum Alliance renewal:") for r in report.reminders)
    assert any(r.credentials == ("CSPO",) for r in report.renewals)
