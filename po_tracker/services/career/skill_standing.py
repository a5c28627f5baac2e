"""Every skill's current level against the target stage's level, for the Skills page
and the radar chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...models import Skill, SkillRating
from .readiness import target_stage_id
from .readiness_facts import load_requirements, skill_levels


@dataclass(frozen=True)
class SkillStanding:
    skill: str
    slug: str
    prompt: str
    level: int | None  # latest rating on or before the date; None if never rated
    last_rated: date | None
    ratings: int
    target: int | None  # the target stage's level; None if that stage does not ask

    @property
    def gap(self) -> int:
        if self.target is None:
            return 0
        return max(self.target - (self.level or 0), 0)


def standings(session: Session, as_of: date) -> list[SkillStanding]:
    levels = skill_levels(session, as_of)
    stage_id = target_stage_id(session)
    targets = (
        {t.skill_id: t.level for t in load_requirements(session, stage_id).skills}
        if stage_id is not None
        else {}
    )
    rated = dict(
        (skill_id, (last, count))
        for skill_id, last, count in session.execute(
            select(SkillRating.skill_id, func.max(SkillRating.rated_on), func.count())
            .where(SkillRating.rated_on <= as_of)
            .group_by(SkillRating.skill_id)
        )
    )
    skills = session.execute(
        select(Skill.id, Skill.name, Skill.slug, Skill.prompt)
        .where(Skill.retired.is_(False))
        .order_by(Skill.position, Skill.id)
    )
    return [
        SkillStanding(
            skill=name,
            slug=slug,
            prompt=prompt,
            level=levels.get(skill_id),
            last_rated=rated.get(skill_id, (None, 0))[0],
            ratings=rated.get(skill_id, (None, 0))[1],
            target=targets.get(skill_id),
        )
        for skill_id, name, slug, prompt in skills
    ]
