"""Chart data drawn from the logs themselves: activity per day, learning hours and renewal
credits, networking events and people met.

Every number is an aggregate in SQL (GROUP BY day, month or type), so a ten-year log of
100,000 entries sends a few thousand summed rows to Python, never the entries.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, distinct, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from ...charts.data import ActivityCalendarData, CreditCycle, LearningData, NetworkingData
from ...models import (
    Credential,
    EventCredit,
    NetworkingEvent,
    TrainingCredit,
    TrainingSession,
    event_contacts,
)
from ...vocabulary import EVENT_TYPES, TRAINING_FORMATS
from ..career import renewal
from ..career.readiness_timeline import _ENTRY_DATES

EVENTS_KIND = "Events"


def label(word: str) -> str:
    """A vocabulary word as a chart label: "self-study" -> "Self-study"."""
    return word[:1].upper() + word[1:]


def month_start(day: date) -> date:
    return day.replace(day=1)


def months_between(start: date, end: date) -> tuple[date, ...]:
    """First days of every month from ``start``'s to ``end``'s, both included."""
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def _as_date(value) -> date | None:
    # MIN over a union comes back from SQLite as ISO text rather than a date.
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _month_key(column):
    return func.strftime("%Y-%m", column)


def _first_month(session: Session, columns, since: date | None, as_of: date) -> date | None:
    """The month the chart starts: ``since``, else the earliest of ``columns``."""
    if since is not None:
        return month_start(since) if since <= as_of else None
    firsts = union_all(*(select(func.min(c).label("day")) for c in columns)).subquery()
    first = _as_date(session.scalar(select(func.min(firsts.c.day))))
    return month_start(first) if first is not None and first <= as_of else None


# -- activity -----------------------------------------------------------------------------
def activity_data(session: Session, end: date, start: date | None = None) -> ActivityCalendarData:
    """Entries per day across every log up to ``end``. Days before ``start`` are counted
    too, so that the longest streak covers the whole history, not the shown year."""
    days = union_all(*(select(column.label("day")) for column in _ENTRY_DATES)).subquery()
    rows = session.execute(
        select(days.c.day, func.count())
        .where(days.c.day.is_not(None), days.c.day <= end)
        .group_by(days.c.day)
    )
    counts = {_as_date(day): int(n) for day, n in rows}
    return ActivityCalendarData(counts=dict(sorted(counts.items())), end=end, start=start)


# -- learning -----------------------------------------------------------------------------
def _monthly(session: Session, query, months: tuple[date, ...]) -> dict[str, list[float]]:
    """Rows of (kind, "YYYY-MM", value) into kind -> a value per month."""
    index = {m.isoformat()[:7]: i for i, m in enumerate(months)}
    table: dict[str, list[float]] = {}
    for kind, key, value in session.execute(query):
        if key in index:
            table.setdefault(kind, [0.0] * len(months))[index[key]] += float(value or 0)
    return table


def learning_hours(
    session: Session, months: tuple[date, ...], as_of: date
) -> dict[str, tuple[float, ...]]:
    """Hours of completed trainings per month by format, then event hours; kinds without
    a single hour in the range are left out so the legend lists only what was done."""
    start = months[0]
    month = _month_key(TrainingSession.start_date)
    training = (
        select(TrainingSession.format, month, func.sum(TrainingSession.hours))
        .where(
            TrainingSession.status == "completed",
            TrainingSession.start_date.between(start, as_of),
        )
        .group_by(TrainingSession.format, month)
    )
    table = _monthly(session, training, months)
    event_month = _month_key(NetworkingEvent.event_date)
    events = (
        select(literal(EVENTS_KIND), event_month, func.sum(NetworkingEvent.hours))
        .where(NetworkingEvent.event_date.between(start, as_of))
        .group_by(event_month)
    )
    table.update(_monthly(session, events, months))
    order = [*TRAINING_FORMATS, EVENTS_KIND]
    return {label(kind): tuple(table[kind]) for kind in order if kind in table and any(table[kind])}


def _credit_days(session: Session, credential_id: int, start: date, end: date) -> dict[date, float]:
    """Credits toward one credential per day of its window, by the rules of
    ``renewal_credits.sum_credits``: completed trainings and events, a claim's own credits
    where set, and nothing from an activity the user excluded."""
    sources = (
        (TrainingSession, TrainingSession.start_date, TrainingCredit, TrainingCredit.training_id),
        (NetworkingEvent, NetworkingEvent.event_date, EventCredit, EventCredit.event_id),
    )
    per_day: dict[date, float] = {}
    for activity, day, claim, claim_fk in sources:
        conditions = [day.between(start, end)]
        if activity is TrainingSession:
            conditions.append(TrainingSession.status == "completed")
        query = (
            select(day, func.sum(func.coalesce(claim.credits, activity.hours)))
            .select_from(activity)
            .outerjoin(claim, and_(claim_fk == activity.id, claim.credential_id == credential_id))
            .where(*conditions, or_(claim.excluded.is_(None), claim.excluded.is_(False)))
            .group_by(day)
        )
        for on, credits in session.execute(query):
            per_day[_as_date(on)] = per_day.get(_as_date(on), 0.0) + float(credits or 0)
    return per_day


def _cumulative(per_day: dict[date, float]) -> tuple[tuple[date, float], ...]:
    total, points = 0.0, []
    for day in sorted(per_day):
        if per_day[day]:
            total += per_day[day]
            points.append((day, round(total, 2)))
    return tuple(points)


def credit_cycles(
    session: Session, as_of: date, credential: str | None = None
) -> tuple[CreditCycle, ...]:
    """The current cycle of every held credential with its own renewal rule (an expired
    one can no longer be renewed, so it is left out); ``credential`` narrows to one, by
    name or slug."""
    items, progress = renewal.evaluate_all(session, as_of)
    held = {item.credential_id for item in items if item.held}
    grace = dict(session.execute(select(Credential.id, Credential.grace_days)).all())
    ids = {item.slug: item.credential_id for item in items}
    cycles = []
    for p in progress:
        cid = ids[p.slug]
        if cid not in held or (credential and credential.lower() not in (p.name.lower(), p.slug)):
            continue
        end = min(p.expires + timedelta(days=grace.get(cid, 0)), as_of)
        cycles.append(
            CreditCycle(
                name=p.name,
                credits_earned=round(p.credits_earned, 2),
                credits_needed=p.credits_needed,
                cycle_start=p.cycle_start,
                expires=p.expires,
                credit_unit=p.credit_unit or "credits",
                cumulative=_cumulative(_credit_days(session, cid, p.cycle_start, end)),
            )
        )
    return tuple(cycles)


def renewable_credentials(session: Session, as_of: date) -> list[str]:
    """Names of the held credentials with a renewal rule: the learning chart's choices."""
    items, progress = renewal.evaluate_all(session, as_of)
    held = {item.slug for item in items if item.held}
    return [p.name for p in progress if p.slug in held]


def learning_data(
    session: Session, as_of: date, since: date | None = None, credential: str | None = None
) -> LearningData:
    """Hours per month from ``since`` (default: the first training or event) to
    ``as_of``, and the credit cycles of the credentials (``credential``: just that one)."""
    first = _first_month(
        session, (TrainingSession.start_date, NetworkingEvent.event_date), since, as_of
    )
    months = months_between(first, as_of) if first else ()
    hours = learning_hours(session, months, as_of) if months else {}
    return LearningData(
        months=months if hours else (),
        hours=hours,
        credentials=credit_cycles(session, as_of, credential),
        as_of=as_of,
    )


# -- networking ---------------------------------------------------------------------------
def networking_data(session: Session, as_of: date, since: date | None = None) -> NetworkingData:
    """Events per month by type, and the people met each month (each person once a
    month, however many events they were at)."""
    first = _first_month(session, (NetworkingEvent.event_date,), since, as_of)
    if first is None:
        return NetworkingData(months=(), events={}, people_met=())
    months = months_between(first, as_of)
    month = _month_key(NetworkingEvent.event_date)
    in_range = NetworkingEvent.event_date.between(first, as_of)
    counts = _monthly(
        session,
        select(NetworkingEvent.event_type, month, func.count())
        .where(in_range)
        .group_by(NetworkingEvent.event_type, month),
        months,
    )
    people = _monthly(
        session,
        select(literal("people"), month, func.count(distinct(event_contacts.c.contact_id)))
        .join(event_contacts, event_contacts.c.event_id == NetworkingEvent.id)
        .where(in_range)
        .group_by(month),
        months,
    )
    events = {
        label(kind): tuple(int(v) for v in counts[kind]) for kind in EVENT_TYPES if kind in counts
    }
    met = tuple(int(v) for v in people.get("people", [0] * len(months)))
    return NetworkingData(months=months, events=events, people_met=met)
