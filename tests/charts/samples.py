"""Chart data for the tests, the baselines and the previews: empty, small (a Product Owner
with three years of log) and large (ten years, to check the charts aggregate before they
draw). Seeded, with fixed dates, so every run builds the same figures."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

from po_tracker.charts.data import (
    ActivityCalendarData,
    CareerMapData,
    CredentialLine,
    CreditCycle,
    LearningData,
    NetworkingData,
    RadarData,
    ReadinessHistoryData,
    ReportData,
    StageNode,
    TrendData,
)

AS_OF = date(2025, 3, 14)
FRAMEWORK = Path(__file__).resolve().parents[2] / "resources" / "framework" / "default.json"
KINDS = ("Course", "Workshop", "Book", "Webinar", "Self-study", "Events")
EVENT_TYPES = ("Meetup", "Conference", "Workshop", "Forum", "Webinar", "Mentoring")
COMPONENTS = ("Skills", "Certifications", "Experience", "Learning", "Networking")
WEIGHTS = {
    "Skills": 35.0,
    "Certifications": 20.0,
    "Experience": 25.0,
    "Learning": 10.0,
    "Networking": 10.0,
}


def framework() -> dict:
    return json.loads(FRAMEWORK.read_text(encoding="utf-8"))


def skill_names() -> tuple[str, ...]:
    return tuple(s["name"] for s in framework()["skills"])


def months_back(count: int, end: date = AS_OF) -> tuple[date, ...]:
    year, month = end.year, end.month
    out = []
    for _ in range(count):
        out.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return tuple(reversed(out))


def radar(*, empty: bool = False) -> RadarData:
    fw = framework()
    target = next(s for s in fw["stages"] if s["slug"] == "senior-product-owner")
    wants = target["requirements"]["skills"]
    skills = fw["skills"]
    rng = random.Random(5)
    now = [
        None if empty else min(5, max(1, wants.get(s["slug"], 3) - rng.choice((-1, 0, 0, 1))))
        for s in skills
    ]
    if not empty:
        now[12] = None  # one skill never rated
    earlier = (
        None if empty else tuple(None if v is None else max(1, v - rng.choice((0, 1))) for v in now)
    )
    return RadarData(
        skills=tuple(s["name"] for s in skills),
        current=tuple(now),
        target=tuple(wants.get(s["slug"]) for s in skills),
        earlier=earlier,
        earlier_date=None if empty else date(2024, 9, 14),
        as_of=AS_OF,
        stage_name=target["name"],
    )


def trends(years: int = 3, per_skill: int = 12, selected=None) -> TrendData:
    rng = random.Random(years * 1000 + per_skill)
    start = AS_OF - timedelta(days=365 * years)
    series = {}
    for name in skill_names():
        level = rng.choice((1, 2, 2, 3))
        days = sorted(rng.sample(range(365 * years), per_skill))
        points = []
        for d in days:
            level = min(5, max(1, level + rng.choice((0, 0, 0, 1, 1, -1))))
            points.append((start + timedelta(days=d), float(level)))
        series[name] = tuple(points)
    return TrendData(
        series=series,
        selected=selected,
        stage_name="Senior Product Owner",
        targets={n: 4 for n in skill_names()[:6]},
    )


def readiness(months: int = 36, *, stacked: bool = False) -> ReadinessHistoryData:
    rng = random.Random(months)
    ms = months_back(months)
    comps = {}
    for i, name in enumerate(COMPONENTS):
        value, values = 20.0 + 8 * i, []
        for _ in ms:
            value = min(100.0, max(0.0, value + rng.uniform(-2, 4.5)))
            values.append(round(value, 1))
        comps[name] = tuple(values)
    overall = tuple(
        round(sum(comps[c][k] * WEIGHTS[c] for c in COMPONENTS) / 100, 1) for k in range(len(ms))
    )
    return ReadinessHistoryData(
        months=ms,
        overall=overall,
        components=comps,
        target_stage="Senior Product Owner",
        weights=WEIGHTS,
        stacked=stacked,
    )


def activity(days: int = 3 * 365, *, start=None) -> ActivityCalendarData:
    rng = random.Random(days)
    counts = {}
    for k in range(days):
        day = AS_OF - timedelta(days=k)
        busy = 0.55 if day.weekday() < 5 else 0.15
        if day.month == 8:
            busy = 0.05  # a summer break breaks the streak
        if rng.random() < busy:
            counts[day] = rng.choice((1, 1, 1, 2, 2, 3, 5))
    return ActivityCalendarData(counts=counts, end=AS_OF, start=start)


def learning(months: int = 36) -> LearningData:
    rng = random.Random(months + 7)
    ms = months_back(months)
    weights = (0.35, 0.2, 0.25, 0.35, 0.3, 0.5)
    hours = {
        k: tuple(
            float(rng.choice((0, 0, 1, 2, 3, 4, 6, 8))) if rng.random() < w else 0.0 for _ in ms
        )
        for k, w in zip(KINDS, weights, strict=True)
    }
    return LearningData(months=ms, hours=hours, credentials=credit_cycles(), as_of=AS_OF)


def credit_cycles() -> tuple[CreditCycle, ...]:
    def climb(start: date, total: float, steps: int) -> tuple[tuple[date, float], ...]:
        span = (AS_OF - start).days
        return tuple(
            (start + timedelta(days=span * (i + 1) // steps), total * (i + 1) / steps)
            for i in range(steps)
        )

    return (
        CreditCycle(
            "CSPO",
            14.0,
            20.0,
            date(2023, 6, 1),
            date(2025, 6, 1),
            "SEU",
            climb(date(2023, 6, 1), 14.0, 7),
        ),
        CreditCycle(
            "SAFe POPM",
            10.0,
            10.0,
            date(2024, 11, 2),
            date(2025, 11, 2),
            "PDU",
            climb(date(2024, 11, 2), 10.0, 3),
        ),
        CreditCycle("PMI-ACP", 6.0, 30.0, date(2023, 1, 20), date(2026, 1, 20), "PDU"),
    )


def networking(months: int = 36) -> NetworkingData:
    rng = random.Random(months + 11)
    ms = months_back(months)
    events = {
        t: tuple(rng.choice((0, 0, 0, 1, 1, 2)) if rng.random() < p else 0 for _ in ms)
        for t, p in zip(EVENT_TYPES, (0.6, 0.15, 0.2, 0.3, 0.4, 0.5), strict=True)
    }
    people = tuple(
        sum(events[t][k] for t in EVENT_TYPES) * rng.choice((0, 1, 2, 3)) for k in range(len(ms))
    )
    return NetworkingData(months=ms, events=events, people_met=people)


def career_map(*, current="product-owner", target="product-director") -> CareerMapData:
    fw = framework()
    stages = tuple(StageNode(s["slug"], s["name"], s["path"]) for s in fw["stages"])
    moves = tuple((m["from"], m["to"]) for m in fw["moves"])
    route = ("product-owner", "senior-product-owner", "product-manager", "product-director")
    return CareerMapData(
        stages=stages,
        moves=moves,
        current=current,
        target=target,
        route=route if (current, target) == (route[0], route[-1]) else (),
    )


def report() -> ReportData:
    comps = {
        "Skills": 68.0,
        "Certifications": 50.0,
        "Experience": 80.0,
        "Learning": 100.0,
        "Networking": 66.7,
    }
    return ReportData(
        as_of=AS_OF,
        radar=radar(),
        overall=72.1,
        components=comps,
        current_stage="Product Owner",
        target_stage="Senior Product Owner",
        credentials=(
            CredentialLine("CSPO", "due-90", date(2025, 6, 1), 14.0, 20.0, "SEU"),
            CredentialLine("SAFe POPM", "active", date(2025, 11, 2), 10.0, 10.0, "PDU"),
            CredentialLine("PSPO I", "lifetime"),
            CredentialLine("CSM", "expired", date(2024, 2, 1), 4.0, 20.0, "SEU"),
        ),
        next_actions=(
            "Raise Stakeholder management from 3 to 4",
            "Earn A-CSPO or PSPO II",
            "Log 6 more SEUs for CSPO before 1 Jun 2025",
            "Raise Emerging technologies (AI, ML, automation) from not rated to 3",
            "Attend 2 more networking events in the next 12 months",
            "Mentor one more person",
        ),
        person="Alex Doe",
    )
