"""Renewal of the credentials the user holds: cycle, expiry, credits earned in the cycle
against those needed, and a status as of any date. The rules are written out, with an
example, in ``docs/readiness.md`` ("Renewal"); this module follows them to the letter.

The cycle rule, in short: the app never assumes a renewal the user did not log. The
expiry is the date the user typed, else the earned date plus the catalog's validity; the
cycle is the ``validity_months`` before that expiry (never starting before the earned
date). Renewing is logged by typing the new expiry date, or by logging the credential
again, earned on the renewal date; the row with the latest expiry is the one that counts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ...models import (
    Certification,
    Credential,
    RenewalGroup,
)
from .renewal_carry import carried_expiries
from .renewal_credits import with_credits as _with_credits
from .renewal_cycle import DUE_LEVELS, STATUSES, classify, cycle_end, cycle_of

__all__ = ["DUE_LEVELS", "STATUSES", "classify", "cycle_end", "cycle_of"]

_FOREVER = date.max


@dataclass(frozen=True)
class CredentialStatus:
    name: str
    slug: str | None  # None for a custom certification the catalog lacks
    status: str
    earned: date | None
    expires: date | None
    cycle_start: date | None
    credits_earned: float | None
    credits_needed: float | None
    credit_unit: str | None
    days_left: int | None  # negative once expired; None for a lifetime credential
    renewed_by: str | None  # the credential whose later expiry it follows (track or group)
    credential_id: int | None = None
    certification_id: int | None = None  # the logged row that counts
    renewal_group: str | None = None  # the name of the group it renews with
    fee_amount: float | None = None  # the user's fee, else the catalog's (pooled: the group's)
    fee_currency: str | None = None
    # Expired, but the body still lets it be renewed until this day (PMI's suspension).
    renewable_until: date | None = None

    @property
    def renewal_fee(self) -> str:
        """ "USD 100", or "" when the fee is unknown."""
        return format_fee(self.fee_amount, self.fee_currency)

    @property
    def held(self) -> bool:
        """Still counts as held: a credential in its grace period can still be renewed."""
        return self.status != "expired"


@dataclass(frozen=True)
class CreditProgress:
    """Credits earned in the current cycle of one credential, split by source."""

    name: str
    slug: str
    credit_unit: str | None
    credits_needed: float
    from_training: float
    from_events: float
    cycle_start: date
    expires: date

    @property
    def credits_earned(self) -> float:
        return self.from_training + self.from_events

    @property
    def percent(self) -> float:
        if self.credits_needed <= 0:
            return 100.0
        return min(self.credits_earned / self.credits_needed, 1.0) * 100


def format_fee(amount: float | None, currency: str | None) -> str:
    if amount is None:
        return ""
    return f"{currency or ''} {amount:g}".strip()


class _Held(NamedTuple):
    """One held credential before the track rule and the credits are applied. A named
    tuple: a long log makes thousands, and a frozen dataclass costs twice as much each."""

    key: tuple
    credential_id: int | None
    name: str
    slug: str | None
    row_status: str
    earned: date | None
    expires: date | None
    cycle_start: date | None
    validity_months: int | None
    credits_needed: float | None
    credit_unit: str | None
    grace_days: int
    track: str | None
    track_rank: int | None
    certification_id: int | None
    group: str | None  # the renewal group's name, when the catalog puts it in one
    group_renews: str | None  # "group" or "track"
    group_pooled: bool
    addon_credits: float | None
    renewable_days: int
    ends_day_before: bool
    fee_amount: float | None
    fee_currency: str | None


def held_candidates(session: Session, as_of: date) -> list[_Held]:
    """Every earned (or since expired) certification earned on or before ``as_of``.
    Plain columns, not ORM objects: on a long log this query is most of a status report.
    A caller asking about many earlier dates (the monthly history) reads them once."""
    rows = session.execute(
        select(
            Certification.earned_on,
            Certification.expires_on,
            Certification.custom_name,
            Certification.status,
            Credential.id,
            Credential.name,
            Credential.slug,
            Credential.validity_months,
            Credential.credits_needed,
            Credential.credit_unit,
            Credential.grace_days,
            Credential.track,
            Credential.track_rank,
            Certification.id,
            RenewalGroup.name,
            RenewalGroup.renews,
            RenewalGroup.pooled,
            Credential.addon_credits,
            Credential.renewable_days,
            Credential.ends_day_before,
            func.coalesce(Certification.renewal_fee_amount, Credential.fee_amount),
            func.coalesce(Certification.renewal_fee_currency, Credential.fee_currency),
        )
        .outerjoin(Credential, Certification.credential_id == Credential.id)
        .outerjoin(
            RenewalGroup,
            and_(RenewalGroup.slug == Credential.renewal_group, RenewalGroup.retired.is_(False)),
        )
        .where(
            Certification.status.in_(("earned", "expired")),
            or_(Certification.earned_on.is_(None), Certification.earned_on <= as_of),
        )
    ).all()
    return [_to_held(row) for row in rows]


def _held_rows(session: Session, as_of: date, candidates: list[_Held] | None = None):
    """The best row per credential among those earned on or before ``as_of``."""
    if candidates is None:
        candidates = held_candidates(session, as_of)
    best: dict[tuple, _Held] = {}
    for held in candidates:
        if held.earned is not None and held.earned > as_of:
            continue
        current = best.get(held.key)
        if current is None or _rank(held) > _rank(current):
            best[held.key] = held
    return list(best.values())


def _rank(held: _Held) -> tuple:
    return (held.expires or _FOREVER, held.earned or date.min)


def _to_held(row) -> _Held:
    (
        earned_on,
        expires_on,
        custom_name,
        row_status,
        credential_id,
        credential_name,
        slug,
        validity,
        credits_needed,
        credit_unit,
        grace_days,
        track,
        track_rank,
        certification_id,
        group,
        group_renews,
        group_pooled,
        addon_credits,
        renewable_days,
        ends_day_before,
        fee_amount,
        fee_currency,
    ) = row
    catalog = credential_id is not None
    start, expires = cycle_of(earned_on, expires_on, validity, bool(ends_day_before))
    name = custom_name or (credential_name if catalog else "")
    return _Held(
        key=("catalog", credential_id) if catalog else ("custom", name.strip().lower()),
        credential_id=credential_id,
        name=name,
        slug=slug,
        row_status=row_status,
        earned=earned_on,
        expires=expires,
        cycle_start=start,
        validity_months=validity,
        credits_needed=credits_needed,
        credit_unit=credit_unit,
        grace_days=grace_days if catalog else 0,
        track=track,
        track_rank=track_rank,
        certification_id=certification_id,
        group=group,
        group_renews=group_renews,
        group_pooled=bool(group_pooled),
        addon_credits=addon_credits,
        renewable_days=renewable_days or 0,
        ends_day_before=bool(ends_day_before),
        fee_amount=fee_amount if catalog else None,
        fee_currency=fee_currency if catalog else None,
    )


def _status(held: _Held, expires: date | None, as_of: date) -> tuple[str, int | None]:
    status, days_left = classify(expires, as_of, held.grace_days)
    if (
        held.row_status == "expired"
        and status != "expired"
        and (expires is None or status == "grace")
    ):
        # The user marked it expired: believe them, except for the days it was still valid.
        status = "expired"
    return status, days_left


def _evaluate(held: _Held, carried: dict, as_of: date) -> CredentialStatus:
    expires, start, renewer = carried[held.key]
    status, days_left = _status(held, expires, as_of)
    own_rule = renewer is None and expires is not None and held.credits_needed is not None
    renewable_until = None
    if status == "expired" and held.renewable_days and expires is not None:
        last = expires + timedelta(days=held.grace_days + held.renewable_days)
        renewable_until = last if as_of <= last else None
    return CredentialStatus(
        name=held.name,
        slug=held.slug,
        status=status,
        earned=held.earned,
        expires=expires,
        cycle_start=start,
        credits_earned=None,
        credits_needed=held.credits_needed if own_rule else None,
        credit_unit=held.credit_unit if own_rule else None,
        days_left=days_left,
        renewed_by=renewer.name if renewer else None,
        credential_id=held.credential_id,
        certification_id=held.certification_id,
        renewal_group=held.group,
        fee_amount=held.fee_amount,
        fee_currency=held.fee_currency,
        renewable_until=renewable_until,
    )


def evaluate_all(session: Session, as_of: date, *, with_credits: bool = True, candidates=None):
    """(statuses, credit progress) as of ``as_of``; see ``statuses``. ``candidates``:
    ``held_candidates`` for this date or a later one, when the caller has them."""
    items, progress, _ = evaluate_with_pools(
        session, as_of, with_credits=with_credits, candidates=candidates
    )
    return items, progress


def evaluate_with_pools(
    session: Session, as_of: date, *, with_credits: bool = True, candidates=None
):
    """(statuses, credit progress, pooled group renewals). Progress stays per
    credential (its own rule, for the charts); a pooled credential's status carries its
    group's totals."""
    from .renewal_pool import pool

    held = _held_rows(session, as_of, candidates)
    carried = carried_expiries(held)
    items = [_evaluate(h, carried, as_of) for h in held]
    progress: list[CreditProgress] = []
    pooled = []
    if with_credits:
        by_id = {h.credential_id: h for h in held if h.credential_id is not None}
        totals, windows = _with_credits(session, items, by_id, as_of)
        items = [_add_credits(item, totals) for item in items]
        progress = [
            _progress(item, totals, windows) for item in items if item.credential_id in totals
        ]
        items, pooled = pool(session, items, held, as_of)
    items.sort(key=lambda i: (i.expires or _FOREVER, i.name.lower()))
    progress.sort(key=lambda p: (p.expires, p.name.lower()))
    return items, progress, pooled


def _progress(item: CredentialStatus, totals: dict, windows: dict) -> CreditProgress:
    return CreditProgress(
        name=item.name,
        slug=item.slug,
        credit_unit=item.credit_unit,
        credits_needed=item.credits_needed,
        from_training=totals[item.credential_id][0],
        from_events=totals[item.credential_id][1],
        cycle_start=windows[item.credential_id][0],
        expires=item.expires,
    )


def _add_credits(item: CredentialStatus, totals: dict[int, list]) -> CredentialStatus:
    if item.credential_id not in totals:
        return item
    return replace(item, credits_earned=sum(totals[item.credential_id]))


def statuses(session: Session, as_of: date, *, with_credits: bool = True) -> list[CredentialStatus]:
    """Every credential held (earned on or before ``as_of``), soonest expiry first,
    lifetime ones last."""
    return evaluate_all(session, as_of, with_credits=with_credits)[0]


def credit_progress(session: Session, as_of: date) -> list[CreditProgress]:
    """Credits by credential for the charts: only credentials with their own renewal rule."""
    return evaluate_all(session, as_of)[1]


def holdings_by_day(days, candidates: list[_Held]) -> list[tuple[set[int], set[int]]]:
    """``holdings`` for each of ``days`` (ascending), from ``candidates`` read for the
    last: the best row per credential grows as the days pass, and the carried expiries
    are worked out again only when it changed (a few times in a long log, not monthly)."""
    ordered = sorted(candidates, key=lambda held: held.earned or date.min)
    best: dict[tuple, _Held] = {}
    carried: dict = {}
    result, position = [], 0
    for day in days:
        changed = not carried
        while position < len(ordered) and (ordered[position].earned or date.min) <= day:
            held = ordered[position]
            position += 1
            current = best.get(held.key)
            if current is None or _rank(held) > _rank(current):
                best[held.key], changed = held, True
        if changed:
            carried = carried_expiries(list(best.values()))
        held_ids: set[int] = set()
        lapsed_ids: set[int] = set()
        for held in best.values():
            if held.credential_id is not None:
                status, _ = _status(held, carried[held.key][0], day)
                (held_ids if status != "expired" else lapsed_ids).add(held.credential_id)
        result.append((held_ids, lapsed_ids))
    return result


def holdings(
    session: Session, as_of: date, candidates=None, credentials=None
) -> tuple[set[int], set[int]]:
    """(held, lapsed) catalog credential ids on ``as_of``, for readiness: lapsed ones were
    earned once and are no longer held, so the advice is to renew rather than earn.
    ``credentials``: ``statuses`` for ``as_of``, when the caller has them (credits do not
    change a status, so statuses with or without them give the same answer)."""
    if credentials is None:
        credentials = evaluate_all(session, as_of, with_credits=False, candidates=candidates)[0]
    held, lapsed = set(), set()
    for item in credentials:
        if item.credential_id is not None:
            (held if item.held else lapsed).add(item.credential_id)
    return held, lapsed
