"""The review digest: what happened in one period, for a 1:1 or a self-review. Wins,
feedback, learning (with the renewal credits it earned), events and people, ratings
that moved, goals done and due, and journal highlights; nothing dated outside the
period. Sums and lists come from SQL, each list capped, so a long log costs a few
bounded queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from ...models import (
    Certification,
    Contact,
    Credential,
    Feedback,
    Goal,
    JournalEntry,
    NetworkingEvent,
    Skill,
    SkillRating,
    TrainingSession,
    Win,
    event_contacts,
)
from ..errors import ValidationError
from ..wording import count_of
from .case_evidence import metric_text, win_detail
from .renewal_credits import sum_credits

LIST_LIMIT = 12


@dataclass(frozen=True)
class Line:
    day: date | None
    text: str
    detail: str = ""


@dataclass(frozen=True)
class RatingMove:
    skill: str
    before: int | None  # the latest self-rating before the period
    after: int  # the latest self-rating in it


@dataclass(frozen=True)
class ReviewDigest:
    since: date
    until: date
    wins: tuple[Line, ...]
    wins_total: int
    feedback: tuple[Line, ...]
    feedback_total: int
    trainings: tuple[Line, ...]
    training_hours: float
    trainings_total: int
    # Per credential held that renews with credits: what the period's trainings and events
    # earned toward it ("CSPO", "12 SEUs"), claims and exclusions applied.
    credits: tuple[Line, ...]
    events: tuple[Line, ...]
    events_total: int
    people: tuple[str, ...]  # met at the period's events, most met first
    people_total: int
    ratings: tuple[RatingMove, ...]
    goals_done: tuple[Line, ...]
    goals_due: tuple[Line, ...]
    journal: tuple[Line, ...]
    journal_total: int


def build(session: Session, since: date, until: date) -> ReviewDigest:
    if until < since:
        raise ValidationError.single("--until", f"({until}) is before --since ({since})")
    inside = lambda column: column.between(since, until)  # noqa: E731
    return ReviewDigest(
        since, until,
        *_wins(session, inside), *_feedback(session, inside), *_learning(session, since, until),
        *_events(session, inside), *_people(session, inside), _ratings(session, since, until),
        *_goals(session, since, until), *_journal(session, inside),
    )  # fmt: skip


def _count(session: Session, model, condition) -> int:
    return session.scalar(select(func.count()).select_from(model).where(condition)) or 0


def _wins(session, inside):
    rows = session.execute(
        select(Win.win_date, Win.title, Win.impact, Win.metric_name, Win.metric_before)
        .add_columns(Win.metric_after, Win.metric_unit)
        .where(inside(Win.win_date))
        .order_by(Win.win_date, Win.id)
        .limit(LIST_LIMIT)
    )
    lines = tuple(
        Line(day, title, win_detail(impact, metric_text(name, before, after, unit)))
        for day, title, impact, name, before, after, unit in rows
    )
    return lines, _count(session, Win, inside(Win.win_date))


def _feedback(session, inside):
    rows = session.execute(
        select(Feedback.given_on, Feedback.quote, Contact.name, Feedback.giver_role)
        .outerjoin(Contact, Contact.id == Feedback.contact_id)
        .where(inside(Feedback.given_on))
        .order_by(Feedback.given_on, Feedback.id)
        .limit(LIST_LIMIT)
    )
    lines = tuple(
        Line(day, quote, f"{name or 'someone'}, {role}") for day, quote, name, role in rows
    )
    return lines, _count(session, Feedback, inside(Feedback.given_on))


def _learning(session, since, until):
    """Completed trainings that ended (or, without an end, started) in the period."""
    day = func.coalesce(TrainingSession.end_date, TrainingSession.start_date)
    done = (TrainingSession.status == "completed") & day.between(since, until)
    rows = session.execute(
        select(TrainingSession.start_date, TrainingSession.title, TrainingSession.hours)
        .add_columns(TrainingSession.provider)
        .where(done)
        .order_by(TrainingSession.hours.desc(), TrainingSession.start_date)
        .limit(LIST_LIMIT)
    )
    lines = tuple(
        Line(start, title, ", ".join(p for p in (f"{hours:g} h", provider) if p))
        for start, title, hours, provider in rows
    )
    total, hours = session.execute(
        select(func.count(), func.coalesce(func.sum(TrainingSession.hours), 0)).where(done)
    ).one()
    return lines, float(hours), total, _credits(session, since, until)


def _credits(session, since, until) -> tuple[Line, ...]:
    """Credits earned in the period toward each credential held by its end that renews
    with credits, counted as the renewal engine counts them (one activity toward every
    credential it qualifies for)."""
    held = session.execute(
        select(Credential.id, Credential.name, Credential.credit_unit)
        .where(
            Credential.credits_needed.is_not(None),
            Credential.id.in_(
                select(Certification.credential_id).where(
                    Certification.status == "earned", Certification.earned_on <= until
                )
            ),
        )
        .order_by(Credential.position, Credential.id)
    ).all()
    totals = sum_credits(session, {row.id: (since, until) for row in held})
    return tuple(
        Line(None, row.name, count_of(sum(totals[row.id]), row.credit_unit or "credit"))
        for row in held
        if sum(totals[row.id])
    )


def _events(session, inside):
    rows = session.execute(
        select(NetworkingEvent.event_date, NetworkingEvent.title, NetworkingEvent.event_type)
        .where(inside(NetworkingEvent.event_date))
        .order_by(NetworkingEvent.event_date, NetworkingEvent.id)
        .limit(LIST_LIMIT)
    )
    lines = tuple(Line(day, title, kind) for day, title, kind in rows)
    return lines, _count(session, NetworkingEvent, inside(NetworkingEvent.event_date))


def _people(session, inside):
    met = (
        select(Contact.name, func.count().label("times"))
        .join(event_contacts, event_contacts.c.contact_id == Contact.id)
        .join(NetworkingEvent, NetworkingEvent.id == event_contacts.c.event_id)
        .where(inside(NetworkingEvent.event_date))
        .group_by(Contact.id)
        .subquery()
    )
    names = session.scalars(
        select(met.c.name).order_by(met.c.times.desc(), met.c.name).limit(LIST_LIMIT)
    )
    total = session.scalar(
        select(func.count(distinct(event_contacts.c.contact_id)))
        .join(NetworkingEvent, NetworkingEvent.id == event_contacts.c.event_id)
        .where(inside(NetworkingEvent.event_date))
    )
    return tuple(names), total or 0


def _latest_self(session, condition):
    rank = (
        func.row_number()
        .over(
            partition_by=SkillRating.skill_id,
            order_by=(SkillRating.rated_on.desc(), SkillRating.id.desc()),
        )
        .label("rank")
    )
    ranked = (
        select(SkillRating.skill_id, SkillRating.level, rank)
        .where(SkillRating.source == "self", condition)
        .subquery()
    )
    return dict(
        session.execute(select(ranked.c.skill_id, ranked.c.level).where(ranked.c.rank == 1)).all()
    )


def _ratings(session, since, until) -> tuple[RatingMove, ...]:
    """Self-ratings that changed: the latest in the period against the latest before."""
    before = _latest_self(session, SkillRating.rated_on < since)
    after = _latest_self(session, SkillRating.rated_on.between(since, until))
    names = dict(session.execute(select(Skill.id, Skill.name).order_by(Skill.position)).all())
    return tuple(
        RatingMove(name, before.get(skill_id), after[skill_id])
        for skill_id, name in names.items()
        if skill_id in after and after[skill_id] != before.get(skill_id)
    )


def _goals(session, since, until):
    """Goals marked done during the period (by when they were last changed) and goals
    due in it that are still open."""
    done = session.execute(
        select(Goal.target_date, Goal.text)
        .where(Goal.status == "done", func.date(Goal.updated_at).between(since, until))
        .order_by(Goal.updated_at)
        .limit(LIST_LIMIT)
    )
    due = session.execute(
        select(Goal.target_date, Goal.text)
        .where(
            Goal.status.in_(("open", "in-progress")),
            Goal.target_date.between(since, until),
        )
        .order_by(Goal.target_date)
        .limit(LIST_LIMIT)
    )
    return tuple(Line(d, t) for d, t in done), tuple(Line(d, t) for d, t in due)


def _journal(session, inside):
    """The period's longest entries with a title: what the user wrote most about."""
    rows = session.execute(
        select(JournalEntry.entry_date, JournalEntry.title)
        .where(inside(JournalEntry.entry_date), JournalEntry.title != "")
        .order_by(func.length(JournalEntry.body).desc(), JournalEntry.entry_date)
        .limit(5)
    )
    lines = tuple(sorted((Line(day, title) for day, title in rows), key=lambda x: x.day))
    return lines, _count(session, JournalEntry, inside(JournalEntry.entry_date))
