"""The data of every chart, built from the logbook, by chart name.

``chart_data(session, name, as_of, **options)`` is what the Charts page, the dashboard
and ``po-tracker export chart`` call; the builders live in ``chart_data_skills`` (where
the user stands) and ``chart_data_logs`` (what the logs add up to). No matplotlib here:
the results are the plain dataclasses of ``po_tracker.charts.data``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from ...charts import registry
from ..errors import ValidationError
from .chart_data_logs import activity_data, learning_data, networking_data
from .chart_data_skills import career_map_data, radar_data, readiness_data, report_data, trends_data

__all__ = [
    "OPTIONS",
    "activity_data",
    "career_map_data",
    "chart_data",
    "learning_data",
    "networking_data",
    "radar_data",
    "readiness_data",
    "report_data",
    "trends_data",
]


def _trends(session: Session, as_of: date, skills=None, since=None) -> object:
    return trends_data(session, skills=skills, since=since, until=as_of)


def _activity(session: Session, as_of: date, since=None) -> object:
    return activity_data(session, as_of, start=since)


# Chart name -> builder taking (session, as_of, **options); the chart's name, title and
# options are the registry's (a test checks that every chart there has a builder here).
BUILDERS: dict[str, Callable] = {
    "radar": radar_data,
    "skill-trends": _trends,
    "readiness": readiness_data,
    "activity": _activity,
    "learning": learning_data,
    "networking": networking_data,
    "career-map": career_map_data,
}
OPTIONS = {name: registry.get(name).options for name in BUILDERS}


def chart_data(session: Session, name: str, as_of: date, **options):
    """The input of chart ``name`` as of ``as_of``. Options a chart does not take are
    ignored when None, so a caller may pass one set of options to every chart."""
    if name not in BUILDERS:
        raise ValidationError.single(
            "chart", f"unknown chart {name!r}; choose from {', '.join(BUILDERS)}"
        )
    builder, accepted = BUILDERS[name], OPTIONS[name]
    unknown = sorted(k for k, v in options.items() if k not in accepted and v is not None)
    if unknown:
        raise ValidationError.single(unknown[0], f"the {name} chart has no such option")
    return builder(session, as_of, **{k: v for k, v in options.items() if k in accepted})
