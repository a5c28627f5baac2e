"""What readiness is computed from: a stage's requirements, and the facts of the log as
of a date. Every fact is one aggregate query (skill levels: one correlated lookup per
skill on the (skill_id, rated_on) index), so the cost does not grow with the log's size
beyond what the indexes scan; the exceptions are the certifications (``renewal``) and the
experience entries' dates, one row each. The formulas are in ``docs/readiness.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...models import (
    Credential,
    ExperienceEntry,
    NetworkingEvent,
    Skill,
    SkillRating,
    Stage,
    StageCredentialGroup,
    StageCredentialGroupMember,
    StageSkillTarget,
    TrainingSession,
    event_contacts,
)
from ..dates import add_months
from ..errors import NotFoundError
from .renewal import holdings

# Days in a year of experience: a role held for one calendar year counts as one year.
DAYS_PER_YEAR = 365


@dataclass(frozen=True)
class SkillTarget:
    skill_id: int
    name: str
    level: int


@dataclass(frozen=True)
class CredentialOption:
    credential_id: int
    name: str


@dataclass(frozen=True)
class StageRequirements:
    stage_id: int
    name: str
    slug: str
    skills: tuple[SkillTarget, ...]
    required_groups: tuple[tuple[CredentialOption, ...], ...]
    recommended_groups: tuple[tuple[CredentialOption, ...], ...]
    years_experience: float
    sprints_as_po: int
    people_mentored: int
    training_hours_12m: float
    events_12m: int
    team_size: int = 0
    products_owned: int = 0
    ceremonies_facilitated: int = 0


@dataclass(frozen=True)
class LogFacts:
    """The log summed up as of one date."""

    as_of: date
    skill_levels: dict[int, int]  # skill id -> latest level on or before as_of
    held: frozenset[int]  # catalog credential ids held on as_of
    lapsed: frozenset[int]  # earned once, expired by as_of
    years: float
    sprints: int
    mentored: int
    training_hours: float
    events: int
    largest_team: int = 0  # the largest team_size of one entry
    most_products: int = 0  # the most products_owned in one entry
    facilitated: int = 0  # ceremonies facilitated, summed


def window_12m(as_of: date) -> tuple[date, date]:
    """The 12 months up to and including ``as_of``: 2025-06-30 gives 2024-07-01..2025-06-30."""
    return add_months(as_of, -12) + timedelta(days=1), as_of


def load_requirements(session: Session, stage_id: int) -> StageRequirements:
    stage = session.get(Stage, stage_id)
    if stage is None:
        raise NotFoundError(f"there is no stage with id {stage_id}")
    targets = session.execute(
        select(Skill.id, Skill.name, StageSkillTarget.level)
        .join(Skill, Skill.id == StageSkillTarget.skill_id)
        .where(StageSkillTarget.stage_id == stage_id, Skill.retired.is_(False))
        .order_by(Skill.position, Skill.id)
    ).all()
    return StageRequirements(
        stage_id=stage.id,
        name=stage.name,
        slug=stage.slug,
        skills=tuple(SkillTarget(*row) for row in targets),
        required_groups=_groups(session, stage_id, required=True),
        recommended_groups=_groups(session, stage_id, required=False),
        years_experience=stage.years_experience,
        sprints_as_po=stage.sprints_as_po,
        people_mentored=stage.people_mentored,
        training_hours_12m=stage.training_hours_12m,
        events_12m=stage.events_12m,
        team_size=stage.team_size,
        products_owned=stage.products_owned,
        ceremonies_facilitated=stage.ceremonies_facilitated,
    )


def _groups(session: Session, stage_id: int, *, required: bool):
    """Any-of groups, members in their listed order; retired credentials drop out and a
    group left empty asks for nothing."""
    rows = session.execute(
        select(StageCredentialGroup.id, Credential.id, Credential.name)
        .join(
            StageCredentialGroupMember,
            StageCredentialGroupMember.group_id == StageCredentialGroup.id,
        )
        .join(Credential, Credential.id == StageCredentialGroupMember.credential_id)
        .where(
            StageCredentialGroup.stage_id == stage_id,
            StageCredentialGroup.required.is_(required),
            Credential.retired.is_(False),
        )
        .order_by(
            StageCredentialGroup.position,
            StageCredentialGroup.id,
            StageCredentialGroupMember.position,
        )
    ).all()
    groups: dict[int, list[CredentialOption]] = {}
    for group_id, credential_id, name in rows:
        groups.setdefault(group_id, []).append(CredentialOption(credential_id, name))
    return tuple(tuple(members) for members in groups.values())


def gather_facts(
    session: Session,
    as_of: date,
    islands: list[tuple[date, date]] | None = None,
    candidates=None,
    credentials=None,
) -> LogFacts:
    """``islands`` (experience stretches from ``experience_islands``) and ``candidates``
    (certifications from ``renewal.held_candidates``), for any date on or after
    ``as_of``, and ``credentials`` (``renewal.statuses`` for ``as_of`` itself), when the
    caller already has them."""
    held, lapsed = holdings(session, as_of, candidates, credentials)
    if islands is None:
        islands = experience_islands(session, as_of)
    sprints, mentored, largest_team, most_products, facilitated = _experience_counts(session, as_of)
    return LogFacts(
        as_of=as_of,
        skill_levels=skill_levels(session, as_of),
        held=frozenset(held),
        lapsed=frozenset(lapsed),
        years=covered_days(islands, as_of) / DAYS_PER_YEAR,
        sprints=sprints,
        mentored=max(mentored, people_mentored_in_sessions(session, as_of)),
        training_hours=training_hours(session, as_of),
        events=event_count(session, as_of),
        largest_team=largest_team,
        most_products=most_products,
        facilitated=facilitated,
    )


def skill_levels(session: Session, as_of: date) -> dict[int, int]:
    """Each active skill's latest rating on or before ``as_of``; several ratings on one
    day: the one entered last. Unrated skills are absent."""
    latest = (
        select(SkillRating.level)
        .where(SkillRating.skill_id == Skill.id, SkillRating.rated_on <= as_of)
        .order_by(SkillRating.rated_on.desc(), SkillRating.id.desc())
        .limit(1)
        .correlate(Skill)
        .scalar_subquery()
    )
    rows = session.execute(select(Skill.id, latest).where(Skill.retired.is_(False)))
    return {skill_id: level for skill_id, level in rows if level is not None}


def experience_islands(session: Session, as_of: date) -> list[tuple[date, date]]:
    """The stretches covered by at least one experience entry up to ``as_of`` (entries
    still going on, or ending later, cut at ``as_of``), overlapping entries merged."""
    rows = session.execute(
        select(ExperienceEntry.start_date, ExperienceEntry.end_date).where(
            ExperienceEntry.start_date <= as_of
        )
    )
    # Merged in Python: one pass over the sorted entries costs less than SQL's window
    # functions, and a real log's entries seldom overlap, so few rows would be saved.
    return merge_stretches((start, min(end or as_of, as_of)) for start, end in rows)


def merge_stretches(stretches) -> list[tuple[date, date]]:
    """(start, end) stretches merged into islands, in order: a stretch opens a new island
    when it starts after every earlier one (in start, then end order) has ended; adjacent
    days stay apart, which ``covered_days`` counts the same."""
    islands: list[list[date]] = []
    reach: date | None = None  # the latest end so far, over every earlier stretch
    for start, end in sorted(stretches):
        if reach is None or start > reach:
            islands.append([start, end])
        else:
            islands[-1][1] = max(islands[-1][1], end)
        reach = end if reach is None else max(reach, end)
    return [(start, end) for start, end in islands]


def covered_days(islands: list[tuple[date, date]], as_of: date) -> int:
    """Days of ``islands`` on or before ``as_of``, both ends included. Islands computed
    for a later date give the same answer as islands computed for ``as_of`` itself,
    which lets the history compute them once."""
    return sum((min(end, as_of) - start).days + 1 for start, end in islands if start <= as_of)


def experience_days(session: Session, as_of: date) -> int:
    """Days covered by at least one experience entry up to ``as_of``, overlaps once."""
    return covered_days(experience_islands(session, as_of), as_of)


def _experience_counts(session: Session, as_of: date) -> tuple[int, ...]:
    """Of the entries started on or before ``as_of``: sprints, people mentored, the
    largest team led, the most products owned at once, ceremonies facilitated. Team and
    products are the largest of one entry: two teams of 5 one after the other are not a
    team of 10."""
    row = session.execute(
        select(
            func.coalesce(func.sum(ExperienceEntry.sprints), 0),
            func.coalesce(func.sum(ExperienceEntry.people_mentored), 0),
            func.coalesce(func.max(ExperienceEntry.team_size), 0),
            func.coalesce(func.max(ExperienceEntry.products_owned), 0),
            func.coalesce(func.sum(ExperienceEntry.ceremonies_facilitated), 0),
        ).where(ExperienceEntry.start_date <= as_of)
    ).one()
    return tuple(int(value) for value in row)


def people_mentored_in_sessions(session: Session, as_of: date) -> int:
    """The distinct people met at the mentoring events you gave, on or before ``as_of``.
    The experience log's number and this one may count the same people, so the larger
    of the two counts, never their sum: the app never claims more than was logged."""
    total = session.scalar(
        select(func.count(func.distinct(event_contacts.c.contact_id)))
        .join(NetworkingEvent, NetworkingEvent.id == event_contacts.c.event_id)
        .where(NetworkingEvent.mentoring == "gave", NetworkingEvent.event_date <= as_of)
    )
    return int(total or 0)


def training_hours(session: Session, as_of: date) -> float:
    """Hours of completed trainings started in the 12 months up to ``as_of``."""
    start, end = window_12m(as_of)
    total = session.scalar(
        select(func.coalesce(func.sum(TrainingSession.hours), 0.0)).where(
            TrainingSession.status == "completed",
            TrainingSession.start_date.between(start, end),
        )
    )
    return float(total)


def event_count(session: Session, as_of: date) -> int:
    start, end = window_12m(as_of)
    return int(
        session.scalar(
            select(func.count(NetworkingEvent.id)).where(
                NetworkingEvent.event_date.between(start, end)
            )
        )
    )
