"""Which entries a log's table shows, in which order, as a list of ids. A table of any
length asks SQL for its order and filter here, then fetches only the rows on screen
through the service's ``get_many``: no full-table load on the way to the screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Date, Integer, bindparam, func, select, text
from sqlalchemy.orm import Session

from ...models import (
    Certification,
    Contact,
    Credential,
    ExperienceEntry,
    Feedback,
    FeedbackSkill,
    Goal,
    JournalEntry,
    NetworkingEvent,
    Skill,
    SkillRating,
    Tag,
    TrainingSession,
    Win,
    event_contacts,
    journal_entry_tags,
    training_skills,
    win_skills,
)
from ..errors import ValidationError
from ..framework import lookup
from ..search.full_text import KIND_CODES, match_expression
from .crud import in_order

CODE_OF_KIND = {kind: code for code, kind in KIND_CODES.items()}
Condition = Callable[[date, str], object]  # (today, argument) -> SQL condition


@dataclass(frozen=True)
class TableSpec:
    model: type
    sorts: dict[str, object]
    default_sort: tuple[str, bool]  # (key, descending)
    filters: dict[str, Condition] = field(default_factory=dict)


def _names(table, key_column, name_column, join_table, join_key, owner_id):
    """The names linked to a row, joined, for sorting by a many-to-many column."""
    return (
        select(func.group_concat(name_column, ", "))
        .select_from(join_table.join(table, table.c.id == key_column))
        .where(join_key == owner_id)
        .scalar_subquery()
    )


def _certification_name():
    catalog = select(Credential.name).where(Credential.id == Certification.credential_id)
    return func.lower(func.coalesce(Certification.custom_name, catalog.scalar_subquery()))


def _certification_expiry():
    months = (
        select(Credential.validity_months)
        .where(Credential.id == Certification.credential_id)
        .scalar_subquery()
    )
    cycle = func.date(Certification.earned_on, "+" + func.cast(months, Integer) + " months")
    return func.coalesce(Certification.expires_on, cycle)


def _with_metric(_today: date, _argument: str):
    return Win.metric_name != ""


def _feedback_with_levels(_today: date, _argument: str):
    levelled = select(FeedbackSkill.feedback_id).where(FeedbackSkill.level.is_not(None))
    return Feedback.id.in_(levelled)


def _overdue(today: date, _argument: str):
    return (Goal.target_date < today) & Goal.status.in_(("open", "in-progress"))


SPECS: dict[str, TableSpec] = {
    "certification": TableSpec(
        Certification,
        {
            "name": _certification_name(),
            "status": Certification.status,
            "earned": Certification.earned_on,
            "expires": _certification_expiry(),
            "issuer": func.lower(Certification.issuer),
            "number": Certification.credential_number,
        },
        ("earned", True),
        {
            "earned": lambda t, a: Certification.status == "earned",
            "planned": lambda t, a: Certification.status.in_(("planned", "in-progress")),
            "expired": lambda t, a: Certification.status == "expired",
        },
    ),
    "training": TableSpec(
        TrainingSession,
        {
            "date": TrainingSession.start_date,
            "title": func.lower(TrainingSession.title),
            "format": TrainingSession.format,
            "hours": TrainingSession.hours,
            "provider": func.lower(TrainingSession.provider),
            "status": TrainingSession.status,
            "skills": _names(
                Skill.__table__,
                training_skills.c.skill_id,
                Skill.name,
                training_skills,
                training_skills.c.training_id,
                TrainingSession.id,
            ),
        },
        ("date", True),
        {
            "last-12-months": lambda t, a: TrainingSession.start_date > t - timedelta(days=365),
            "completed": lambda t, a: TrainingSession.status == "completed",
            "not-completed": lambda t, a: TrainingSession.status != "completed",
        },
    ),
    "event": TableSpec(
        NetworkingEvent,
        {
            "date": NetworkingEvent.event_date,
            "title": func.lower(NetworkingEvent.title),
            "type": NetworkingEvent.event_type,
            "hours": NetworkingEvent.hours,
            "people": _names(
                Contact.__table__,
                event_contacts.c.contact_id,
                Contact.name,
                event_contacts,
                event_contacts.c.event_id,
                NetworkingEvent.id,
            ),
            "follow-up": NetworkingEvent.follow_up_on,
        },
        ("date", True),
        {
            "follow-up-due": lambda t, a: (
                (NetworkingEvent.follow_up_on <= t) & NetworkingEvent.follow_up_done.is_(False)
            ),
            "type": lambda t, a: NetworkingEvent.event_type == a,
        },
    ),
    "contact": TableSpec(
        Contact,
        {
            "name": func.lower(Contact.name),
            "organization": func.lower(Contact.organization),
            "role": func.lower(Contact.role),
            "events": select(func.count())
            .where(event_contacts.c.contact_id == Contact.id)
            .scalar_subquery(),
            "last-met": select(func.max(NetworkingEvent.event_date))
            .join(event_contacts, event_contacts.c.event_id == NetworkingEvent.id)
            .where(event_contacts.c.contact_id == Contact.id)
            .scalar_subquery(),
        },
        ("name", False),
    ),
    "rating": TableSpec(
        SkillRating,
        {
            "date": SkillRating.rated_on,
            "skill": select(Skill.name).where(Skill.id == SkillRating.skill_id).scalar_subquery(),
            "level": SkillRating.level,
            "source": SkillRating.source,
            "note": func.lower(SkillRating.note),
        },
        ("date", True),
    ),
    "experience": TableSpec(
        ExperienceEntry,
        {
            "start": ExperienceEntry.start_date,
            "end": func.coalesce(ExperienceEntry.end_date, "9999-12-31"),
            "role": func.lower(ExperienceEntry.role),
            "organization": func.lower(ExperienceEntry.organization),
            "sprints": ExperienceEntry.sprints,
            "team": ExperienceEntry.team_size,
            "mentored": ExperienceEntry.people_mentored,
        },
        ("start", True),
        {"ongoing": lambda t, a: ExperienceEntry.end_date.is_(None)},
    ),
    "goal": TableSpec(
        Goal,
        {
            "due": func.coalesce(Goal.target_date, "9999-12-31"),
            "text": func.lower(Goal.text),
            "status": Goal.status,
            "serves": func.coalesce(Goal.requirement, Goal.skill_id, Goal.credential_id),
        },
        ("due", False),
        {"open": lambda t, a: Goal.status.in_(("open", "in-progress")), "overdue": _overdue},
    ),
    "win": TableSpec(
        Win,
        {
            "date": Win.win_date,
            "title": func.lower(Win.title),
            "impact": func.lower(Win.impact),
            "metric": func.lower(Win.metric_name),
            "skills": _names(
                Skill.__table__,
                win_skills.c.skill_id,
                Skill.name,
                win_skills,
                win_skills.c.win_id,
                Win.id,
            ),  # fmt: skip
        },
        ("date", True),
        {
            "last-12-months": lambda t, a: Win.win_date > t - timedelta(days=365),
            "with-metric": _with_metric,
        },
    ),
    "feedback": TableSpec(
        Feedback,
        {
            "date": Feedback.given_on,
            "quote": func.lower(Feedback.quote),
            "from": select(func.lower(Contact.name))
            .where(Contact.id == Feedback.contact_id)
            .scalar_subquery(),
            "role": Feedback.giver_role,
            "skills": _names(
                Skill.__table__,
                FeedbackSkill.__table__.c.skill_id,
                Skill.name,
                FeedbackSkill.__table__,
                FeedbackSkill.__table__.c.feedback_id,
                Feedback.id,
            ),  # fmt: skip
        },
        ("date", True),
        {
            "role": lambda t, a: Feedback.giver_role == a,
            "with-levels": _feedback_with_levels,
            "last-12-months": lambda t, a: Feedback.given_on > t - timedelta(days=365),
        },
    ),
    "journal": TableSpec(
        JournalEntry,
        {"date": JournalEntry.entry_date, "title": func.lower(JournalEntry.title)},
        ("date", True),
        {
            "tag": lambda t, a: JournalEntry.id.in_(
                select(journal_entry_tags.c.entry_id)
                .join(Tag, Tag.id == journal_entry_tags.c.tag_id)
                .where(Tag.name == a.lstrip("#").lower())
            )
        },
    ),
}


@dataclass(frozen=True)
class TableQuery:
    """What the user asked of a table: order, filter (a key such as ``completed`` or
    ``type:meetup``) and words to find."""

    kind: str
    sort: str | None = None
    descending: bool = False
    filter: str | None = None
    text: str = ""
    skill: str | None = None  # ratings of one skill

    @property
    def narrowed(self) -> bool:
        """True when the filter, the words or the skill may leave entries out."""
        return bool(self.filter or self.text.strip() or self.skill)


def entry_ids(session: Session, query: TableQuery, today: date | None = None) -> list[int]:
    spec = SPECS[query.kind]
    model = spec.model
    statement = select(model.id)
    if query.filter:
        name, _, argument = query.filter.partition(":")
        if name not in spec.filters:
            raise ValidationError.single("filter", f"unknown filter {query.filter!r}")
        statement = statement.where(spec.filters[name](today or date.today(), argument))
    if query.skill is not None:
        statement = statement.where(SkillRating.skill_id == lookup.skill_id(session, query.skill))
    expression = match_expression(query.text)
    if expression:
        # The full-text index answers "which entries of this kind hold these words".
        found = (
            text(
                "SELECT rowid / 16 AS id FROM search_index"
                " WHERE search_index MATCH :q AND rowid % 16 = :code"
            )
            .bindparams(q=expression, code=CODE_OF_KIND[query.kind])
            .columns(id=Integer)
        )
        statement = statement.where(model.id.in_(select(found.subquery().c.id)))
    sort, descending = (query.sort, query.descending) if query.sort else spec.default_sort
    if sort not in spec.sorts:
        raise ValidationError.single("sort", f"cannot sort {query.kind} by {sort!r}")
    key = spec.sorts[sort]
    order = (key.desc(), model.id.desc()) if descending else (key.asc(), model.id.asc())
    return _first_column(session, statement.order_by(*order))


def _first_column(session: Session, statement) -> list:
    """The first column of every row, read from the driver's cursor: no ORM objects, and
    no SQLAlchemy row either (35,000 journal ids: 9 ms, against 20 ms through
    ``scalars()`` and 48 ms through ``scalars().all()``)."""
    result = session.connection().execute(statement)
    try:
        return [value for (value,) in result.cursor]
    finally:
        result.close()


def entry_count(session: Session, kind: str) -> int:
    return session.connection().scalar(select(func.count()).select_from(SPECS[kind].model)) or 0


def tags(session: Session) -> list[str]:
    """Every tag in use, for the journal's tag filter."""
    # EXISTS looks each tag up in the links' tag index; IN read every link (4 ms at 70,000).
    in_use = select(journal_entry_tags.c.tag_id).where(journal_entry_tags.c.tag_id == Tag.id)
    return _first_column(session, select(Tag.name).where(in_use.exists()).order_by(Tag.name))


@dataclass(frozen=True)
class JournalLine:
    """What the journal's list shows of an entry."""

    id: int
    entry_date: date
    title: str
    text: str  # the body, read only when there is no title to head the line
    tags: tuple[str, ...]
    prompt: str


# Plain SQL: compiling the same query built from the models cost 4 ms on the journal's
# first paint, and every screen of lines then took three times as long.
_JOURNAL_LINES = (
    text(
        "SELECT id, entry_date, title, CASE WHEN title = '' THEN body ELSE '' END AS text,"
        " prompt FROM journal_entries WHERE id IN :ids"
    )
    .bindparams(bindparam("ids", expanding=True))
    .columns(entry_date=Date)
)
# Each entry's tags in the order they have everywhere (by name).
_JOURNAL_LINE_TAGS = text(
    "SELECT links.entry_id, tags.name FROM journal_entry_tags AS links"
    " JOIN tags ON tags.id = links.tag_id WHERE links.entry_id IN :ids ORDER BY tags.name"
).bindparams(bindparam("ids", expanding=True))


def journal_lines(session: Session, ids: list[int]) -> list[JournalLine]:
    """The journal list's lines for these ids, in the order given (missing ones left out):
    a few columns, where whole entries (bodies, links, ORM objects) took 4 ms for the
    fifty lines of a screen."""
    if not ids:
        return []
    connection = session.connection()
    names: dict[int, list[str]] = {entry_id: [] for entry_id in ids}
    for entry_id, name in connection.execute(_JOURNAL_LINE_TAGS, {"ids": ids}):
        names[entry_id].append(name)
    lines = [
        JournalLine(entry_id, day, title, body, tuple(names[entry_id]), prompt)
        for entry_id, day, title, body, prompt in connection.execute(_JOURNAL_LINES, {"ids": ids})
    ]
    return in_order(lines, ids)
