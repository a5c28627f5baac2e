"""The charts by name: the one list the command line (``export chart``, ``--list``), the
Charts page, the dashboard, the report and the chart data builders all read. A chart's
name, title, description, data and options are said here and nowhere else.

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
    title: str  # its heading in the window and the report
    description: str
    data_type: str  # the class in ``po_tracker.charts.data`` that the chart draws
    # What the user can choose for it: "since" (the data starts there), "skills",
    # "earlier" (an earlier profile on the radar), "stacked", "credential".
    options: tuple[str, ...] = ()

    def build(self, data: Any, *, theme: Theme = LIGHT, size=None):
        return import_module(f"{__package__}.{self.module}").build(data, theme=theme, size=size)


CHARTS: dict[str, ChartInfo] = {
    c.name: c
    for c in (
        ChartInfo(
            "radar",
            "radar",
            "Skills radar",
            "skill levels now, at the target stage, earlier and as others see them",
            "RadarData",
            ("earlier",),
        ),
        ChartInfo(
            "skill-trends",
            "skill_trends",
            "Skill levels over time",
            "each skill's rating over time",
            "TrendData",
            ("skills", "since"),
        ),
        ChartInfo(
            "readiness",
            "readiness_history",
            "Readiness over time",
            "monthly readiness toward the target stage",
            "ReadinessHistoryData",
            ("since", "stacked"),
        ),
        ChartInfo(
            "activity",
            "activity_calendar",
            "Activity calendar",
            "calendar heatmap of logged activity with weekly streaks",
            "ActivityCalendarData",
            ("since",),
        ),
        ChartInfo(
            "learning",
            "learning",
            "Learning and credits",
            "training and event hours per month; renewal credits per credential",
            "LearningData",
            ("since", "credential"),
        ),
        ChartInfo(
            "networking",
            "networking",
            "Networking",
            "events per month by type and people met",
            "NetworkingData",
            ("since",),
        ),
        ChartInfo(
            "career-map",
            "career_map",
            "Career map",
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


def title(name: str) -> str:
    return get(name).title


def taking(option: str) -> tuple[str, ...]:
    """The charts that offer ``option`` (``taking("since")``: those with a "From" date)."""
    return tuple(c.name for c in CHARTS.values() if option in c.options)


def build(name: str, data: Any, *, theme: Theme = LIGHT, size=None):
    return get(name).build(data, theme=theme, size=size)


def listing() -> str:
    """One chart a line, the name first: the output of ``export chart --list``."""
    width = max(len(n) for n in CHARTS)
    return "\n".join(f"{c.name:<{width}}  {c.description}" for c in CHARTS.values())
