"""The chart data each test case builds: empty, small and large, per chart name."""

from __future__ import annotations

from datetime import date, timedelta

import samples

from po_tracker.charts.data import (
    ActivityCalendarData,
    CareerMapData,
    LearningData,
    NetworkingData,
    RadarData,
    ReadinessHistoryData,
    TrendData,
)

EMPTY = {
    "radar": lambda: RadarData(skills=(), current=()),
    "skill-trends": lambda: TrendData(series={}),
    "readiness": lambda: ReadinessHistoryData(months=(), overall=()),
    "activity": lambda: ActivityCalendarData(counts={}, end=samples.AS_OF),
    "learning": lambda: LearningData(months=(), hours={}),
    "networking": lambda: NetworkingData(months=(), events={}, people_met=()),
    "career-map": lambda: CareerMapData(stages=(), moves=()),
}

SMALL = {
    "radar": samples.radar,
    "skill-trends": samples.trends,
    "readiness": samples.readiness,
    "activity": samples.activity,
    "learning": samples.learning,
    "networking": samples.networking,
    "career-map": samples.career_map,
}


def _ten_year_activity() -> ActivityCalendarData:
    counts = {samples.AS_OF - timedelta(days=k): 1 + k % 4 for k in range(3650)}
    return ActivityCalendarData(counts=counts, end=samples.AS_OF, start=date(2015, 3, 20))


LARGE = {
    "radar": samples.radar,
    "skill-trends": lambda: samples.trends(years=10, per_skill=500),
    "readiness": lambda: samples.readiness(120, stacked=True),
    "activity": _ten_year_activity,
    "learning": lambda: samples.learning(120),
    "networking": lambda: samples.networking(120),
    "career-map": lambda: samples.career_map(
        current="junior-product-owner", target="chief-product-officer"
    ),
}
