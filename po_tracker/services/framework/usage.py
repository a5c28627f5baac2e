"""Which framework items the user's log points at: those are retired, never deleted."""

from __future__ import annotations

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from ...models import (
    Certification,
    EventCredit,
    Goal,
    Profile,
    SkillRating,
    TrainingCredit,
    training_skills,
)

_REFERENCES = {
    "skill": (SkillRating.skill_id, training_skills.c.skill_id, Goal.skill_id),
    "credential": (
        Certification.credential_id,
        Goal.credential_id,
        TrainingCredit.credential_id,
        EventCredit.credential_id,
    ),
    "stage": (Profile.current_stage_id, Profile.target_stage_id),
}


def referenced_ids(session: Session, kind: str) -> set[int]:
    if kind not in _REFERENCES:
        return set()  # no logged entry points at it (a renewal group is named by slug)
    query = union(*(select(column).where(column.is_not(None)) for column in _REFERENCES[kind]))
    return set(session.scalars(query))
