"""What needs the user's attention and what they logged lately, for the dashboard: each
a small SQL query, whatever the size of the log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import Session

from ...models import (
    Certification,
    Credential,
    ExperienceEntry,
    Goal,
    JournalEntry,
    NetworkingEvent,
    Skill,
    SkillRating,
    TrainingSession,
)


@dataclass(frozen=True)
class RecentEntry:
    kind: str
    id: int
    day: date | None
    title: str
    logged_at: datetime


@dataclass(frozen=True)
class Reminder:
    kind: str  # "event" (a follow-up) or "goal" (overdue)
    id: int
    day: date
    text: str


def recent_entries(session: Session, limit: int = 8) -> list[RecentEntry]:
    journal_title = func.coalesce(
        func.nullif(JournalEntry.title, ""), func.substr(JournalEntry.body, 1, 80)
    )
    parts = [
        select(
            literal("journal"),
            JournalEntry.id,
            JournalEntry.entry_date,
            journal_title,
            JournalEntry.created_at,
        ),
        select(
            literal("training"),
            TrainingSession.id,
            TrainingSession.start_date,
            TrainingSession.title,
            TrainingSession.created_at,
        ),
        select(
            literal("event"),
            NetworkingEvent.id,
            NetworkingEvent.event_date,
            NetworkingEvent.title,
            NetworkingEvent.created_at,
        ),
        select(
            literal("rating"),
            SkillRating.id,
            SkillRating.rated_on,
            Skill.name + " rated " + func.cast(SkillRating.level, type_=Skill.name.type),
            SkillRating.created_at,
        ).join(Skill, Skill.id == SkillRating.skill_id),
        select(
            literal("certification"),
            Certification.id,
            Certification.earned_on,
            func.coalesce(Certification.custom_name, Credential.name),
            Certification.created_at,
        ).outerjoin(Credential, Credential.id == Certification.credential_id),
        select(
            literal("experience"),
            ExperienceEntry.id,
            ExperienceEntry.start_date,
            ExperienceEntry.role,
            ExperienceEntry.created_at,
        ),
        select(literal("goal"), Goal.id, Goal.target_date, Goal.text, Goal.created_at),
    ]
    # Each part takes its newest rows by primary key first, so the union never walks a
    # whole table.
    limited = [
        part.order_by(part.selected_columns[1].desc()).limit(limit).subquery() for part in parts
    ]
    query = union_all(*(select(*sub.c) for sub in limited)).subquery()
    rows = session.execute(select(*query.c).order_by(query.c[4].desc()).limit(limit))
    return [
        RecentEntry(kind, entry_id, day, title or "", at) for kind, entry_id, day, title, at in rows
    ]


def reminders(session: Session, today: date, limit: int = 20) -> list[Reminder]:
    """Follow-ups due and goals past their date, oldest first."""
    follow_ups = session.execute(
        select(NetworkingEvent.id, NetworkingEvent.follow_up_on, NetworkingEvent.title)
        .where(NetworkingEvent.follow_up_on <= today, NetworkingEvent.follow_up_done.is_(False))
        .order_by(NetworkingEvent.follow_up_on)
        .limit(limit)
    )
    goals = session.execute(
        select(Goal.id, Goal.target_date, Goal.text)
        .where(Goal.target_date < today, Goal.status.in_(("open", "in-progress")))
        .order_by(Goal.target_date)
        .limit(limit)
    )
    items = [Reminder("event", i, d, f"Follow up after “{t}”") for i, d, t in follow_ups]
    items += [Reminder("goal", i, d, f"Overdue goal: {t}") for i, d, t in goals]
    return sorted(items, key=lambda r: r.day)[:limit]
