"""Credits earned toward each credential with its own renewal rule: completed trainings
and networking events dated inside its window, each counted once per credential, with
the per-credential overrides (other credits, or excluded)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Date, Integer, and_, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from ...models import EventCredit, NetworkingEvent, TrainingCredit, TrainingSession


def _credit_window(item, grace_days: int, as_of: date) -> tuple[date, date]:
    """Activities count from the cycle's first day to its expiry (or the end of grace,
    when the body allows catching up then), and never after ``as_of``."""
    end = min(item.expires + timedelta(days=grace_days), as_of)
    return item.cycle_start, end


def sum_credits(session: Session, windows: dict[int, tuple[date, date]]) -> dict[int, list]:
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


def with_credits(session: Session, items, held_by_id, as_of):
    windows = {
        item.credential_id: _credit_window(item, held_by_id[item.credential_id].grace_days, as_of)
        for item in items
        if item.credits_needed is not None and item.credential_id is not None
    }
    totals = sum_credits(session, windows)
    return totals, windows
