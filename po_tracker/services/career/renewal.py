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

from sqlalchemy import Date, Integer, and_, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from ...models import (
    Certification,
    Credential,
    EventCredit,
    NetworkingEvent,
    TrainingCredit,
    TrainingSession,
)
from ..dates import add_months

STATUSES = ("lifetime", "active", "due-90", "due-30", "due-7", "grace", "expired")
# Checked from the nearest threshold outwards, so each day has exactly one level.
DUE_LEVELS = ((7, "due-7"), (30, "due-30"), (90, "due-90"))
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
    renewed_by: str | None  # the higher credential on the track whose expiry it follows
    credential_id: int | None = None

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


def cycle_of(
    earned_on: date | None, expires_on: date | None, validity_months: int | None
) -> tuple[date | None, date | None]:
    """(cycle start, expiry) of one logged certification, before any track renewal."""
    expires = expires_on
    if expires is None and validity_months and earned_on:
        expires = add_months(earned_on, validity_months)
    if expires is None:
        return earned_on, None
    start = add_months(expires, -validity_months) if validity_months else earned_on
    if earned_on is not None and (start is None or start < earned_on):
        start = earned_on
    return start, expires


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
        )
        .outerjoin(Credential, Certification.credential_id == Credential.id)
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
    ) = row
    catalog = credential_id is not None
    start, expires = cycle_of(earned_on, expires_on, validity)
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
    )


def _renewer(held: _Held, everyone: list[_Held]) -> _Held | None:
    """The higher credential on the same track that carries the latest expiry, if that
    is later than this one's own."""
    if held.track is None or held.track_rank is None or held.expires is None:
        return None
    higher = [
        other
        for other in everyone
        if other.track == held.track
        and other.track_rank is not None
        and other.track_rank > held.track_rank
    ]
    best = max(higher, key=_rank, default=None)
    if best is None or (best.expires or _FOREVER) <= held.expires:
        return None
    return best


def _evaluate(held: _Held, everyone: list[_Held], as_of: date) -> CredentialStatus:
    renewer = _renewer(held, everyone)
    expires, start = held.expires, held.cycle_start
    if renewer is not None:
        expires, start = renewer.expires, renewer.cycle_start
    status, days_left = classify(expires, as_of, held.grace_days)
    if (
        held.row_status == "expired"
        and status != "expired"
        and (expires is None or status == "grace")
    ):
        # The user marked it expired: believe them, except for the days it was still valid.
        status = "expired"
    own_rule = renewer is None and expires is not None and held.credits_needed is not None
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
    )


def _credit_window(item: CredentialStatus, grace_days: int, as_of: date) -> tuple[date, date]:
    """Activities count from the cycle's first day to its expiry (or the end of grace,
    when the body allows catching up then), and never after ``as_of``."""
    end = min(item.expires + timedelta(days=grace_days), as_of)
    return item.cycle_start, end


def _sum_credits(session: Session, windows: dict[int, tuple[date, date]]) -> dict[int, list]:
    """Per credential: [training credits, event credits] inside its window. Two
    aggregate queries, whatever the size of the log."""
    totals = {cid: [0.0, 0.0] for cid in windows}
    if not windows:
        return totals
    cycles = union_all(
        *(
            select(
                literal(cid, Integer).label("cid"),
                literal(start, Date).label("s"),
                literal(end, Date).label("e"),
            )
            for cid, (start, end) in windows.items()
        )
    ).cte("cycles")
    sources = (
        (TrainingSession, TrainingSession.start_date, TrainingCredit, TrainingCredit.training_id),
        (NetworkingEvent, NetworkingEvent.event_date, EventCredit, EventCredit.event_id),
    )
    for index, (activity, day, claim, claim_fk) in enumerate(sources):
        in_cycle = and_(day >= cycles.c.s, day <= cycles.c.e)
        if activity is TrainingSession:
            in_cycle = and_(in_cycle, TrainingSession.status == "completed")
        query = (
            select(cycles.c.cid, func.sum(func.coalesce(claim.credits, activity.hours)))
            .select_from(cycles)
            .join(activity, in_cycle)
            .outerjoin(claim, and_(claim_fk == activity.id, claim.credential_id == cycles.c.cid))
            .where(or_(claim.excluded.is_(None), claim.excluded.is_(False)))
            .group_by(cycles.c.cid)
        )
        for cid, total in session.execute(query):
            totals[cid][index] = float(total or 0)
    return totals


def _with_credits(session: Session, items, held_by_id, as_of):
    windows = {
        item.credential_id: _credit_window(item, held_by_id[item.credential_id].grace_days, as_of)
        for item in items
        if item.credits_needed is not None and item.credential_id is not None
    }
    totals = _sum_credits(session, windows)
    return totals, windows


def evaluate_all(session: Session, as_of: date, *, with_credits: bool = True, candidates=None):
    """(statuses, credit progress) as of ``as_of``; see ``statuses``. ``candidates``:
    ``held_candidates`` for this date or a later one, when the caller has them."""
    held = _held_rows(session, as_of, candidates)
    items = [_evaluate(h, held, as_of) for h in held]
    progress: list[CreditProgress] = []
    if with_credits:
        by_id = {h.credential_id: h for h in held if h.credential_id is not None}
        totals, windows = _with_credits(session, items, by_id, as_of)
        items = [_add_credits(item, totals) for item in items]
        progress = [
            CreditProgress(
                name=item.name,
                slug=item.slug,
                credit_unit=item.credit_unit,
                credits_needed=item.credits_needed,
                from_training=totals[item.credential_id][0],
                from_events=totals[item.credential_id][1],
                cycle_start=windows[item.credential_id][0],
                expires=item.expires,
            )
            for item in items
            if item.credential_id in totals
        ]
    items.sort(key=lambda i: (i.expires or _FOREVER, i.name.lower()))
    progress.sort(key=lambda p: (p.expires, p.name.lower()))
    return items, progress


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
