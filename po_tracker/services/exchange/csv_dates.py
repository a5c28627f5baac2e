"""Dates in a CSV file that may have been through a spreadsheet: the export writes
``YYYY-MM-DD``, but LibreOffice, Gnumeric or Excel save a date column back as
``2027/01/07``, ``2027-01-07 00:00:00``, or the locale's short date (``07/01/2027`` or
``01/07/2027``, ``07.01.2027``).

Year-first forms are never ambiguous and are always read. With dots or dashes a
year-last date is day-first (``07.01.2027``, ``07-01-2027``: the locales that write those
put the day first). With slashes it may be either (``07/01/2027`` is 7 January in London
and July 1 in New York): such a column is read when its own cells show which it is (one
of them has a day above 12, such as ``13/01/2027``); a column whose every such date
could be read both ways is refused with a message naming the column and the forms
accepted, never guessed, and never read one way in one row and the other in the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

_MIDNIGHT = r"(?:[ T]0?0:00(?::00(?:\.0+)?)?)?"
YEAR_FIRST = re.compile(rf"^(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}}){_MIDNIGHT}$")
YEAR_LAST = re.compile(rf"^(\d{{1,2}})([-/.])(\d{{1,2}})\2(\d{{4}}){_MIDNIGHT}$")
ACCEPTED = (
    "YYYY-MM-DD (also YYYY/MM/DD or YYYY.MM.DD), DD.MM.YYYY, or DD/MM/YYYY or MM/DD/YYYY "
    "when a day above 12 in the column shows which"
)
DAY_FIRST, MONTH_FIRST = "day-first", "month-first"


class DateOrderError(ValueError):
    """A column of dates that could be read day-first or month-first."""


def column_order(cells: Iterable[str]) -> str | None:
    """DAY_FIRST or MONTH_FIRST for a column with day/month/year dates, None if it has
    none; raises DateOrderError when the cells cannot tell or contradict each other."""
    day_first = month_first = ambiguous = seen = False
    for cell in cells:
        found = YEAR_LAST.match(cell.strip())
        if not found:
            continue
        seen = True
        first, second = int(found.group(1)), int(found.group(3))
        if found.group(2) != "/":
            day_first = True
            continue
        day_first |= first > 12
        month_first |= second > 12
        ambiguous |= first != second and first <= 12 and second <= 12
    if day_first and month_first:
        raise DateOrderError("mixes day-first and month-first dates")
    if day_first:
        return DAY_FIRST
    if month_first:
        return MONTH_FIRST
    if ambiguous:
        raise DateOrderError("has dates that read as day-first and as month-first alike")
    return DAY_FIRST if seen else None  # e.g. only 01/01/2027: both readings agree


def parse_date(cell: str, order: str | None) -> date:
    """The cell's date; ValueError names the forms accepted."""
    text = cell.strip()
    try:
        if found := YEAR_FIRST.match(text):
            return date(int(found.group(1)), int(found.group(3)), int(found.group(4)))
        if (found := YEAR_LAST.match(text)) and order is not None:
            first, second = int(found.group(1)), int(found.group(3))
            day_first = order == DAY_FIRST or found.group(2) != "/"
            day, month = (first, second) if day_first else (second, first)
            return date(int(found.group(4)), month, day)
    except ValueError:
        raise ValueError(f"is not a real date ({cell!r})") from None
    raise ValueError(f"must be a date as {ACCEPTED}, not {cell!r}")
