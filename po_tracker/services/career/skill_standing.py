"""Every skill's current level against the target stage's level, for the Skills page
and the radar chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...models import Skill, SkillRating
from ..dates import OTHERS_WINDOW
from .case_evidence import Period, others_levels, self_levels
from .readiness import target_stage_id
from .readiness_facts import load_requirements, skill_levels

# A difference between others' view and the self-rating worth calling out.
OTHERS_GAP = 1.0


@dataclass(frozen=True)
class SkillStanding:
    skill: str
    slug: str
    prompt: str
    level: int | None  # latest rating on or before the date; None if never rated
    last_rated: date | None
    ratings: int
    target: int | None  # the target stage's level; None if that stage does not ask
    # Others' view in the 12 months to the date (levels in feedback, peer and manager
    # ratings) against the latest self-rating.
    others: float | None = None
    others_count: int = 0
    self_level: int | None = None

    @property
    def others_note(self) -> str:
        """ "Others rate your Leadership 3.5, you rate it 2" when the two differ by 1 or
        more; "" otherwise."""
        if self.others is None or self.self_level is None:
            return ""
        if abs(self.others - self.self_level) < OTHERS_GAP:
            return ""
        return f"Others rate your {self.skill} {self.others:g}, you rate it {self.self_level}"

    @property
    def gap(self) -> int:
        if self.target is None:
            return 0
        return max(self.target - (self.level or 0), 0)


def standings(session: Session, as_of: date) -> list[SkillStanding]:
    levels = skill_levels(session, as_of)
    others = others_levels(session, Period(as_of - OTHERS_WINDOW + timedelta(days=1), as_of))
    own = self_levels(session, as_of)
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
            others=round(others[skill_id].average, 1) if skill_id in others else None,
            others_count=others[skill_id].count if skill_id in others else 0,
            self_level=own.get(skill_id),
        )
        for skill_id, name, slug, prompt in skills
    ]
