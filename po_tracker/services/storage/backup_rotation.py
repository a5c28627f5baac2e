"""Which backups to keep: every one from the last day, then the newest of each day, week
and month, up to limits the user sets (stored in the logbook's ``settings`` table, since
what happens to their data belongs with their data, not with the window's preferences).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from ...models import Setting
from ..validation import Checker

KEYS = {
    "daily": "backup_keep_daily",
    "weekly": "backup_keep_weekly",
    "monthly": "backup_keep_monthly",
}
MAX_LIMIT = 1000
# Several backups on one day (before two imports, say) all survive for a day, so going
# back to the state before the first one stays possible.
KEEP_ALL_WITHIN = timedelta(days=1)


@dataclass(frozen=True)
class RotationLimits:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True)
class Dated:
    """What the plan needs to know of a backup."""

    path: Path
    taken_at: datetime
    # The order it was taken in (higher is newer), which no wrong clock can change.
    sequence: int = 0


def limits_from(values: dict[str, str]) -> RotationLimits:
    """Limits from stored setting values; a value that is missing or not a whole number in
    range falls back to the default rather than blocking a backup."""
    defaults = RotationLimits()
    chosen = {}
    for name, key in KEYS.items():
        text = values.get(key, "")
        valid = text.isdigit() and int(text) <= MAX_LIMIT
        chosen[name] = int(text) if valid else getattr(defaults, name)
    return RotationLimits(**chosen)


def get_limits(session: Session) -> RotationLimits:
    values = {key: row.value for key in KEYS.values() if (row := session.get(Setting, key))}
    return limits_from(values)


def set_limits(session: Session, limits: RotationLimits) -> RotationLimits:
    check = Checker()
    cleaned = {
        name: check.number(name, getattr(limits, name), maximum=MAX_LIMIT, integer=True)
        for name in KEYS
    }
    check.done()
    for name, key in KEYS.items():
        session.merge(Setting(key=key, value=str(cleaned[name])))
    session.flush()
    return RotationLimits(**cleaned)


def _period(taken_at: datetime, kind: str) -> tuple:
    if kind == "daily":
        return (taken_at.date(),)
    if kind == "weekly":
        return tuple(taken_at.isocalendar()[:2])
    return (taken_at.year, taken_at.month)


def plan(backups: Iterable[Dated], limits: RotationLimits, now: datetime) -> set[Path]:
    """The paths to keep: the newest backup of each of the last N days, weeks and months
    that have one (as borg and restic prune), plus everything from the last day.

    No clock is trusted: the newest ``daily`` backups in the order they were taken are
    always kept, and a backup dated in the future (a clock that was wrong, then set
    right) takes no day, week or month from the real ones."""
    ordered = sorted(backups, key=lambda b: (b.sequence, b.taken_at), reverse=True)
    keep = {b.path for b in ordered[: max(limits.daily, 1)]}
    dated_right = [b for b in ordered if b.taken_at <= now]
    keep |= {b.path for b in dated_right if now - b.taken_at < KEEP_ALL_WITHIN}
    for kind in KEYS:
        wanted = getattr(limits, kind)
        seen: set[tuple] = set()
        for item in dated_right:
            if len(seen) >= wanted:
                break
            period = _period(item.taken_at, kind)
            if period not in seen:
                seen.add(period)
                keep.add(item.path)
    return keep
