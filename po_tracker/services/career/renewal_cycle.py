"""The dates of a renewal cycle: expiry from the earned date, the cycle before an
expiry, and the status on a given day. Plain date arithmetic, written out with examples
in ``docs/readiness.md`` ("Renewal of certifications")."""

from __future__ import annotations

from datetime import date, timedelta

from ..dates import add_months

STATUSES = ("lifetime", "active", "due-90", "due-30", "due-7", "grace", "expired")
# Checked from the nearest threshold outwards, so each day has exactly one level.
DUE_LEVELS = ((7, "due-7"), (30, "due-30"), (90, "due-90"))


def classify(expires: date | None, as_of: date, grace_days: int = 0) -> tuple[str, int | None]:
    """Status and days left. The expiry day itself is still valid (days_left 0, due-7);
    grace starts the day after and lasts ``grace_days`` days."""
    if expires is None:
        return "lifetime", None
    days_left = (expires - as_of).days
    if days_left < 0:
        return ("grace" if -days_left <= grace_days else "expired"), days_left
    for limit, level in DUE_LEVELS:
        if days_left <= limit:
            return level, days_left
    return "active", days_left


def cycle_end(start: date, validity_months: int, ends_day_before: bool = False) -> date:
    """The last valid day of a cycle that starts on ``start``: the same day
    ``validity_months`` later, or the day before it for a body whose cycle ends then."""
    end = add_months(start, validity_months)
    return end - timedelta(days=1) if ends_day_before else end


def cycle_start_before(expires: date, validity_months: int, ends_day_before: bool) -> date:
    """The first day of the cycle that ends on ``expires`` (``cycle_end`` inverted)."""
    if ends_day_before:
        return add_months(expires + timedelta(days=1), -validity_months)
    return add_months(expires, -validity_months)


def cycle_of(
    earned_on: date | None,
    expires_on: date | None,
    validity_months: int | None,
    ends_day_before: bool = False,
) -> tuple[date | None, date | None]:
    """(cycle start, expiry) of one logged certification, before any track renewal."""
    expires = expires_on
    if expires is None and validity_months and earned_on:
        expires = cycle_end(earned_on, validity_months, ends_day_before)
    if expires is None:
        return earned_on, None
    start = (
        cycle_start_before(expires, validity_months, ends_day_before)
        if validity_months
        else earned_on
    )
    if earned_on is not None and (start is None or start < earned_on):
        start = earned_on
    return start, expires
