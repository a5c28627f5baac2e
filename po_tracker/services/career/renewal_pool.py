"""Renewal groups: every certification of a group held renews together, for one fee.
In a pooled group (Scrum Alliance) they also share one credit total earned from one
pool; in another (SAFe) each keeps its own credits, and the group needs the most any
member needs, with the least any member has earned (the strict reading).

The rule table is data in the catalog: the group total is the credits of the highest
credential held (by track rank) plus, for every other track, the ``addon_credits`` of
the highest credential held on that track. CSM + CSPO = 20 + 10 = 30 SEUs; CSP-SM +
CSP-PO + CSD = 40 + 20 + 10. The fee is that of the highest credential. The pool counts
each training or event once for the whole group, never once per certification.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from ...models import EventCredit, NetworkingEvent, TrainingCredit, TrainingSession


@dataclass(frozen=True)
class PooledRenewal:
    group: str  # the group's name
    members: tuple[str, ...]  # the held credentials it renews, highest first
    due: date  # the earliest expiry among them: the strict reading
    cycle_start: date
    credits_needed: float
    credits_earned: float
    credit_unit: str | None
    fee_amount: float | None
    fee_currency: str | None
    grace_days: int
    pooled: bool = True


def _primary_order(member) -> tuple:
    held = member[1]
    return (held.track_rank or 0, held.credits_needed or 0, held.fee_amount or 0)


def _total_needed(members) -> tuple[float, object]:
    """(credits needed, the primary member's held row) for one group's held members."""
    ordered = sorted(members, key=_primary_order, reverse=True)
    primary = ordered[0][1]
    tracks = {}
    for _, held in ordered:
        tracks.setdefault(held.track or held.slug, held)
    needed = primary.credits_needed or 0
    for track, highest in tracks.items():
        if track != (primary.track or primary.slug):
            needed += highest.addon_credits or 0
    return needed, primary


def _pool_window(members, grace_days: int, as_of: date) -> tuple[date, date, date]:
    due = min(item.expires for item, _ in members)
    # The latest start among those due first: the narrowest window, so never more credits
    # than the body counts.
    start = max(item.cycle_start for item, _ in members if item.expires == due)
    return start, min(due + timedelta(days=grace_days), as_of), due


def _activity_credits(session: Session, ids: set[int], start: date, end: date) -> float:
    """Each activity once: what it gives toward the group is the most it gives toward
    any member (its hours unless a member's claim overrides or excludes it)."""
    total = 0.0
    sources = (
        (TrainingSession, TrainingSession.start_date, TrainingCredit, TrainingCredit.training_id),
        (NetworkingEvent, NetworkingEvent.event_date, EventCredit, EventCredit.event_id),
    )
    for activity, day, claim, claim_fk in sources:
        where = and_(day >= start, day <= end)
        if activity is TrainingSession:
            where = and_(where, TrainingSession.status == "completed")
        rows = session.execute(
            select(activity.id, activity.hours, claim.credential_id, claim.credits, claim.excluded)
            .outerjoin(claim, and_(claim_fk == activity.id, claim.credential_id.in_(ids)))
            .where(where)
        )
        claims: dict[int, dict] = defaultdict(dict)
        hours: dict[int, float] = {}
        for activity_id, activity_hours, credential_id, credits, excluded in rows:
            hours[activity_id] = activity_hours or 0.0
            if credential_id is not None:
                claims[activity_id][credential_id] = 0.0 if excluded else credits
        for activity_id, activity_hours in hours.items():
            given = claims[activity_id]
            # A claim without credits (None) keeps the hours; an exclusion gives 0.
            values = [given.get(cid, activity_hours) for cid in ids]
            total += max(activity_hours if value is None else value for value in values)
    return total


def _strictest(members) -> tuple[float | None, float | None]:
    """A group that does not pool: the most credits any member needs, and the least any
    member with a need has earned."""
    needing = [item for item, _ in members if item.credits_needed]
    if not needing:
        return None, None
    return (
        max(item.credits_needed for item in needing),
        min(item.credits_earned or 0 for item in needing),
    )


def pool(session: Session, items: list, held_rows: list, as_of: date):
    """(items with their group's totals, the pooled renewals). ``items`` are
    ``CredentialStatus`` values and ``held_rows`` the rows they came from, by key."""
    by_cert = {held.certification_id: held for held in held_rows}
    groups: dict[str, list] = defaultdict(list)
    for item in items:
        held = by_cert.get(item.certification_id)
        if held is not None and held.group and item.held and item.expires is not None:
            groups[held.group].append((item, held))
    renewals, updated = [], {}
    for name, members in groups.items():
        needed, primary = _total_needed(members)
        grace = max(held.grace_days for _, held in members)
        start, end, due = _pool_window(members, grace, as_of)
        pooled = primary.group_pooled
        if pooled:
            ids = {held.credential_id for _, held in members}
            earned = _activity_credits(session, ids, start, end) if start <= end else 0.0
        else:
            needed, earned = _strictest(members)
        ordered = sorted(members, key=_primary_order, reverse=True)
        renewal = PooledRenewal(
            group=name,
            members=tuple(item.name for item, _ in ordered),
            due=due,
            cycle_start=start,
            credits_needed=needed,
            credits_earned=earned,
            credit_unit=primary.credit_unit,
            fee_amount=primary.fee_amount,
            fee_currency=primary.fee_currency,
            grace_days=grace,
            pooled=pooled,
        )
        renewals.append(renewal)
        if not pooled:
            continue  # each keeps its own credits; only the fee is shared
        for item, _ in members:
            updated[item.certification_id] = replace(
                item,
                credits_needed=needed,
                credits_earned=earned,
                credit_unit=primary.credit_unit,
                fee_amount=primary.fee_amount,
                fee_currency=primary.fee_currency,
            )
    items = [updated.get(item.certification_id, item) for item in items]
    renewals.sort(key=lambda r: (r.due, r.group.lower()))
    return items, renewals
