"""The charts by name, for the Charts page and ``po-tracker export chart --list``.

Chart modules are imported on first use, so listing them does not load matplotlib.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any

from .theme import LIGHT, Theme


@dataclass(frozen=True)
class ChartInfo:
    name: str
    module: str
    description: str
    data_type: str  # the class in ``po_tracker.charts.data`` that the chart draws

    def build(self, data: Any, *, theme: Theme = LIGHT, size=None):
        return import_module(f"{__package__}.{self.module}").build(data, theme=theme, size=size)


CHARTS: dict[str, ChartInfo] = {
    c.name: c
    for c in (
        ChartInfo(
            "radar", "radar", "skill levels now, at the target stage and earlier", "RadarData"
        ),
        ChartInfo("skill-trends", "skill_trends", "each skill's rating over time", "TrendData"),
        ChartInfo(
            "readiness",
            "readiness_history",
            "monthly readiness toward the target stage",
            "ReadinessHistoryData",
        ),
        ChartInfo(
            "activity",
            "activity_calendar",
            "calendar heatmap of logged activity with weekly streaks",
            "ActivityCalendarData",
        ),
        ChartInfo(
            "learning",
            "learning",
            "training and event hours per month; renewal credits per credential",
            "LearningData",
        ),
        ChartInfo(
            "networking", "networking", "events per month by type and people met", "NetworkingData"
        ),
        ChartInfo(
            "career-map",
            "career_map",
            "the stage graph with your route to the target",
            "CareerMapData",
        ),
    )
}


def names() -> tuple[str, ...]:
    return tuple(CHARTS)


def get(name: str) -> ChartInfo:
    try:
        return CHARTS[name]
    except KeyError:
        raise ValueError(f"unknown chart {name!r}; choose from {', '.join(CHARTS)}") from None


def build(name: str, data: Any, *, theme: Theme = LIGHT, size=None):
    return get(name).build(data, theme=theme, size=size)


def listing() -> str:
    """One chart a line, the name first: the output of ``export chart --list``."""
    width = max(len(n) for n in CHARTS)
    return "\n".join(f"{c.name:<{width}}  {c.description}" for c in CHARTS.values())
