"""What each chart draws, as plain frozen data.

The services build these from the database; the charts need nothing else. No matplotlib
here, so the services and the command line can build chart data without loading it.
Sequences are tuples in a fixed order (the order the chart shows them); mappings keep
their insertion order, which is also the drawing and legend order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

Level = float | None  # a skill level 1-5, or None where the user has not rated it yet


def _check_lengths(owner: str, expected: int, **columns: tuple | None) -> None:
    for name, values in columns.items():
        if values is not None and len(values) != expected:
            raise ValueError(f"{owner}.{name} has {len(values)} values, expected {expected}")


def _check_monthly(owner: str, months: tuple[date, ...], table: Mapping[str, tuple]) -> None:
    for key, values in table.items():
        if len(values) != len(months):
            raise ValueError(f"{owner}: {key!r} has {len(values)} values for {len(months)} months")


@dataclass(frozen=True)
class RadarData:
    """Current skill levels against the target stage, optionally against an earlier date
    and against how others rate them.

    ``target`` holds None for a skill the target stage does not ask for; the whole field
    is None when no target stage is chosen. Unrated skills (None) are drawn at 0.
    """

    skills: tuple[str, ...]
    current: tuple[Level, ...]
    target: tuple[int | None, ...] | None = None
    earlier: tuple[Level, ...] | None = None
    earlier_date: date | None = None
    as_of: date | None = None
    stage_name: str | None = None
    # How others rate each skill (the mean of the levels given in feedback and in peer
    # and manager ratings of the last 12 months); None where nobody gave one.
    others: tuple[float | None, ...] | None = None

    def __post_init__(self) -> None:
        _check_lengths(
            "RadarData",
            len(self.skills),
            current=self.current,
            target=self.target,
            earlier=self.earlier,
            others=self.others,
        )

    @property
    def is_empty(self) -> bool:
        return all(level is None for level in self.current)


@dataclass(frozen=True)
class TrendData:
    """Each skill's ratings over time: skill name -> ((date, level), ...) in date order.

    ``selected`` narrows the chart to some skills (None: every skill with a rating);
    ``targets`` optionally draws the target stage's level of each skill as a dashed line.
    """

    series: Mapping[str, tuple[tuple[date, float], ...]]
    selected: tuple[str, ...] | None = None
    targets: Mapping[str, int] = field(default_factory=dict)
    stage_name: str | None = None

    def shown(self) -> dict[str, tuple[tuple[date, float], ...]]:
        names = self.selected if self.selected is not None else tuple(self.series)
        return {n: self.series[n] for n in names if self.series.get(n)}


@dataclass(frozen=True)
class ReadinessHistoryData:
    """Monthly readiness toward the target stage, in percent (0-100).

    ``months`` are the first days of the months. With ``stacked`` and ``weights`` (percent
    of the overall score per component) the chart stacks each component's weighted share,
    which adds up to the overall line; otherwise every component is its own line.
    """

    months: tuple[date, ...]
    overall: tuple[float, ...]
    components: Mapping[str, tuple[float, ...]] = field(default_factory=dict)
    target_stage: str | None = None
    weights: Mapping[str, float] | None = None
    stacked: bool = False

    def __post_init__(self) -> None:
        _check_lengths("ReadinessHistoryData", len(self.months), overall=self.overall)
        _check_monthly("ReadinessHistoryData", self.months, self.components)


@dataclass(frozen=True)
class ActivityCalendarData:
    """Logged activity per day: date -> number of entries (training, events, journal...).

    The calendar shows ``start`` to ``end`` (default: the 52 weeks up to ``end``); the
    streaks count every active week in ``counts`` up to ``end``.
    """

    counts: Mapping[date, int]
    end: date
    start: date | None = None

    def shown_range(self) -> tuple[date, date]:
        """The days on the calendar: from ``start``, else the Monday 52 weeks back."""
        start = self.start or (self.end - timedelta(weeks=52, days=self.end.weekday()))
        return start, self.end


@dataclass(frozen=True)
class CreditCycle:
    """One credential with a renewal rule: credits earned in the current cycle.

    ``cumulative`` optionally gives the running total as ((date, credits), ...) in date
    order, for the line that climbs toward ``credits_needed``.
    """

    name: str
    credits_earned: float
    credits_needed: float
    cycle_start: date
    expires: date
    credit_unit: str = "credits"
    cumulative: tuple[tuple[date, float], ...] = ()


@dataclass(frozen=True)
class LearningData:
    """Training and event hours per month by kind, and credit cycles of credentials.

    ``hours`` maps a kind label ("Course", "Workshop", ..., "Events") to hours per month.
    """

    months: tuple[date, ...]
    hours: Mapping[str, tuple[float, ...]]
    credentials: tuple[CreditCycle, ...] = ()
    as_of: date | None = None

    def __post_init__(self) -> None:
        _check_monthly("LearningData", self.months, self.hours)


@dataclass(frozen=True)
class NetworkingData:
    """Events per month by type ("Meetup", "Conference", ...) and people met per month."""

    months: tuple[date, ...]
    events: Mapping[str, tuple[int, ...]]
    people_met: tuple[int, ...]

    def __post_init__(self) -> None:
        _check_monthly("NetworkingData", self.months, self.events)
        _check_lengths("NetworkingData", len(self.months), people_met=self.people_met)


@dataclass(frozen=True)
class StageNode:
    slug: str
    name: str
    path: str = "ladder"  # "ladder" (the main career line) or "side"


@dataclass(frozen=True)
class CareerMapData:
    """The stage graph; ``route`` is the path of slugs from the current stage to the target."""

    stages: tuple[StageNode, ...]
    moves: tuple[tuple[str, str], ...]
    current: str | None = None
    target: str | None = None
    route: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        known = {s.slug for s in self.stages}
        for a, b in self.moves:
            if a not in known or b not in known:
                raise ValueError(f"CareerMapData: move {a} -> {b} names an unknown stage")


@dataclass(frozen=True)
class CredentialLine:
    """One held credential in the progress report."""

    name: str
    status: str  # lifetime, active, due-90, due-30, due-7, grace, expired
    expires: date | None = None
    credits_earned: float | None = None
    credits_needed: float | None = None
    credit_unit: str | None = None
    fee: str = ""  # the renewal fee, "USD 100"; empty when unknown


@dataclass(frozen=True)
class ReportData:
    """Everything the one-page progress report shows."""

    as_of: date
    radar: RadarData
    overall: float | None = None  # None: no target stage chosen
    components: Mapping[str, float] = field(default_factory=dict)
    current_stage: str | None = None
    target_stage: str | None = None
    credentials: tuple[CredentialLine, ...] = ()
    next_actions: tuple[str, ...] = ()
    person: str = ""
