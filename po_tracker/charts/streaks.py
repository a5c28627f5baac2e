"""Streaks of active weeks, for the activity calendar. Pure: no matplotlib, no database.

A week runs Monday to Sunday and is active when at least one day in it has activity.
The week of ``as_of`` is still under way, so it does not break the current streak when it
is empty yet: the streak then counts up to last week. Days after ``as_of`` are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class WeekStreaks:
    current: int  # active weeks in a row up to this week (or last week)
    longest: int  # longest run of active weeks ever, up to as_of
    active_weeks: int


def week_index(day: date) -> int:
    """Consecutive integers for consecutive weeks: Mondays' ordinals are 7 apart."""
    return (day - timedelta(days=day.weekday())).toordinal() // 7


def week_streaks(active_days: Iterable[date], as_of: date) -> WeekStreaks:
    weeks = sorted({week_index(d) for d in active_days if d <= as_of})
    if not weeks:
        return WeekStreaks(0, 0, 0)
    longest = run = 1
    for previous, week in zip(weeks, weeks[1:], strict=False):
        run = run + 1 if week == previous + 1 else 1
        longest = max(longest, run)
    return WeekStreaks(_current(set(weeks), week_index(as_of)), longest, len(weeks))


def _current(weeks: set[int], this_week: int) -> int:
    week = this_week if this_week in weeks else this_week - 1
    count = 0
    while week in weeks:
        count += 1
        week -= 1
    return count
