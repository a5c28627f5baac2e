"""Readiness toward the target stage at the end of each month, from the month of the
first logged entry up to a date, for the charts.

The stage's requirements, the merged experience stretches and the certifications are read
once, and the log's facts at every month end come from a few grouped queries
(``readiness_series``): ten years of history cost about what one status report does.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from ...models import (
    Certification,
    ExperienceEntry,
    JournalEntry,
    NetworkingEvent,
    SkillRating,
    TrainingSession,
)
from .readiness import Readiness, score, target_stage_id, weights_of
from .readiness_facts import experience_islands, load_requirements
from .readiness_series import facts_at
from .renewal import held_candidates

# The dates a logged entry is about; the history starts at the earliest of them.
_ENTRY_DATES = (
    SkillRating.rated_on,
    TrainingSession.start_date,
    NetworkingEvent.event_date,
    ExperienceEntry.start_date,
    Certification.earned_on,
    JournalEntry.entry_date,
)


@dataclass(frozen=True)
class HistoryPoint:
    on: date
    overall: float
    components: dict[str, float]  # component name -> percent


@dataclass(frozen=True)
class ReadinessHistory:
    stage: str | None  # None when no target stage is set: no points then
    points: tuple[HistoryPoint, ...]
    latest: Readiness | None = None  # the whole score of the last point


def first_entry_date(session: Session) -> date | None:
    """The earliest date any logged entry is about, or None for an empty log."""
    firsts = union_all(*(select(func.min(column).label("day")) for column in _ENTRY_DATES))
    value = session.scalar(select(func.min(firsts.subquery().c.day)))
    if value is None:
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)


def month_ends(start: date, end: date) -> list[date]:
    """The last day of every month from ``start``'s month to ``end``'s; the last point
    is ``end`` itself when it falls inside a month."""
    days = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        last = date(year, month, calendar.monthrange(year, month)[1])
        days.append(min(last, end))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days


def history(session: Session, as_of: date, *, since: date | None = None) -> ReadinessHistory:
    """Readiness toward the profile's target stage at each month end up to ``as_of``,
    starting at the first logged entry (or ``since``, if later)."""
    stage_id = target_stage_id(session)
    if stage_id is None:
        return ReadinessHistory(None, ())
    requirements = load_requirements(session, stage_id)
    start = first_entry_date(session)
    if since is not None and (start is None or since > start):
        start = since
    if start is None or start > as_of:
        return ReadinessHistory(requirements.name, ())
    weights = weights_of(session)
    # Read once, valid for every earlier month too.
    islands = experience_islands(session, as_of)
    candidates = held_candidates(session, as_of)
    points, result = [], None
    for facts in facts_at(session, month_ends(start, as_of), islands, candidates):
        result = score(requirements, facts, weights)
        points.append(
            HistoryPoint(
                facts.as_of, result.overall, {c.name: c.percent for c in result.components}
            )
        )
    return ReadinessHistory(requirements.name, tuple(points), result)
