"""The log's facts at many dates in a row (the readiness history's month ends), from a
few grouped queries instead of ``gather_facts``'s five per date.

Each series is read once, grouped in SQL by the unit its fact needs (ratings: the last of
each skill in each month; trainings and events: per day, for twelve-month windows that
need not start on the first of a month; experience: per start day), and walked in date
order in Python. The answers are exactly ``gather_facts``'s for each date, which
``tests/test_readiness_series.py`` checks date by date.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date
from itertools import accumulate
from math import fsum

from sqlalchemy import ColumnElement, String, func, select, type_coerce
from sqlalchemy.orm import Session

from ...models import (
    ExperienceEntry,
    NetworkingEvent,
    Skill,
    SkillRating,
    TrainingSession,
    event_contacts,
)
from .readiness_facts import DAYS_PER_YEAR, LogFacts, window_12m
from .renewal import holdings_by_day


def facts_at(session: Session, days: Sequence[date], islands, candidates) -> list[LogFacts]:
    """``gather_facts`` for each of ``days`` (ascending; each but the last a month's last
    day), with ``islands`` and ``candidates`` read for the last of them."""
    if not days:
        return []
    last = days[-1]
    levels = _skill_levels(session, days)
    trainings = _DailySums(_per_day(session, TrainingSession, last))
    events = _DailySums(_per_day(session, NetworkingEvent, last))
    experience = _experience(session, days)
    mentees = _mentees(session, days)
    holdings = holdings_by_day(days, candidates)
    covered = _covered_days(islands, days)
    facts = []
    for index, day in enumerate(days):
        held, lapsed = holdings[index]
        sprints, mentored, largest_team, most_products, facilitated = experience[index]
        start, end = window_12m(day)
        facts.append(
            LogFacts(
                as_of=day,
                skill_levels=levels[index],
                held=frozenset(held),
                lapsed=frozenset(lapsed),
                years=covered[index] / DAYS_PER_YEAR,
                sprints=sprints,
                mentored=max(mentored, mentees[index]),
                training_hours=float(trainings.between(start, end)),
                events=int(events.between(start, end)),
                largest_team=largest_team,
                most_products=most_products,
                facilitated=facilitated,
            )
        )
    return facts


def _covered_days(islands: list[tuple[date, date]], days: Sequence[date]) -> list[int]:
    """``covered_days`` for each day: islands are in order and apart (``merge_stretches``),
    so every island that starts on or before a day but the last is whole by then."""
    starts = [start for start, _ in islands]
    whole = [0, *accumulate((end - start).days + 1 for start, end in islands)]
    result = []
    for day in days:
        count = bisect_right(starts, day)
        if count == 0:
            result.append(0)
            continue
        start, end = islands[count - 1]
        result.append(whole[count - 1] + (min(end, day) - start).days + 1)
    return result


def _skill_levels(session: Session, days: Sequence[date]) -> list[dict[int, int]]:
    """Each active skill's latest level on or before each day. SQL keeps the last
    rating of each skill in each month (rating day, then id: the one entered last, as
    ``skill_levels`` orders them); every day but the last ends its month, and ratings
    after the last day are left out, so a month's last rating is the day's."""
    month = func.substr(SkillRating.rated_on, 1, 7)
    # SQLite returns the other columns from the row that holds the max().
    order = func.max(func.printf("%s%012d", SkillRating.rated_on, SkillRating.id))
    rows = session.execute(
        select(month, SkillRating.skill_id, SkillRating.level, order)
        .join(Skill, Skill.id == SkillRating.skill_id)
        .where(Skill.retired.is_(False), SkillRating.rated_on <= days[-1])
        .group_by(month, SkillRating.skill_id)
        .order_by(month)
    ).all()
    levels: dict[int, int] = {}
    result, position = [], 0
    for day in days:
        key = f"{day.year:04d}-{day.month:02d}"
        while position < len(rows) and rows[position][0] <= key:
            _, skill_id, level, _ = rows[position]
            levels[skill_id] = level
            position += 1
        result.append(dict(levels))
    return result


def _per_day(session: Session, model, last: date) -> list[tuple[str, float]]:
    """(ISO day, completed training hours) or (ISO day, events), per day up to ``last``;
    days as stored, ISO text, which sorts as the dates do and needs no parsing."""
    amount: ColumnElement
    if model is TrainingSession:
        column, amount = TrainingSession.start_date, func.sum(TrainingSession.hours)
        where = [TrainingSession.status == "completed"]
    else:
        column, amount, where = NetworkingEvent.event_date, func.count(NetworkingEvent.id), []
    day = type_coerce(column, String)
    rows = session.execute(
        select(day, amount).where(column <= last, *where).group_by(day).order_by(day)
    )
    return [(on, value or 0) for on, value in rows]


class _DailySums:
    """Sums over any span of days, from per-day amounts."""

    def __init__(self, per_day: list[tuple[str, float]]):
        self.days = [day for day, _ in per_day]
        self.amounts = [amount for _, amount in per_day]

    def between(self, start: date, end: date) -> float:
        """The amounts of the days from ``start`` to ``end``, both included (fsum: no
        rounding error builds up over a year of days)."""
        first = bisect_left(self.days, start.isoformat())
        return fsum(self.amounts[first : bisect_right(self.days, end.isoformat())])


def _mentees(session: Session, days: Sequence[date]) -> list[int]:
    """``people_mentored_in_sessions`` for each day: the people first mentored on or
    before it, from each person's first mentoring given (one grouped query)."""
    # The events go first, through their key: joined plainly, SQLite walks every
    # attendance in contact order (for the grouping) and looks up its event, ten times
    # slower on a long log.
    given = select(NetworkingEvent.id).where(
        NetworkingEvent.mentoring == "gave", NetworkingEvent.event_date <= days[-1]
    )
    firsts = sorted(
        first.isoformat() if isinstance(first, date) else str(first)
        for first in session.scalars(
            select(func.min(NetworkingEvent.event_date))
            .join(event_contacts, event_contacts.c.event_id == NetworkingEvent.id)
            .where(event_contacts.c.event_id.in_(given))
            .group_by(event_contacts.c.contact_id)
        )
    )
    return [bisect_right(firsts, day.isoformat()) for day in days]


def _experience(session: Session, days: Sequence[date]) -> list[tuple[int, ...]]:
    """``_experience_counts`` for each day: sprints, people mentored, the largest team,
    the most products, ceremonies facilitated, of the entries started by then."""
    entry = ExperienceEntry
    rows = session.execute(
        select(
            entry.start_date,
            func.coalesce(func.sum(entry.sprints), 0),
            func.coalesce(func.sum(entry.people_mentored), 0),
            func.coalesce(func.max(entry.team_size), 0),
            func.coalesce(func.max(entry.products_owned), 0),
            func.coalesce(func.sum(entry.ceremonies_facilitated), 0),
        )
        .where(entry.start_date <= days[-1])
        .group_by(entry.start_date)
        .order_by(entry.start_date)
    ).all()
    counts = [0, 0, 0, 0, 0]
    result, position = [], 0
    for day in days:
        while position < len(rows) and rows[position][0] <= day:
            _, sprints, mentored, team, products, facilitated = rows[position]
            counts[0] += int(sprints)
            counts[1] += int(mentored)
            counts[2] = max(counts[2], int(team))
            counts[3] = max(counts[3], int(products))
            counts[4] += int(facilitated)
            position += 1
        result.append(tuple(counts))
    return result
