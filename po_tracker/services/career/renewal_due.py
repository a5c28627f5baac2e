"""The renewals ahead, one per renewal: a pooled group once ("Scrum Alliance renewal: 20
of 30 SEUs by 2027-03-01, USD 100"), any other credential with an expiry on its own. The
dashboard, the status report, the calendar export and the progress report all read
``renewals_due``, so each says the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ..wording import count_of
from .renewal import CredentialStatus, evaluate_with_pools, format_fee
from .renewal_cycle import classify


@dataclass(frozen=True)
class RenewalDue:
    name: str  # the group's name, or the credential's
    group: str | None  # the group's name when several credentials renew at once
    credentials: tuple[str, ...]  # what this renewal renews, highest first
    status: str  # as for a credential: active, due-90, ..., grace, expired
    due: date  # the last valid day
    days_left: int
    cycle_start: date | None
    credits_earned: float | None
    credits_needed: float | None
    credit_unit: str | None
    fee: str  # "USD 100", or "" when unknown
    renewable_until: date | None = None  # expired, still renewable until then

    @property
    def line(self) -> str:
        return renewal_line(self)


def _num(value: float) -> str:
    return f"{value:g}"


def renewal_line(item: RenewalDue) -> str:
    """One line: what, credits, by when, fee."""
    head = f"{item.name} renewal"
    credits = ""
    if item.credits_needed:
        needed = count_of(item.credits_needed, item.credit_unit or "credit")
        credits = f"{_num(item.credits_earned or 0)} of {needed} "
    if item.status == "expired" and item.renewable_until:
        when = (
            f"{credits}expired on {item.due}; renew within the suspension year"
            f" (by {item.renewable_until})"
        )
    elif item.status == "grace":
        when = f"{credits}expired on {item.due}, still in its grace period"
    else:
        when = f"{credits}by {item.due}"
    fee = f", {item.fee}" if item.fee else ""
    return f"{head}: {when.strip()}{fee}"


def _from_pool(pooled, as_of: date) -> RenewalDue:
    status, days_left = classify(pooled.due, as_of, pooled.grace_days)
    return RenewalDue(
        name=pooled.group,
        group=pooled.group,
        credentials=pooled.members,
        status=status,
        due=pooled.due,
        days_left=days_left,
        cycle_start=pooled.cycle_start,
        credits_earned=pooled.credits_earned,
        credits_needed=pooled.credits_needed,
        credit_unit=pooled.credit_unit,
        fee=format_fee(pooled.fee_amount, pooled.fee_currency),
    )


def _from_credential(item: CredentialStatus, carried: list[str]) -> RenewalDue:
    return RenewalDue(
        name=item.name,
        group=None,
        credentials=(item.name, *carried),
        status=item.status,
        due=item.expires,
        days_left=item.days_left,
        cycle_start=item.cycle_start,
        credits_earned=item.credits_earned,
        credits_needed=item.credits_needed,
        credit_unit=item.credit_unit,
        fee=item.renewal_fee,
        renewable_until=item.renewable_until,
    )


def _counts(item: CredentialStatus) -> bool:
    """Still to renew: it has an expiry, and is held or still renewable."""
    return item.expires is not None and (item.held or item.renewable_until is not None)


def renewals_due(session: Session, as_of: date) -> list[RenewalDue]:
    """Every renewal ahead as of ``as_of``, soonest first. A credential carried by
    another (a lower rank on its track) is renewed with it and not listed apart."""
    items, _, pooled = evaluate_with_pools(session, as_of)
    return renewals_from(items, pooled, as_of)


def renewals_from(items: list[CredentialStatus], pooled, as_of: date) -> list[RenewalDue]:
    """``renewals_due`` from statuses already computed (see ``evaluate_with_pools``)."""
    in_pool = {name for group in pooled for name in group.members}
    result = [_from_pool(group, as_of) for group in pooled]
    carried: dict[str, list[str]] = {}
    for item in items:
        if item.renewed_by and item.name not in in_pool and _counts(item):
            carried.setdefault(item.renewed_by, []).append(item.name)
    for item in items:
        if item.name in in_pool or item.renewed_by or not _counts(item):
            continue
        result.append(_from_credential(item, carried.get(item.name, [])))
    result.sort(key=lambda r: (r.due, r.name.lower()))
    return result
