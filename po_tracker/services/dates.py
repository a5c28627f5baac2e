"""Calendar arithmetic the services share."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

# How far back others' levels count toward their view of a skill (the Skills page, the
# radar): a year, up to and including the day shown.
OTHERS_WINDOW = timedelta(days=365)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (Jan 31 + 1 = Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))
