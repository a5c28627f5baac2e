"""Renewal: every status at the edges of a cycle, credits in the cycle, track renewal."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from po_tracker.services.career import renewal
from po_tracker.services.framework import edit as framework_edit

# CSPO: 24-month validity, 20 SEUs. Earned 2023-03-01 -> cycle 2023-03-01..2025-03-01.
EARNED = date(2023, 3, 1)
EXPIRES = date(2025, 3, 1)


def _one(session, as_of, name="CSPO"):
    return next(item for item in renewal.statuses(session, as_of) if item.name == name)


@pytest.mark.parametrize(
    ("as_of", "status", "days_left"),
    [
        (date(2023, 3, 1), "active", 731),  # the cycle's first day
        (date(2024, 11, 30), "active", 91),
        (date(2024, 12, 1), "due-90", 90),
        (date(2025, 1, 29), "due-90", 31),
        (date(2025, 1, 30), "due-30", 30),
        (date(2025, 2, 21), "due-30", 8),
        (date(2025, 2, 22), "due-7", 7),
        (date(2025, 3, 1), "due-7", 0),  # the last day: still valid
        (date(2025, 3, 2), "expired", -1),  # the day after expiry, no grace period
    ],
)
def test_status_at_each_edge_of_the_cycle(session, log, as_of, status, days_left):
    log.cert("CSPO", EARNED)
    item = _one(session, as_of)
    assert (item.status, item.days_left, item.expires) == (status, days_left, EXPIRES)
    assert item.cycle_start == EARNED


def test_grace_period_follows_expiry_for_grace_days(session, log):
    rule = framework_edit.renewal_rule(session, "CSPO")
    framework_edit.set_renewal_rule(session, "CSPO", replace(rule, grace_days=30))
    log.cert("CSPO", EARNED)
    assert _one(session, date(2025, 3, 2)).status == "grace"
    assert _one(session, date(2025, 3, 31)).status == "grace"  # 30 days after
    assert _one(session, date(2025, 4, 1)).status == "expired"


def test_not_listed_before_it_was_earned(session, log):
    log.cert("CSPO", EARNED)
    assert renewal.statuses(session, date(2023, 2, 28)) == []


def test_lifetime_credential(session, log):
    log.cert("PSPO I", date(2019, 5, 5))
    item = _one(session, date(2030, 1, 1), "PSPO I")
    assert item.status == "lifetime"
    assert (item.expires, item.days_left, item.credits_needed) == (None, None, None)


def test_a_typed_expiry_is_the_renewed_cycle(session, log):
    log.cert("CSPO", EARNED, expires=date(2027, 3, 1))  # the user renewed in 2025
    item = _one(session, date(2025, 6, 1))
    assert (item.status, item.cycle_start, item.expires) == ("active", EXPIRES, date(2027, 3, 1))


def test_logging_the_credential_again_starts_a_new_cycle(session, log):
    log.cert("CSPO", EARNED)
    log.cert("CSPO", date(2025, 2, 15))  # renewed: the latest expiry counts
    statuses = renewal.statuses(session, date(2025, 6, 1))
    assert [(s.name, s.cycle_start, s.expires) for s in statuses] == [
        ("CSPO", date(2025, 2, 15), date(2027, 2, 15))
    ]


def test_a_certification_marked_expired_is_expired_after_its_dates(session, log):
    log.cert("PSPO I", date(2019, 5, 5), status="expired")  # the user says so
    assert _one(session, date(2024, 1, 1), "PSPO I").status == "expired"
    log.cert("CSM", date(2022, 1, 1), status="expired")
    assert _one(session, date(2023, 1, 1), "CSM").status == "active"  # it was valid then
    assert _one(session, date(2024, 1, 2), "CSM").status == "expired"


def test_credits_count_activities_inside_the_cycle_once(session, log):
    log.cert("CSPO", EARNED)
    log.train(100, date(2023, 2, 28))  # the day before the cycle starts
    log.train(3, date(2023, 3, 1))  # the first day
    log.train(2, date(2025, 3, 1))  # the last day (expiry)
    log.train(50, date(2025, 3, 2))  # after expiry
    log.train(40, date(2024, 1, 1), status="planned")  # not done: does not count
    log.event(date(2024, 5, 1), hours=1.5)
    log.train(8, date(2024, 6, 1), credits=[("CSPO", 5)])  # override: 5 SEUs, not 8
    log.train(9, date(2024, 7, 1), credits=[("CSPO", None, True)])  # excluded
    log.event(date(2024, 8, 1), hours=4, credits=[("CSPO", None, True)])  # excluded
    item = _one(session, date(2025, 3, 1))
    assert item.credits_earned == pytest.approx(3 + 2 + 1.5 + 5)
    assert (item.credits_needed, item.credit_unit) == (20, "SEU")
    # An activity logged after the date asked is not counted yet.
    assert _one(session, date(2024, 5, 31)).credits_earned == pytest.approx(3 + 1.5)


def test_one_activity_counts_toward_every_credential(session, log):
    log.cert("CSPO", EARNED)
    log.cert("PMI-ACP", date(2024, 1, 1))
    log.train(6, date(2024, 2, 1), credits=[("PMI-ACP", 4)])
    log.train(2, date(2023, 6, 1))  # before the PMI-ACP cycle
    as_of = date(2024, 6, 1)
    assert _one(session, as_of).credits_earned == 8
    assert _one(session, as_of, "PMI-ACP").credits_earned == 4
    progress = {p.name: p for p in renewal.credit_progress(session, as_of)}
    assert set(progress) == {"CSPO", "PMI-ACP"}
    assert (progress["CSPO"].from_training, progress["CSPO"].percent) == (8, 40)
    assert progress["PMI-ACP"].credits_needed == 30


def test_in_grace_activities_up_to_the_end_of_grace_count(session, log):
    rule = framework_edit.renewal_rule(session, "CSPO")
    framework_edit.set_renewal_rule(session, "CSPO", replace(rule, grace_days=30))
    log.cert("CSPO", EARNED)
    log.train(5, date(2025, 3, 20))
    assert _one(session, date(2025, 3, 25)).credits_earned == 5


def test_higher_credential_on_the_track_renews_the_lower(session, log):
    log.cert("CSPO", date(2020, 1, 1))  # own expiry 2022-01-01
    log.cert("A-CSPO", date(2021, 6, 1))  # expires 2023-06-01
    log.cert("CSM", date(2021, 1, 1))  # another track, own expiry 2023-01-01
    cspo = _one(session, date(2022, 6, 1))
    assert (cspo.status, cspo.expires, cspo.renewed_by) == ("active", date(2023, 6, 1), "A-CSPO")
    # Scrum Alliance: a certification earned while CSM was active renews CSM as well.
    csm = _one(session, date(2022, 6, 1), "CSM")
    assert (csm.expires, csm.renewed_by) == (date(2023, 6, 1), "A-CSPO")
    # Before A-CSPO was earned, the CSM earned on 2021-01-01 (while CSPO was active)
    # carried CSPO to its own expiry.
    before = _one(session, date(2021, 5, 31))
    assert (before.expires, before.renewed_by) == (date(2023, 1, 1), "CSM")
    # Once A-CSPO lapses, so does the CSPO that followed it.
    assert _one(session, date(2023, 6, 2)).status == "expired"


def test_a_lower_credential_with_a_later_expiry_keeps_its_own(session, log):
    log.cert("A-CSPO", date(2020, 1, 1))
    log.cert("CSPO", date(2021, 1, 1))
    cspo = _one(session, date(2021, 6, 1))
    assert (cspo.expires, cspo.renewed_by) == (date(2023, 1, 1), None)


def test_classify_is_the_documented_table():
    assert renewal.classify(None, date(2024, 1, 1)) == ("lifetime", None)
    assert renewal.classify(date(2024, 1, 1), date(2024, 1, 3), grace_days=1) == ("expired", -2)
    assert renewal.classify(date(2024, 1, 1), date(2024, 1, 2), grace_days=1) == ("grace", -1)


def test_cycle_of_never_starts_before_the_earned_date():
    # typed expiry shorter than the validity: the cycle is what was actually held
    assert renewal.cycle_of(date(2024, 1, 1), date(2024, 6, 1), 24) == (
        date(2024, 1, 1),
        date(2024, 6, 1),
    )
    assert renewal.cycle_of(date(2024, 1, 31), None, 1) == (date(2024, 1, 31), date(2024, 2, 29))
