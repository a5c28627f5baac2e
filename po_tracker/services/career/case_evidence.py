"""The evidence behind each skill and stage requirement in a period: wins, feedback,
training, journal entries and experience, the few best of each per skill or requirement
taken by SQL (a window function ranks them), and the totals counted by SQL too, so a log
of any length costs a handful of queries.

Shared by the promotion case, the review digest and the Career path page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, func, literal, select, true, union
from sqlalchemy.orm import Session

from ...models import (
    Contact,
    ExperienceEntry,
    Feedback,
    FeedbackSkill,
    JournalEntry,
    JournalLink,
    NetworkingEvent,
    Skill,
    SkillRating,
    TrainingSession,
    Win,
    WinRequirement,
    event_contacts,
    training_skills,
    win_skills,
)

# How many items of each kind a section shows; the rest are counted.
PER_SECTION = 5


@dataclass(frozen=True)
class Evidence:
    kind: str  # win, feedback, training, journal, experience, event
    id: int
    day: date
    title: str  # the win's title, the quote, the training's title, the entry's title, the role
    detail: str  # impact and metric; "Dana Reyes, manager"; "12 h, Coursera"; "24 sprints"


@dataclass(frozen=True)
class Period:
    """Inclusive dates; ``since`` None means from the start of the log."""

    since: date | None
    until: date

    def where(self, column):
        lower = column >= self.since if self.since is not None else true()
        return lower & (column <= self.until)


def metric_text(name, before, after, unit) -> str:
    if not name:
        return ""
    return f"{name}: {before:g} → {after:g}{' ' + unit if unit else ''}"


def win_detail(impact: str, metric: str) -> str:
    """The measured change first, then the impact in the user's words."""
    impact = impact.strip()
    if metric and impact:
        return f"{metric}. {impact}"
    return metric or impact


def _ranked(query, partition, order):
    """``query`` with a rank per ``partition`` by ``order``: the caller keeps rank <= N."""
    rank = func.row_number().over(partition_by=partition, order_by=order).label("rank")
    return query.add_columns(rank).subquery()


def wins_by_skill(session: Session, period: Period, per: int = PER_SECTION):
    """Skill id -> its best wins in the period: those with a metric first, then newest."""
    has_metric = case((Win.metric_name != "", 0), else_=1)
    query = (
        select(win_skills.c.skill_id, Win.id, Win.win_date, Win.title, Win.impact)
        .add_columns(Win.metric_name, Win.metric_before, Win.metric_after, Win.metric_unit)
        .join(Win, Win.id == win_skills.c.win_id)
        .where(period.where(Win.win_date))
    )
    ranked = _ranked(query, win_skills.c.skill_id, (has_metric, Win.win_date.desc(), Win.id))
    found = defaultdict(list)
    for row in session.execute(select(ranked).where(ranked.c.rank <= per)):
        metric = metric_text(row.metric_name, row.metric_before, row.metric_after, row.metric_unit)
        found[row.skill_id].append(
            Evidence("win", row.id, row.win_date, row.title, win_detail(row.impact, metric))
        )
    return found


def wins_by_requirement(session: Session, period: Period, per: int = PER_SECTION):
    """Requirement key -> its best wins in the period (metric first, then newest)."""
    has_metric = case((Win.metric_name != "", 0), else_=1)
    query = (
        select(WinRequirement.requirement, Win.id, Win.win_date, Win.title, Win.impact)
        .add_columns(Win.metric_name, Win.metric_before, Win.metric_after, Win.metric_unit)
        .join(Win, Win.id == WinRequirement.win_id)
        .where(period.where(Win.win_date))
    )
    ranked = _ranked(query, WinRequirement.requirement, (has_metric, Win.win_date.desc(), Win.id))
    found = defaultdict(list)
    for row in session.execute(select(ranked).where(ranked.c.rank <= per)):
        metric = metric_text(row.metric_name, row.metric_before, row.metric_after, row.metric_unit)
        found[row.requirement].append(
            Evidence("win", row.id, row.win_date, row.title, win_detail(row.impact, metric))
        )
    return found


def feedback_by_skill(session: Session, period: Period, per: int = PER_SECTION):
    """Skill id -> the newest feedback about it in the period, with who gave it."""
    query = (
        select(FeedbackSkill.skill_id, FeedbackSkill.level, Feedback.id, Feedback.given_on)
        .add_columns(Feedback.quote, Feedback.giver_role, Contact.name)
        .join(Feedback, Feedback.id == FeedbackSkill.feedback_id)
        .outerjoin(Contact, Contact.id == Feedback.contact_id)
        .where(period.where(Feedback.given_on))
    )
    ranked = _ranked(query, FeedbackSkill.skill_id, (Feedback.given_on.desc(), Feedback.id))
    found = defaultdict(list)
    for row in session.execute(select(ranked).where(ranked.c.rank <= per)):
        level = f", saw level {row.level}" if row.level is not None else ""
        who = f"{row.name or 'someone'}, {row.giver_role}{level}"
        found[row.skill_id].append(Evidence("feedback", row.id, row.given_on, row.quote, who))
    return found


def training_by_skill(session: Session, period: Period, per: int = PER_SECTION):
    """Skill id -> the longest completed trainings that develop it in the period."""
    day = func.coalesce(TrainingSession.end_date, TrainingSession.start_date)
    query = (
        select(training_skills.c.skill_id, TrainingSession.id, TrainingSession.start_date)
        .add_columns(TrainingSession.title, TrainingSession.hours, TrainingSession.provider)
        .join(TrainingSession, TrainingSession.id == training_skills.c.training_id)
        .where(TrainingSession.status == "completed", period.where(day))
    )
    order = (TrainingSession.hours.desc(), TrainingSession.start_date.desc())
    ranked = _ranked(query, training_skills.c.skill_id, order)
    found = defaultdict(list)
    for row in session.execute(select(ranked).where(ranked.c.rank <= per)):
        detail = ", ".join(part for part in (f"{row.hours:g} h", row.provider) if part)
        found[row.skill_id].append(Evidence("training", row.id, row.start_date, row.title, detail))
    return found


# How much of an entry's text a line of evidence quotes.
EXCERPT = 160


def _excerpt(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= EXCERPT else line[: EXCERPT - 1].rstrip() + "…"


def _journal_skill_pairs():
    """(skill id, journal entry id) for each entry about a skill: written to the skill's
    prompt, or linked to a win, feedback, training or rating of that skill."""
    linked = [
        (win_skills.c.skill_id, win_skills.c.win_id, "win"),
        (FeedbackSkill.skill_id, FeedbackSkill.feedback_id, "feedback"),
        (training_skills.c.skill_id, training_skills.c.training_id, "training"),
        (SkillRating.skill_id, SkillRating.id, "rating"),
    ]
    parts = [
        select(skill_id.label("skill_id"), JournalLink.entry_id.label("entry_id")).join(
            JournalLink, and_(JournalLink.target_kind == kind, JournalLink.target_id == target)
        )
        for skill_id, target, kind in linked
    ]
    parts.append(
        select(Skill.id, JournalEntry.id).join(
            JournalEntry, and_(JournalEntry.prompt == Skill.prompt, Skill.prompt != literal(""))
        )
    )
    return union(*parts).subquery()


def journal_by_skill(session: Session, period: Period, per: int = PER_SECTION):
    """Skill id -> the newest journal entries about it in the period."""
    pairs = _journal_skill_pairs()
    query = (
        select(pairs.c.skill_id, JournalEntry.id, JournalEntry.entry_date)
        .add_columns(JournalEntry.title, JournalEntry.body)
        .join(JournalEntry, JournalEntry.id == pairs.c.entry_id)
        .where(period.where(JournalEntry.entry_date))
    )
    order = (JournalEntry.entry_date.desc(), JournalEntry.id.desc())
    ranked = _ranked(query, pairs.c.skill_id, order)
    found = defaultdict(list)
    for row in session.execute(select(ranked).where(ranked.c.rank <= per)):
        title = row.title.strip() or _excerpt(row.body)
        detail = _excerpt(row.body) if row.title.strip() else ""
        found[row.skill_id].append(Evidence("journal", row.id, row.entry_date, title, detail))
    return found


# Requirement key -> the experience column that counts toward it and how its value reads;
# years of experience count every role, by how long it lasted.
EXPERIENCE_COLUMNS = {
    "sprints_as_po": ("sprints", "{:g} sprints as PO"),
    "people_mentored": ("people_mentored", "{:g} people mentored"),
    "team_size": ("team_size", "a team of {:g}"),
    "products_owned": ("products_owned", "{:g} products owned"),
    "ceremonies_facilitated": ("ceremonies_facilitated", "{:g} ceremonies facilitated"),
}


def experience_by_requirement(session: Session, period: Period, per: int = PER_SECTION):
    """Requirement key -> the roles that count toward it and overlap the period, the
    largest contribution first (the longest roles, for years of experience)."""
    ends = func.coalesce(ExperienceEntry.end_date, period.until)
    overlapping = ExperienceEntry.start_date <= period.until
    if period.since is not None:
        overlapping = overlapping & (ends >= period.since)
    base = select(
        ExperienceEntry.id, ExperienceEntry.start_date, ExperienceEntry.end_date,
        ExperienceEntry.role, ExperienceEntry.organization,
    ).where(overlapping)  # fmt: skip
    found = {}
    days = func.julianday(ends) - func.julianday(ExperienceEntry.start_date)
    for key, column, words in [("years_experience", days, None)] + [
        (key, getattr(ExperienceEntry, name), words)
        for key, (name, words) in EXPERIENCE_COLUMNS.items()
    ]:
        rows = session.execute(
            base.add_columns(column.label("amount"))
            .where(column > 0)
            .order_by(column.desc(), ExperienceEntry.start_date.desc())
            .limit(per)
        )
        found[key] = [_role_evidence(row, words) for row in rows]
    return found


def mentoring_given(session: Session, period: Period, per: int = PER_SECTION) -> list[Evidence]:
    """The newest mentoring events you gave in the period, with whom: evidence for a
    stage's "people mentored" beside the roles."""
    people = func.group_concat(Contact.name, ", ")
    rows = session.execute(
        select(NetworkingEvent.id, NetworkingEvent.event_date, NetworkingEvent.title, people)
        .outerjoin(event_contacts, event_contacts.c.event_id == NetworkingEvent.id)
        .outerjoin(Contact, Contact.id == event_contacts.c.contact_id)
        .where(NetworkingEvent.mentoring == "gave", period.where(NetworkingEvent.event_date))
        .group_by(NetworkingEvent.id)
        .order_by(NetworkingEvent.event_date.desc(), NetworkingEvent.id.desc())
        .limit(per)
    )
    return [
        Evidence("event", id_, day, title, f"mentored {names}" if names else "mentoring given")
        for id_, day, title, names in rows
    ]


def _role_evidence(row, words: str | None) -> Evidence:
    title = f"{row.role}, {row.organization}" if row.organization else row.role
    span = f"{row.start_date} to {row.end_date or 'now'}"
    detail = span if words is None else f"{words.format(row.amount)}; {span}"
    return Evidence("experience", row.id, row.start_date, title, detail)


@dataclass(frozen=True)
class SkillCounts:
    wins: int = 0
    feedback: int = 0
    trainings: int = 0
    training_hours: float = 0.0


def counts_by_skill(session: Session, period: Period) -> dict[int, SkillCounts]:
    """Per skill: wins, feedback and completed trainings in the period (SQL counts)."""
    wins = dict(
        session.execute(
            select(win_skills.c.skill_id, func.count())
            .join(Win, Win.id == win_skills.c.win_id)
            .where(period.where(Win.win_date))
            .group_by(win_skills.c.skill_id)
        ).all()
    )
    given = dict(
        session.execute(
            select(FeedbackSkill.skill_id, func.count())
            .join(Feedback, Feedback.id == FeedbackSkill.feedback_id)
            .where(period.where(Feedback.given_on))
            .group_by(FeedbackSkill.skill_id)
        ).all()
    )
    day = func.coalesce(TrainingSession.end_date, TrainingSession.start_date)
    learned = {
        skill_id: (count, hours or 0.0)
        for skill_id, count, hours in session.execute(
            select(training_skills.c.skill_id, func.count(), func.sum(TrainingSession.hours))
            .join(TrainingSession, TrainingSession.id == training_skills.c.training_id)
            .where(TrainingSession.status == "completed", period.where(day))
            .group_by(training_skills.c.skill_id)
        )
    }
    return {
        skill_id: SkillCounts(
            wins.get(skill_id, 0), given.get(skill_id, 0), *learned.get(skill_id, (0, 0.0))
        )
        for skill_id in set(wins) | set(given) | set(learned)
    }


@dataclass(frozen=True)
class OthersView:
    """How others rate a skill: the mean of the levels in feedback and in peer and
    manager ratings, and how many there were."""

    average: float
    count: int


def others_levels(session: Session, period: Period) -> dict[int, OthersView]:
    """Skill id -> the others' view in the period (levels given in feedback, and skill
    ratings whose source is a peer or a manager)."""
    given = (
        select(FeedbackSkill.skill_id.label("skill_id"), FeedbackSkill.level.label("level"))
        .join(Feedback, Feedback.id == FeedbackSkill.feedback_id)
        .where(FeedbackSkill.level.is_not(None), period.where(Feedback.given_on))
    )
    rated = select(SkillRating.skill_id, SkillRating.level).where(
        SkillRating.source != "self", period.where(SkillRating.rated_on)
    )
    levels = given.union_all(rated).subquery()
    rows = session.execute(
        select(levels.c.skill_id, func.avg(levels.c.level), func.count()).group_by(
            levels.c.skill_id
        )
    )
    return {skill_id: OthersView(float(avg), count) for skill_id, avg, count in rows}


def self_levels(session: Session, as_of: date) -> dict[int, int]:
    """Each skill's latest self-rating on or before ``as_of``."""
    # One look-up per skill down its ratings index, newest first: numbering every
    # self-rating of the log to keep each skill's first took a quarter of a second at
    # 25,000 ratings, on each first visit of the Skills page.
    latest = (
        select(SkillRating.level)
        .where(
            SkillRating.skill_id == Skill.id,
            SkillRating.source == "self",
            SkillRating.rated_on <= as_of,
        )
        .order_by(SkillRating.rated_on.desc(), SkillRating.id.desc())
        .limit(1)
        .correlate(Skill)
        .scalar_subquery()
    )
    rows = session.execute(select(Skill.id, latest))
    return {skill_id: level for skill_id, level in rows if level is not None}
