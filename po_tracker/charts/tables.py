"""Every chart's numbers as a table, for screen readers and for copying.

``table_rows(data) -> (headers, rows)``: plain strings and numbers, no matplotlib.
Dates are ISO strings so a copied table sorts and imports cleanly.
"""

from __future__ import annotations

from functools import singledispatch

from .data import (
    ActivityCalendarData,
    CareerMapData,
    LearningData,
    NetworkingData,
    RadarData,
    ReadinessHistoryData,
    ReportData,
    TrendData,
)
from .streaks import week_streaks

Table = tuple[tuple[str, ...], list[tuple]]


@singledispatch
def table_rows(data) -> Table:
    raise TypeError(f"no table for {type(data).__name__}")


@table_rows.register
def _(data: RadarData) -> Table:
    target = data.target or (None,) * len(data.skills)
    earlier = data.earlier or (None,) * len(data.skills)
    others = data.others or (None,) * len(data.skills)
    headers = ("Skill", "Now", "Target", "Earlier", "Gap", "Others")
    rows = []
    series = zip(data.skills, data.current, target, earlier, others, strict=True)
    for name, now, want, before, seen in series:
        gap = None if want is None else max(0.0, want - (now or 0.0))
        rows.append((name, now, want, before, gap, seen))
    return headers, rows


@table_rows.register
def _(data: TrendData) -> Table:
    rows = [
        (name, day.isoformat(), level)
        for name, points in data.shown().items()
        for day, level in points
    ]
    return ("Skill", "Date", "Level"), rows


@table_rows.register
def _(data: ReadinessHistoryData) -> Table:
    names = tuple(data.components)
    rows = [
        (month.isoformat()[:7], data.overall[i], *(data.components[n][i] for n in names))
        for i, month in enumerate(data.months)
    ]
    return ("Month", "Overall %", *(f"{n} %" for n in names)), rows


@table_rows.register
def _(data: ActivityCalendarData) -> Table:
    start, end = data.shown_range()
    streaks = week_streaks((d for d, n in data.counts.items() if n > 0), end)
    rows = [(d.isoformat(), n) for d, n in sorted(data.counts.items()) if start <= d <= end]
    rows.append(("current streak (weeks)", streaks.current))
    rows.append(("longest streak (weeks)", streaks.longest))
    return ("Date", "Entries"), rows


@table_rows.register
def _(data: LearningData) -> Table:
    kinds = tuple(data.hours)
    rows: list[tuple] = [
        (m.isoformat()[:7], *(data.hours[k][i] for k in kinds)) for i, m in enumerate(data.months)
    ]
    headers = ("Month", *(f"{k} (h)" for k in kinds))
    for c in data.credentials:
        rows.append(
            (
                f"{c.name}: {c.credits_earned:g} of {c.credits_needed:g} {c.credit_unit}, "
                f"cycle {c.cycle_start.isoformat()} to {c.expires.isoformat()}",
            )
            + ("",) * len(kinds)
        )
    return headers, rows


@table_rows.register
def _(data: NetworkingData) -> Table:
    types = tuple(data.events)
    rows = [
        (m.isoformat()[:7], *(data.events[t][i] for t in types), data.people_met[i])
        for i, m in enumerate(data.months)
    ]
    return ("Month", *types, "People met"), rows


@table_rows.register
def _(data: CareerMapData) -> Table:
    names = {s.slug: s.name for s in data.stages}
    on_route = set(data.route)
    rows = []
    for stage in data.stages:
        role = (
            "current"
            if stage.slug == data.current
            else "target"
            if stage.slug == data.target
            else "route"
            if stage.slug in on_route
            else ""
        )
        nexts = ", ".join(names[b] for a, b in data.moves if a == stage.slug)
        rows.append((stage.name, stage.path, role, nexts))
    return ("Stage", "Path", "You", "Moves to"), rows


@table_rows.register
def _(data: ReportData) -> Table:
    rows: list[tuple] = [("Overall readiness", data.overall)]
    rows += [(f"{name} readiness", value) for name, value in data.components.items()]
    rows += [
        (f"{c.name} ({c.status})", c.expires.isoformat() if c.expires else "lifetime")
        for c in data.credentials
    ]
    rows += [(f"Next action {i}", text) for i, text in enumerate(data.next_actions, 1)]
    return ("Item", "Value"), rows
