"""Writing a validated document into the logbook: framework, profile, then every new
entry with bulk inserts (one executemany per table and batch of entries; the search index
follows by its triggers). Runs only after every check passed, inside the caller's transaction."""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache

from sqlalchemy import Date, func, insert, select
from sqlalchemy.orm import Session

from ...models import (
    CertificationRenewal,
    EventCredit,
    FeedbackSkill,
    JournalLink,
    Profile,
    Tag,
    TrainingCredit,
    WinRequirement,
    event_contacts,
    journal_entry_tags,
    new_uuid,
    training_skills,
    utc_now,
    win_contacts,
    win_skills,
)
from ..framework import document as framework_io
from .interchange_export import (
    FRAMEWORK_MODELS,
    IDENTITY,
    LIST_OF_KIND,
    SPECS,
    TIMESTAMPS,
    ListSpec,
)
from .interchange_staging import BATCH, Column


def apply(session: Session, cleaned) -> None:
    """Write the document's new entries (those ``match`` gave a new row id), a batch at a
    time: first every list's own rows, so that the links between them find their rows."""
    if cleaned.framework is not None:
        framework_io.load_document(session, cleaned.framework)
    slugs = {
        kind: dict(session.execute(select(model.slug, model.id)).all())
        for kind, model in FRAMEWORK_MODELS.items()
    }
    if cleaned.profile is not None:
        _apply_profile(session, cleaned.profile, slugs["stage"])
    document = cleaned.document
    ids = {spec.key: Column(document, "ids", "row_id", spec.key) for spec in SPECS}
    now = utc_now()
    for spec in SPECS:
        taken = _taken_identities(session, spec)
        for batch in _added(document, spec.key):
            rows = [_row(spec, entry, ids, slugs, now) for entry in batch]
            _keep_identities_unique(rows, taken)
            _insert(session, spec.model.__table__, rows)
    for spec in SPECS:
        write = _LINKS.get(spec.key)
        for batch in _added(document, spec.key) if write else ():
            write(session, batch, ids, slugs)


def _added(document, key: str):
    """The entries of one list to add, in file order, in batches."""
    batch = []
    for (body,) in document.rows(
        "SELECT c.body FROM clean AS c JOIN ids AS i ON i.list = c.list AND i.ref = c.ref"
        " WHERE c.list = ? AND i.new = 1 ORDER BY c.position",
        key,
    ):
        batch.append(json.loads(body))
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(session: Session, table, rows: list[dict]) -> None:
    if rows:
        session.execute(insert(table), rows)


def _apply_profile(session: Session, profile: dict, stage_ids: dict[str, int]) -> None:
    row = session.get(Profile, 1)
    if row is None:
        row = Profile(id=1)
        session.add(row)
    # A stage the document leaves empty keeps the logbook's choice.
    if profile["current_stage"] is not None:
        row.current_stage_id = stage_ids[profile["current_stage"]]
    if profile["target_stage"] is not None:
        row.target_stage_id = stage_ids[profile["target_stage"]]
    for name, value in profile["weights"].items():
        setattr(row, f"weight_{name}", value)
    session.flush()


@cache
def _date_fields(spec: ListSpec) -> frozenset[str]:
    return frozenset(c.name for c in spec.model.__table__.c if isinstance(c.type, Date))


def _row(spec: ListSpec, entry: dict, ids, slugs, now: datetime) -> dict:
    row = {"id": ids[spec.key][entry["ref"]]}
    for field, column, kind in spec.slugs:
        row[column] = slugs[kind][entry[field]] if entry[field] is not None else None
    for field, column, key in spec.refs:
        row[column] = ids[key][entry[field]] if entry[field] is not None else None
    dates = _date_fields(spec)
    for field in spec.fields:
        value = entry[field]
        row[field] = date.fromisoformat(value) if field in dates and value else value
    for field in TIMESTAMPS:
        value = entry[field]
        row[field] = datetime.fromisoformat(value.removesuffix("Z")) if value else now
    row[IDENTITY] = entry[IDENTITY]
    return row


def _taken_identities(session: Session, spec: ListSpec) -> set[str]:
    column = spec.model.__table__.c[IDENTITY]
    return set(session.scalars(select(column).where(column.is_not(None))))


def _keep_identities_unique(rows: list[dict], taken: set[str]) -> None:
    """An added entry keeps the file's uuid unless the logbook already gives it to
    another entry (an entry edited since that export is added as a new one): then, and
    when the file has none, it gets a new one."""
    for row in rows:
        if row[IDENTITY] is None or row[IDENTITY] in taken:
            row[IDENTITY] = new_uuid()
        taken.add(row[IDENTITY])


def _claims(entries, ids: dict[int, int], owner: str, slugs) -> list[dict]:
    return [
        {
            owner: ids[entry["ref"]],
            "credential_id": slugs["credential"][claim["credential"]],
            "credits": claim["credits"],
            "excluded": claim["excluded"],
        }
        for entry in entries
        for claim in entry["credits"]
    ]


def _insert_renewals(session: Session, entries, ids, _slugs) -> None:
    own = ids["certifications"]
    now = utc_now()
    rows = [
        {
            "certification_id": own[entry["ref"]],
            **{
                key: date.fromisoformat(value) if key.endswith("_on") and value else value
                for key, value in renewal.items()
            },
            "created_at": now,
            "updated_at": now,
        }
        for entry in entries
        for renewal in entry["renewals"]
    ]
    _insert(session, CertificationRenewal.__table__, rows)


def _insert_trainings(session: Session, entries, ids, slugs) -> None:
    own = ids["trainings"]
    skills = [
        {"training_id": own[e["ref"]], "skill_id": slugs["skill"][slug]}
        for e in entries
        for slug in e["skills"]
    ]
    _insert(session, training_skills, skills)
    _insert(session, TrainingCredit.__table__, _claims(entries, own, "training_id", slugs))


def _insert_events(session: Session, entries, ids, slugs) -> None:
    own = ids["events"]
    met = [
        {"event_id": own[e["ref"]], "contact_id": ids["contacts"][ref]}
        for e in entries
        for ref in e["contacts"]
    ]
    _insert(session, event_contacts, met)
    _insert(session, EventCredit.__table__, _claims(entries, own, "event_id", slugs))


def _insert_journal(session: Session, entries, ids, _slugs) -> None:
    own = ids["journal"]
    names = sorted({t for e in entries for t in e["tags"]})
    tag_ids = {}
    for start in range(0, len(names), 500):  # SQLite takes so many values in one query
        chosen = names[start : start + 500]
        tag_ids.update(session.execute(select(Tag.name, Tag.id).where(Tag.name.in_(chosen))).all())
    new = [name for name in names if name not in tag_ids]
    next_id = (session.scalar(select(func.max(Tag.id))) or 0) + 1
    tag_ids.update({name: next_id + i for i, name in enumerate(new)})
    _insert(session, Tag.__table__, [{"id": tag_ids[name], "name": name} for name in new])
    tags = [{"entry_id": own[e["ref"]], "tag_id": tag_ids[t]} for e in entries for t in e["tags"]]
    _insert(session, journal_entry_tags, tags)
    links = [
        {
            "entry_id": own[e["ref"]],
            "target_kind": link["kind"],
            "target_id": ids[LIST_OF_KIND[link["kind"]]][link["ref"]],
        }
        for e in entries
        for link in e["links"]
    ]
    _insert(session, JournalLink.__table__, links)


def _insert_wins(session: Session, entries, ids, slugs) -> None:
    own, skill = ids["wins"], slugs["skill"]
    skills = [
        {"win_id": own[e["ref"]], "skill_id": skill[slug]} for e in entries for slug in e["skills"]
    ]
    _insert(session, win_skills, skills)
    requirements = [
        {"win_id": own[e["ref"]], "requirement": r} for e in entries for r in e["requirements"]
    ]
    _insert(session, WinRequirement.__table__, requirements)
    met = [
        {"win_id": own[e["ref"]], "contact_id": ids["contacts"][ref]}
        for e in entries
        for ref in e["contacts"]
    ]
    _insert(session, win_contacts, met)


def _insert_feedback(session: Session, entries, ids, slugs) -> None:
    own, skill = ids["feedback"], slugs["skill"]
    rows = [
        {"feedback_id": own[e["ref"]], "skill_id": skill[item["skill"]], "level": item["level"]}
        for e in entries
        for item in e["skills"]
    ]
    _insert(session, FeedbackSkill.__table__, rows)


# What each list adds beside its own rows, once every list's own rows are in.
_LINKS = {
    "certifications": _insert_renewals,
    "trainings": _insert_trainings,
    "events": _insert_events,
    "journal": _insert_journal,
    "wins": _insert_wins,
    "feedback": _insert_feedback,
}
