"""Renewal across certifications and bodies: Scrum Alliance's pooled renewal (SEUs of the
highest certification plus each other track's add-on, one pool, one fee), a new
certification renewing every active one, renewing early, PMI's cycle end and suspension
year. Every expected date is worked out by hand in the comments."""

from __future__ import annotations

from datetime import date

import pytest

from po_tracker.models import Certification, CertificationRenewal
from po_tracker.services.career import renewal, status
from po_tracker.services.career.renewal_due import renewals_due
from po_tracker.services.errors import ValidationError
from po_tracker.services.logbook import certification_renewal


def _one(session, as_of, name):
    return next(item for item in renewal.statuses(session, as_of) if item.name == name)


def _expiries(session):
    return sorted((row.id, row.expires_on) for row in session.query(Certification))


def test_csm_and_cspo_renew_as_one_group_from_one_pool(session, log):
    log.cert("CSM", date(2025, 3, 1))  # 24 months: 2025-03-01..2027-03-01
    log.cert("CSPO", date(2025, 3, 1))
    log.train(12, date(2025, 6, 1))
    log.event(date(2025, 9, 1), hours=8)
    log.train(5, date(2025, 2, 28))  # the day before the cycle: not counted
    as_of = date(2026, 1, 1)
    for name in ("CSM", "CSPO"):
        item = _one(session, as_of, name)
        # 20 SEUs for the highest (a tie: either) + 10 add-on for the other track = 30;
        # the 20 hours count once for the group, not once per certification.
        assert (item.credits_needed, item.credits_earned) == (30, 20)
        assert (item.renewal_group, item.renewal_fee) == ("Scrum Alliance", "USD 100")
    (due,) = renewals_due(session, as_of)
    assert due.line == "Scrum Alliance renewal: 20 of 30 SEUs by 2027-03-01, USD 100"
    assert set(due.credentials) == {"CSM", "CSPO"}


@pytest.mark.parametrize(
    ("held", "needed", "fee"),
    [
        (("CSP-SM", "CSP-PO"), 40 + 20, "USD 250"),  # professional + professional add-on
        (("A-CSPO", "CSM"), 30 + 10, "USD 175"),  # advanced + foundational add-on
        (("CSPO", "A-CSPO"), 30, "USD 175"),  # one track: only the highest counts
        (("CSP-SM", "A-CSPO", "CSPO"), 40 + 15, "USD 250"),  # highest of the other track
        (("A-CSM",), 30, "USD 175"),
    ],
)
def test_the_group_total_follows_scrum_alliances_table(session, log, held, needed, fee):
    for name in held:
        log.cert(name, date(2025, 3, 1))
    (due,) = renewals_due(session, date(2025, 4, 1))
    assert (due.credits_needed, due.fee, due.due) == (needed, fee, date(2027, 3, 1))


def test_a_user_fee_replaces_the_catalog_fee(session, log):
    from po_tracker.services.logbook import certifications

    certifications.create(
        session,
        certifications.CertificationInput(
            "CSPO", earned_on=date(2025, 3, 1), renewal_fee_amount=90, renewal_fee_currency="EUR"
        ),
    )
    assert _one(session, date(2025, 4, 1), "CSPO").renewal_fee == "EUR 90"


def test_earning_cspo_while_csm_is_active_extends_the_csm(session, log):
    log.cert("CSM", date(2024, 3, 1))  # own expiry 2026-03-01
    log.cert("CSPO", date(2024, 6, 1))  # expiry 2026-06-01
    # The day after the CSM's own expiry it is still active: 91 days to 2026-06-01.
    csm = _one(session, date(2026, 3, 2), "CSM")
    assert (csm.status, csm.days_left) == ("active", 91)
    assert (csm.expires, csm.renewed_by) == (date(2026, 6, 1), "CSPO")
    # Before the CSPO was earned, the CSM stood on its own.
    assert _one(session, date(2024, 5, 31), "CSM").expires == date(2026, 3, 1)


def test_a_certification_earned_on_the_last_valid_day_still_renews(session, log):
    # Leap day: 2024-02-29 + 24 months = 2026-02-28, the CSM's last valid day.
    log.cert("CSM", date(2024, 2, 29))
    log.cert("CSPO", date(2026, 2, 28))  # expiry 2028-02-28
    assert _one(session, date(2026, 3, 1), "CSM").expires == date(2028, 2, 28)


def test_a_certification_earned_after_expiry_does_not_revive_it(session, log):
    log.cert("CSM", date(2024, 2, 29))  # expired after 2026-02-28
    log.cert("CSPO", date(2026, 3, 1))
    csm = _one(session, date(2026, 3, 1), "CSM")
    assert (csm.status, csm.expires) == ("expired", date(2026, 2, 28))


def test_renewing_early_adds_a_cycle_to_the_expiry_not_to_the_day(session, log):
    log.cert("CSPO", date(2023, 3, 1))  # expires 2025-03-01
    log.train(20, date(2024, 5, 1))
    result = certification_renewal.renew(session, "CSPO", date(2025, 1, 15))
    assert result.expires == date(2027, 3, 1)  # 2025-03-01 + 24 months
    (record,) = result.records
    assert (record.renewed_on, record.previous_expires_on, record.credits_used) == (
        date(2025, 1, 15),
        None,
        20,
    )
    assert record.fee == "USD 100"
    item = _one(session, date(2025, 3, 2), "CSPO")
    # A new credit window from the old expiry: the 20 hours were used up.
    assert (item.expires, item.cycle_start, item.credits_earned) == (
        date(2027, 3, 1),
        date(2025, 3, 1),
        0,
    )


def test_renewing_on_the_last_day_and_undoing_it(session, log):
    entry = log.cert("CSPO", date(2023, 3, 1))
    result = certification_renewal.renew(session, "cspo", date(2025, 3, 1))
    assert result.expires == date(2027, 3, 1)
    assert len(certification_renewal.history(session, entry.id)) == 1
    certification_renewal.undo(session, [r.id for r in result.records])
    assert session.get(Certification, entry.id).expires_on is None
    assert certification_renewal.history(session, entry.id) == []
    assert _one(session, date(2025, 3, 2), "CSPO").status == "expired"


def test_renewing_one_member_renews_the_whole_group_for_one_fee(session, log):
    log.cert("CSM", date(2025, 3, 1))
    log.cert("CSPO", date(2025, 3, 1))
    result = certification_renewal.renew(session, "CSM", date(2027, 2, 1), 120, "USD")
    assert [r.name for r in result.records][0] == "CSM"
    assert {r.name for r in result.records} == {"CSM", "CSPO"}
    assert [r.fee for r in result.records] == ["USD 120", ""]
    for name in ("CSM", "CSPO"):
        assert _one(session, date(2027, 3, 2), name).expires == date(2029, 3, 1)


@pytest.mark.parametrize(
    ("name", "earned", "on", "message"),
    [
        ("PSPO I", date(2024, 1, 1), date(2025, 1, 1), "lifetime credential"),
        ("CSPO", date(2023, 3, 1), date(2025, 3, 2), "can no longer be renewed"),
        ("CSPO", date(2023, 3, 1), date(2023, 2, 28), "is not held on 2023-02-28"),
        ("CSPO", date(2023, 3, 1), date(2024, 1, 1), None),  # baseline: this one works
    ],
)
def test_renewals_that_cannot_be_are_refused_and_change_nothing(
    session, log, name, earned, on, message
):
    log.cert(name, earned)
    before = _expiries(session)
    if message is None:
        certification_renewal.renew(session, name, on)
        assert _expiries(session) != before
        return
    with pytest.raises(ValidationError, match=message):
        certification_renewal.renew(session, name, on)
    assert _expiries(session) == before
    assert session.query(CertificationRenewal).count() == 0


def test_pmi_cycle_ends_the_day_before_the_anniversary_then_a_suspension_year(session, log):
    # 2021-03-01 + 36 months = 2024-03-01; the cycle ends the day before: leap day.
    log.cert("PMP", date(2021, 3, 1))
    assert _one(session, date(2024, 2, 29), "PMP").status == "due-7"
    late = _one(session, date(2024, 3, 1), "PMP")
    # Suspended: not held, still renewable for 365 days after 2024-02-29.
    assert (late.status, late.held, late.renewable_until) == ("expired", False, date(2025, 2, 28))
    assert _one(session, date(2025, 2, 28), "PMP").renewable_until == date(2025, 2, 28)
    assert _one(session, date(2025, 3, 1), "PMP").renewable_until is None
    (due,) = renewals_due(session, date(2024, 6, 1))
    assert due.line == (
        "PMP renewal: 0 of 60 PDUs expired on 2024-02-29; renew within the suspension year"
        " (by 2025-02-28), USD 150"
    )
    # Renewed in the suspension year: the new cycle follows the old one, 2024-03-01
    # + 36 months - 1 day = 2027-02-28.
    result = certification_renewal.renew(session, "PMP", date(2024, 6, 1))
    assert result.expires == date(2027, 2, 28)
    assert _one(session, date(2024, 6, 1), "PMP").cycle_start == date(2024, 3, 1)


def test_status_json_says_the_group_once(session, log):
    log.cert("CSM", date(2025, 3, 1))
    log.cert("CSPO", date(2025, 3, 1))
    report = status.build(session, date(2027, 1, 1)).to_dict()
    assert [c["renewal_group"] for c in report["credentials"]] == ["Scrum Alliance"] * 2
    assert [c["credits_needed"] for c in report["credentials"]] == [30, 30]
    assert report["reminders"] == ["Scrum Alliance renewal: 0 of 30 SEUs by 2027-03-01, USD 100"]


def test_a_training_limited_to_one_credential_counts_only_there(session, log):
    from po_tracker.services.logbook import training

    log.cert("CSPO", date(2025, 3, 1))
    log.cert("PMI-ACP", date(2025, 3, 1))
    made = training.create(
        session,
        training.TrainingInput("Course", 6, date(2025, 5, 1), credentials=("PMI-ACP",)),
    )
    assert made.counts_toward == ("PMI-ACP",)
    assert _one(session, date(2025, 6, 1), "PMI-ACP").credits_earned == 6
    assert _one(session, date(2025, 6, 1), "CSPO").credits_earned == 0


def test_a_lifetime_credential_refuses_an_expiry_but_a_custom_one_keeps_it(session, log):
    with pytest.raises(ValidationError, match="PSPO I is a lifetime credential"):
        log.cert("PSPO I", date(2024, 1, 1), expires=date(2026, 1, 1))
    assert session.query(Certification).count() == 0
    from po_tracker.services.logbook import certifications

    custom = certifications.create(
        session,
        certifications.CertificationInput(
            "Company PO badge", custom=True, earned_on=date(2024, 1, 1), expires_on=date(2026, 1, 1)
        ),
    )
    assert custom.expires == date(2026, 1, 1)


def test_one_safe_renewal_covers_every_safe_certification_for_one_fee(session, log):
    from po_tracker.models import Credential

    session.add(
        Credential(
            slug="safe-agilist", name="SAFe SA", body="Scaled Agile", validity_months=12,
            credits_needed=10, credit_unit="PDU", fee_amount=295, fee_currency="USD",
            renewal_group="scaled-agile",
        )
    )  # fmt: skip
    session.flush()
    log.cert("SAFe POPM", date(2025, 1, 10))  # 12 months: expires 2026-01-10
    log.cert("SAFe SA", date(2025, 4, 1))  # expires 2026-04-01
    log.train(4, date(2025, 2, 1), credits=[("SAFe SA", None, True)])  # POPM only
    (due,) = renewals_due(session, date(2025, 6, 1))
    # Not pooled: each needs its own 10 PDUs; the group shows the strictest (SA has 0).
    assert due.line == "SAFe renewal: 0 of 10 PDUs by 2026-01-10, USD 295"
    assert set(due.credentials) == {"SAFe POPM", "SAFe SA"}
    assert _one(session, date(2025, 6, 1), "SAFe POPM").credits_earned == 4
    result = certification_renewal.renew(session, "SAFe POPM", date(2025, 12, 1))
    # One renewal, from the group's due date: 2026-01-10 + 12 months, for both.
    assert [(r.name, r.expires_on, r.fee) for r in result.records] == [
        ("SAFe POPM", date(2027, 1, 10), "USD 295"),
        ("SAFe SA", date(2027, 1, 10), ""),
    ]


def test_a_certification_marked_expired_is_not_revived_by_a_new_one(session, log):
    log.cert("CSM", date(2024, 3, 1), status="expired")  # own expiry 2026-03-01
    log.cert("CSPO", date(2024, 6, 1))
    csm = _one(session, date(2026, 3, 2), "CSM")
    assert (csm.status, csm.expires, csm.renewed_by) == ("expired", date(2026, 3, 1), None)
