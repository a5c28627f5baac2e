"""Export, import into an empty logbook, export again: the same document."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings

from po_tracker.services.career.credit_claims import CreditClaim
from po_tracker.services.exchange import interchange
from po_tracker.services.logbook import (
    certifications,
    events,
    experience,
    goals,
    profile,
    ratings,
    training,
)
from po_tracker.services.logbook import journal_entries as journal
from tests.interchange.helpers import fresh_logbook, snapshot, write_json
from tests.interchange.strategies import documents

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _log_everything(session) -> None:
    claims = (CreditClaim("CSPO", 2.5), CreditClaim("PSM I", None, True))
    course = training.create(
        session,
        training.TrainingInput(
            "Backlog workshop", 7.5, date(2024, 1, 10), skills=("leadership",), credits=claims
        ),
    )
    meetup = events.EventInput("Meetup", "meetup", date(2024, 2, 1), contacts=("Ann", "Bob"))
    events.create(session, meetup)
    cert = certifications.CertificationInput(
        "CSPO", earned_on=date(2024, 1, 5), cost_amount=100, cost_currency="usd"
    )
    certifications.create(session, cert)
    for _ in range(2):  # two identical ratings must both survive
        ratings.create(session, ratings.RatingInput("communication", 3, date(2024, 1, 1)))
    goal = goals.create(session, goals.GoalInput("Lead a workshop", skill="leadership"))
    experience.create(session, experience.ExperienceInput("PO", date(2020, 1, 1), sprints=40))
    links = (journal.EntryRef("training", course.id), journal.EntryRef("goal", goal.id))
    first = journal.create(
        session, journal.JournalInput("Notes ✓", date(2024, 3, 1), tags=("Roadmap",), links=links)
    )
    back = (journal.EntryRef("journal", first.id),)
    journal.create(session, journal.JournalInput("Follow-up", date(2024, 3, 2), links=back))
    profile.set_stages(session, "product-owner", "senior-product-owner")


def test_a_logbook_written_by_the_services_round_trips(db, tmp_path):
    with db.write() as session:
        _log_everything(session)
    exported = snapshot(db)
    path = write_json(tmp_path / "export.json", exported)
    other = fresh_logbook(tmp_path / "other")
    with other.write() as session:
        plan = interchange.import_document(session, interchange.read_document(path))
    assert plan.applied and plan.total_added == 11
    assert snapshot(other) == exported
    other.close()


def test_the_export_is_json_with_the_documented_header(db):
    with db.read() as session:
        document = interchange.export_document(session)
    assert document["format"] == "po-tracker-export" and document["version"] == 5
    assert document["exported_at"].endswith("Z")
    json.dumps(document, allow_nan=False)


@pytest.mark.slow
@SETTINGS
@given(documents())
def test_any_valid_log_round_trips_losslessly(document):
    database = fresh_logbook()
    try:
        with database.write() as session:
            interchange.import_document(session, document)
        exported = snapshot(database)
        expected = dict(document)
        expected.pop("exported_at", None)
        assert exported == expected
        # A second import of the same document adds nothing and changes nothing.
        with database.write() as session:
            plan = interchange.import_document(session, document)
        assert plan.total_added == 0
        assert plan.total_skipped == sum(len(document[k]) for k in plan.added)
        assert snapshot(database) == exported
    finally:
        database.close()


def test_renewal_history_and_fees_round_trip(db, tmp_path):
    from po_tracker.services.logbook import certification_renewal

    with db.write() as session:
        cert = certifications.CertificationInput(
            "CSPO", earned_on=date(2021, 3, 1), renewal_fee_amount=90, renewal_fee_currency="EUR"
        )
        certifications.create(session, cert)
        certification_renewal.renew(session, "CSPO", date(2023, 2, 1))  # to 2025-03-01
        certification_renewal.renew(session, "CSPO", date(2025, 1, 10), 95, "EUR")
    exported = snapshot(db)
    (entry,) = exported["certifications"]
    assert (entry["renewal_fee_amount"], entry["renewal_fee_currency"]) == (90, "EUR")
    assert [(r["renewed_on"], r["previous_expires_on"], r["expires_on"], r["fee_amount"])
            for r in entry["renewals"]] == [
        ("2023-02-01", None, "2025-03-01", 90),
        ("2025-01-10", "2025-03-01", "2027-03-01", 95),
    ]  # fmt: skip
    path = write_json(tmp_path / "export.json", exported)
    other = fresh_logbook(tmp_path / "other")
    with other.write() as session:
        interchange.import_document(session, interchange.read_document(path))
    assert snapshot(other) == exported
    other.close()


def test_a_version_1_file_still_imports(db, tmp_path):
    with db.write() as session:
        certifications.create(
            session, certifications.CertificationInput("CSM", earned_on=date(2024, 1, 5))
        )
    document = snapshot(db)
    document["version"] = document["framework"]["version"] = 1
    del document["framework"]["renewal_groups"]
    for credential in document["framework"]["credentials"]:
        for key in ("renewal_group", "addon_credits", "renewable_days", "ends_day_before"):
            del credential[key]
    for entry in document["certifications"]:
        for key in ("renewal_fee_amount", "renewal_fee_currency", "renewals"):
            del entry[key]
    path = write_json(tmp_path / "old.json", document)
    other = fresh_logbook(tmp_path / "other")
    with other.write() as session:
        plan = interchange.import_document(session, interchange.read_document(path))
    assert plan.applied and plan.total_added == 1
    (entry,) = snapshot(other)["certifications"]
    assert (entry["renewal_fee_amount"], entry["renewals"]) == (None, [])
    other.close()
