"""Readiness toward a stage as of a date: a percentage per component, an overall weighted
score, every unmet requirement as a gap, and the gaps ranked into next actions by how
much closing each one alone would raise the overall score.

The formulas (``docs/readiness.md``), in short: every requirement of a stage is an item
with a ratio ``min(have / need, 1)``; a component is the mean of its items' ratios times
100; a component with no item at that stage is shown as 100 % and left out of the
overall score, which is the weighted mean of the remaining components.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ...models import Profile
from ...vocabulary import DEFAULT_WEIGHTS
from ..logbook import profile as profile_service
from ..wording import count_of
from .readiness_facts import (
    CredentialOption,
    LogFacts,
    StageRequirements,
    gather_facts,
    load_requirements,
)

COMPONENTS = ("skills", "certifications", "experience", "learning", "networking")


@dataclass(frozen=True)
class Component:
    name: str
    percent: float
    weight: float
    scored: bool  # False: the stage asks nothing of this kind; shown as 100, not counted


@dataclass(frozen=True)
class Gap:
    kind: str  # skill, certification, experience, learning, networking
    name: str
    have: float
    need: float
    unit: str
    gain: float = 0.0  # points of the overall score closing this gap alone would add
    action: str = ""


@dataclass(frozen=True)
class Recommendation:
    name: str
    held: bool


@dataclass(frozen=True)
class Readiness:
    stage: str
    stage_slug: str
    as_of: date
    overall: float
    components: tuple[Component, ...]
    gaps: tuple[Gap, ...]  # ranked: largest gain first
    recommended: tuple[Recommendation, ...]

    @property
    def next_actions(self) -> tuple[str, ...]:
        return tuple(gap.action for gap in self.gaps)

    def component(self, name: str) -> Component:
        return next(c for c in self.components if c.name == name)


@dataclass(frozen=True)
class _Item:
    ratio: float
    gap: Gap | None


def _ratio(have: float, need: float) -> float:
    return 1.0 if need <= 0 else min(have / need, 1.0)


def _more(amount: float, noun: str) -> str:
    """A remaining amount, rounded up to one decimal so doing it is always enough, with
    its noun ("1 more year", "1.5 more years")."""
    value = math.ceil(round(amount * 10, 6)) / 10
    return count_of(value, noun)


def options_text(options: tuple[CredentialOption, ...] | list[str]) -> str:
    names = [o if isinstance(o, str) else o.name for o in options]
    if len(names) <= 3:
        return " or ".join(names)
    return f"{', '.join(names[:2])} or one of {len(names) - 2} others"


def _skill_items(req: StageRequirements, facts: LogFacts) -> list[_Item]:
    items = []
    for target in req.skills:
        level = facts.skill_levels.get(target.skill_id, 0)
        gap = None
        if level < target.level:
            action = (
                f"Raise {target.name} from {level} to {target.level}"
                if level
                else f"Reach level {target.level} in {target.name} (not rated yet)"
            )
            gap = Gap("skill", target.name, level, target.level, "level", action=action)
        items.append(_Item(_ratio(level, target.level), gap))
    return items


def _certification_items(req: StageRequirements, facts: LogFacts) -> list[_Item]:
    items = []
    for group in req.required_groups:
        if any(option.credential_id in facts.held for option in group):
            items.append(_Item(1.0, None))
            continue
        lapsed = [o.name for o in group if o.credential_id in facts.lapsed]
        action = f"Renew {' or '.join(lapsed)}" if lapsed else f"Earn {options_text(group)}"
        name = " or ".join(option.name for option in group)
        items.append(_Item(0.0, Gap("certification", name, 0, 1, "credential", action=action)))
    return items


def _counted(kind, name, have, need, unit, action) -> list[_Item]:
    """One numeric requirement, or nothing when the stage asks for none."""
    if need <= 0:
        return []
    gap = Gap(kind, name, have, need, unit, action=action) if have < need else None
    return [_Item(_ratio(have, need), gap)]


def _experience_items(req: StageRequirements, facts: LogFacts) -> list[_Item]:
    # Cut, not rounded, to two decimals: 729 days must not count as two full years.
    years = math.floor(facts.years * 100) / 100
    people = req.people_mentored - facts.mentored
    return [
        *_counted(
            "experience", "Years in product roles", years, req.years_experience, "years",
            f"Gain {_more(req.years_experience - years, 'more year')} in product roles",
        ),
        *_counted(
            "experience", "Sprints as Product Owner", facts.sprints, req.sprints_as_po, "sprints",
            f"Serve {count_of(req.sprints_as_po - facts.sprints, 'more sprint')} as Product Owner",
        ),
        *_counted(
            "experience", "People mentored", facts.mentored, req.people_mentored, "people",
            f"Mentor {count_of(people, 'more person', 'more people')}",
        ),
        *_leading_items(req, facts),
    ]  # fmt: skip


def _leading_items(req: StageRequirements, facts: LogFacts) -> list[_Item]:
    """Leading people and products: the largest team and the most products of one
    experience entry, and the ceremonies facilitated in all."""
    more = req.ceremonies_facilitated - facts.facilitated
    return [
        *_counted(
            "experience", "Largest team led", facts.largest_team, req.team_size, "people",
            f"Lead a team of {count_of(req.team_size, 'person', 'people')}"
            f" (largest so far: {facts.largest_team})",
        ),
        *_counted(
            "experience", "Products owned at once", facts.most_products, req.products_owned,
            "products", f"Own {count_of(req.products_owned, 'product')} at once"
            f" (most so far: {facts.most_products})",
        ),
        *_counted(
            "experience", "Ceremonies facilitated", facts.facilitated,
            req.ceremonies_facilitated, "ceremonies",
            f"Facilitate {count_of(more, 'more ceremony', 'more ceremonies')}"
            " (stand-ups, refinements, reviews)",
        ),
    ]  # fmt: skip


def _learning_items(req: StageRequirements, facts: LogFacts) -> list[_Item]:
    hours = round(facts.training_hours, 2)
    return _counted(
        "learning", "Training hours in the last 12 months", hours, req.training_hours_12m,
        "hours", f"Log {_more(req.training_hours_12m - hours, 'more training hour')}"
        " in the next 12 months",
    )  # fmt: skip


def _networking_items(req: StageRequirements, facts: LogFacts) -> list[_Item]:
    missing = req.events_12m - facts.events
    return _counted(
        "networking", "Networking events in the last 12 months", facts.events, req.events_12m,
        "events", f"Attend {count_of(missing, 'more networking event')} in the next 12 months",
    )  # fmt: skip


_BUILDERS = {
    "skills": _skill_items,
    "certifications": _certification_items,
    "experience": _experience_items,
    "learning": _learning_items,
    "networking": _networking_items,
}


def overall_score(percents: dict[str, float | None], weights: dict[str, float]) -> float:
    """Weighted mean of the scored components (``None``: not scored). With no scored
    component the stage asks for nothing: 100. If every scored component has weight 0,
    the plain mean, so the user's weights never make the score undefined."""
    scored = {name: p for name, p in percents.items() if p is not None}
    if not scored:
        return 100.0
    total = sum(weights.get(name, 0.0) for name in scored)
    if total <= 0:
        return sum(scored.values()) / len(scored)
    return sum(weights.get(name, 0.0) * p for name, p in scored.items()) / total


def _percent(items: list[_Item]) -> float | None:
    return sum(item.ratio for item in items) / len(items) * 100 if items else None


def score(req: StageRequirements, facts: LogFacts, weights: dict[str, float]) -> Readiness:
    """Readiness from requirements and facts alone: no database, so it is cheap to
    repeat for every stage of a route or every month of a history."""
    items = {name: _BUILDERS[name](req, facts) for name in COMPONENTS}
    percents = {name: _percent(items[name]) for name in COMPONENTS}
    overall = overall_score(percents, weights)
    gaps = []
    for rank, name in enumerate(COMPONENTS):
        for position, item in enumerate(items[name]):
            if item.gap is None:
                continue
            closed = [i.ratio if i is not item else 1.0 for i in items[name]]
            changed = {**percents, name: sum(closed) / len(closed) * 100}
            gain = overall_score(changed, weights) - overall
            gaps.append((-round(gain, 9), rank, position, _with_gain(item.gap, gain)))
    gaps.sort(key=lambda entry: entry[:3])
    return Readiness(
        stage=req.name,
        stage_slug=req.slug,
        as_of=facts.as_of,
        overall=overall,
        components=tuple(
            Component(name, 100.0 if p is None else p, weights.get(name, 0.0), p is not None)
            for name, p in percents.items()
        ),
        gaps=tuple(entry[3] for entry in gaps),
        recommended=tuple(
            Recommendation(options_text(group), any(o.credential_id in facts.held for o in group))
            for group in req.recommended_groups
        ),
    )


def _with_gain(gap: Gap, gain: float) -> Gap:
    return Gap(gap.kind, gap.name, gap.have, gap.need, gap.unit, gain, gap.action)


def weights_of(session: Session) -> dict[str, float]:
    return profile_service.get(session).weights or dict(DEFAULT_WEIGHTS)


def readiness_for(
    session: Session,
    stage_id: int,
    as_of: date,
    weights: dict[str, float] | None = None,
    facts: LogFacts | None = None,
) -> Readiness:
    """Readiness toward any stage; weights default to the profile's. ``facts``: the log's
    facts as of ``as_of`` (``gather_facts``), when the caller has them: gathering them
    is most of the cost, and one set serves every stage."""
    weights = weights if weights is not None else weights_of(session)
    facts = facts if facts is not None else gather_facts(session, as_of)
    return score(load_requirements(session, stage_id), facts, weights)


def target_stage_id(session: Session) -> int | None:
    row = session.get(Profile, 1)
    return row.target_stage_id if row else None


def readiness(session: Session, as_of: date, facts: LogFacts | None = None) -> Readiness | None:
    """Readiness toward the profile's target stage, or None when no target is set."""
    stage_id = target_stage_id(session)
    return None if stage_id is None else readiness_for(session, stage_id, as_of, facts=facts)
