"""The promotion case: for a stage (the target by default), the user's standing and the
evidence under each skill and requirement the stage asks for, strongest first, and what
is still missing with the goals that serve it. A frozen value; the documents module
writes it as Markdown, PDF or Word."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import ExperienceEntry, Goal
from ...vocabulary import STAGE_REQUIREMENT_LABELS
from ..errors import ValidationError
from ..framework import lookup
from ..logbook import profile as profile_service
from .case_evidence import (
    Evidence,
    OthersView,
    Period,
    counts_by_skill,
    experience_by_requirement,
    feedback_by_skill,
    journal_by_skill,
    mentoring_given,
    others_levels,
    self_levels,
    training_by_skill,
    wins_by_requirement,
    wins_by_skill,
)
from .readiness import readiness_for, target_stage_id
from .readiness_facts import gather_facts, load_requirements

# A gap between the others' view and the self-rating worth calling out.
NOTABLE_GAP = 1.0


@dataclass(frozen=True)
class SkillCase:
    skill: str
    target: int
    self_level: int | None
    others: OthersView | None
    wins: tuple[Evidence, ...]
    feedback: tuple[Evidence, ...]
    learning: tuple[Evidence, ...]
    counts: tuple[int, int, int]  # wins, feedback, trainings in the period
    plan: tuple[str, ...]  # open goals that serve the skill
    journal: tuple[Evidence, ...] = ()  # entries written about it, newest first

    @property
    def met(self) -> bool:
        return (self.self_level or 0) >= self.target

    @property
    def has_evidence(self) -> bool:
        return bool(self.wins or self.feedback or self.learning or self.journal)

    @property
    def strength(self) -> int:
        """How much the case can show: wins weigh most, then what others said."""
        wins, feedback, trainings = self.counts
        return 3 * wins + 2 * feedback + trainings


@dataclass(frozen=True)
class RequirementCase:
    key: str
    label: str
    have: float
    need: float
    unit: str
    wins: tuple[Evidence, ...]
    plan: tuple[str, ...]
    experience: tuple[Evidence, ...] = ()  # the roles (and mentoring given) behind it

    @property
    def met(self) -> bool:
        return self.have >= self.need


@dataclass(frozen=True)
class PromotionCase:
    stage: str
    current_stage: str | None
    as_of: date
    since: date | None
    readiness: float
    role: str | None  # the experience entry still going on
    in_role_since: date | None
    skills: tuple[SkillCase, ...]  # strongest evidence first
    requirements: tuple[RequirementCase, ...]
    credentials: tuple[tuple[str, bool], ...]  # ("CSPO or PSPO I", held)
    missing: tuple[str, ...]  # the readiness report's next actions, in its order


def _stage_id(session: Session, stage: str | None) -> int:
    if stage:
        return lookup.stage_id(session, stage, field="--stage")
    stage_id = target_stage_id(session)
    if stage_id is None:
        raise ValidationError.single(
            "stage",
            "no target stage is set; choose one first (on the Career path page, or with"
            " po-tracker stage --target STAGE)",
        )
    return stage_id


def _open_goals(session: Session) -> tuple[dict, dict, dict]:
    """Open goals by the skill, the requirement and the credential they serve."""
    rows = session.execute(
        select(Goal.text, Goal.target_date, Goal.skill_id, Goal.requirement, Goal.credential_id)
        .where(Goal.status.in_(("open", "in-progress")))
        .order_by(Goal.target_date.asc().nulls_last(), Goal.id)
    )
    by_skill, by_requirement, by_credential = {}, {}, {}
    for text, due, skill_id, requirement, credential_id in rows:
        line = f"{text} (by {due})" if due else text
        for key, found in ((skill_id, by_skill), (requirement, by_requirement),
                           (credential_id, by_credential)):  # fmt: skip
            if key is not None:
                found.setdefault(key, []).append(line)
    return by_skill, by_requirement, by_credential


def _current_role(session: Session, as_of: date) -> tuple[str | None, date | None]:
    row = session.execute(
        select(ExperienceEntry.role, ExperienceEntry.start_date)
        .where(ExperienceEntry.start_date <= as_of)
        .where((ExperienceEntry.end_date.is_(None)) | (ExperienceEntry.end_date >= as_of))
        .order_by(ExperienceEntry.start_date.desc(), ExperienceEntry.id.desc())
        .limit(1)
    ).first()
    return (row.role, row.start_date) if row else (None, None)


REQUIREMENT_UNITS = {
    "years_experience": ("years", "years"), "sprints_as_po": ("sprints", "sprints"),
    "people_mentored": ("people", "mentored"), "team_size": ("people", "largest_team"),
    "products_owned": ("products", "most_products"),
    "ceremonies_facilitated": ("ceremonies", "facilitated"),
    "training_hours_12m": ("hours", "training_hours"), "events_12m": ("events", "events"),
}  # fmt: skip


def build(
    session: Session, as_of: date, stage: str | None = None, since: date | None = None
) -> PromotionCase:
    if since is not None and since > as_of:
        raise ValidationError.single("--since", f"({since}) is after the as-of date ({as_of})")
    stage_id = _stage_id(session, stage)
    requirements = load_requirements(session, stage_id)
    facts = gather_facts(session, as_of)
    report = readiness_for(session, stage_id, as_of, facts=facts)
    period = Period(since, as_of)
    goals = _open_goals(session)
    role, role_start = _current_role(session, as_of)
    return PromotionCase(
        stage=requirements.name,
        current_stage=profile_service.get(session).current_stage,
        as_of=as_of,
        since=since,
        readiness=report.overall,
        role=role,
        in_role_since=role_start,
        skills=_skill_cases(session, requirements, period, goals[0]),
        requirements=_requirement_cases(session, requirements, facts, period, goals[1]),
        credentials=tuple(
            (
                " or ".join(option.name for option in group),
                any(option.credential_id in facts.held for option in group),
            )
            for group in requirements.required_groups
        ),  # fmt: skip
        missing=report.next_actions,
    )


def _skill_cases(session, requirements, period: Period, goals) -> tuple[SkillCase, ...]:
    wins, given = wins_by_skill(session, period), feedback_by_skill(session, period)
    learned, counts = training_by_skill(session, period), counts_by_skill(session, period)
    others, own = others_levels(session, period), self_levels(session, period.until)
    written = journal_by_skill(session, period)
    cases = []
    for target in requirements.skills:
        count = counts.get(target.skill_id)
        cases.append(
            SkillCase(
                skill=target.name, target=target.level, self_level=own.get(target.skill_id),
                others=others.get(target.skill_id),
                wins=tuple(wins.get(target.skill_id, ())),
                feedback=tuple(given.get(target.skill_id, ())),
                learning=tuple(learned.get(target.skill_id, ())),
                counts=(count.wins, count.feedback, count.trainings) if count else (0, 0, 0),
                plan=tuple(goals.get(target.skill_id, ())),
                journal=tuple(written.get(target.skill_id, ())),
            )
        )  # fmt: skip
    # Strongest evidence first; the framework's order breaks ties (a stable sort).
    return tuple(sorted(cases, key=lambda c: -c.strength))


def _requirement_cases(session, requirements, facts, period, goals) -> tuple:
    wins = wins_by_requirement(session, period)
    roles = experience_by_requirement(session, period)
    roles["people_mentored"] = roles.get("people_mentored", []) + mentoring_given(session, period)
    cases = []
    for key, (unit, fact) in REQUIREMENT_UNITS.items():
        need = getattr(requirements, key)
        if not need:
            continue  # the stage asks nothing of this kind
        cases.append(
            RequirementCase(
                key, STAGE_REQUIREMENT_LABELS[key], round(getattr(facts, fact), 2), need, unit,
                tuple(wins.get(key, ())), tuple(goals.get(key, ())), tuple(roles.get(key, ())),
            )
        )  # fmt: skip
    return tuple(cases)


def leave_out(case: PromotionCase, left_out: Collection[tuple[str, int]]) -> PromotionCase:
    """The case without the pieces of evidence the user took out before exporting, each
    named by (kind, id): a win shown under two skills goes from both. The standing,
    counts and what is missing stay as the log gives them."""
    if not left_out:
        return case
    gone = set(left_out)

    def kept(items: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        return tuple(item for item in items if (item.kind, item.id) not in gone)

    skills = tuple(
        replace(s, wins=kept(s.wins), feedback=kept(s.feedback), learning=kept(s.learning),
                journal=kept(s.journal))
        for s in case.skills
    )  # fmt: skip
    requirements = tuple(
        replace(r, wins=kept(r.wins), experience=kept(r.experience)) for r in case.requirements
    )
    return replace(case, skills=skills, requirements=requirements)
