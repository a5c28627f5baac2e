"""A credential's renewal rule as the user edits it, and its validation."""

from __future__ import annotations

from dataclasses import dataclass

from ..limits import MAX_GRACE_DAYS, MAX_LEAD_DAYS, MAX_VALIDITY_MONTHS
from ..validation import Checker


@dataclass(frozen=True)
class RenewalRule:
    """The default is a lifetime credential: no expiry, no credits."""

    validity_months: int | None = None  # None: never expires
    credits_needed: float | None = None  # per cycle; None: nothing to earn
    credit_unit: str | None = None  # SEU, PDU, ...
    grace_days: int = 0  # days after expiry in which it can still be renewed
    track: str | None = None  # credentials on one track renew those of lower rank
    track_rank: int | None = None
    # Days before the last valid day that the calendar places the renewal; None: the
    # lead time set in Preferences.
    renewal_lead_days: int | None = None


def check_rule(check: Checker, rule: RenewalRule) -> dict:
    """The rule's columns, cleaned; faults are recorded in ``check``."""
    validity = check.number(
        "validity_months", rule.validity_months, minimum=1, maximum=MAX_VALIDITY_MONTHS,
        integer=True,
    )  # fmt: skip
    credits = check.number("credits_needed", rule.credits_needed)
    unit = check.text("credit_unit", rule.credit_unit, limit=40) or None
    grace = check.number("grace_days", rule.grace_days, maximum=MAX_GRACE_DAYS, integer=True)
    track = check.text("track", rule.track, limit=80) or None
    rank = check.number("track_rank", rule.track_rank, minimum=1, maximum=100, integer=True)
    lead = check.number(
        "renewal_lead_days", rule.renewal_lead_days, maximum=MAX_LEAD_DAYS, integer=True
    )
    if credits is not None and rule.validity_months is None:
        check.fail("credits_needed", "needs a validity period: a lifetime credential never renews")
    if credits and unit is None:
        check.fail("credit_unit", "is required with credits (for example SEU or PDU)")
    if (track is None) != (rule.track_rank is None):
        check.fail("track_rank", "goes with a track: give both or neither")
    return dict(
        validity_months=validity,
        credits_needed=credits,
        credit_unit=unit,
        grace_days=grace if grace is not None else 0,
        track=track,
        track_rank=rank,
        renewal_lead_days=lead,
    )
