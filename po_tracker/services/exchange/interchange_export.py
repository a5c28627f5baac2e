"""Writing the logbook as an interchange document (see ``docs/interchange.md``).

The order is canonical so that export, import into an empty logbook and export again
give the same document: each list is ordered by its date, then by id, and an import
inserts entries in that order, so new ids keep the same ties in the same order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import (
    CertificationRenewal,
    Credential,
    EventCredit,
    FeedbackSkill,
    JournalLink,
    Profile,
    Skill,
    Stage,
    Tag,
    TrainingCredit,
    WinRequirement,
    event_contacts,
    journal_entry_tags,
    training_skills,
    utc_now,
    win_contacts,
    win_skills,
)
from ...vocabulary import DEFAULT_WEIGHTS
from ..framework import document as framework_io
from ..logbook.log_kinds import BY_NAME
from .interchange_read import FORMAT, VERSION

TIMESTAMPS = ("created_at", "updated_at")
# The entry's own identity: carried so that it survives a move to another logbook, but,
# like the timestamps, not part of what makes two entries the same.
IDENTITY = "uuid"


@dataclass(frozen=True)
class ListSpec:
    kind: str  # the log kind (``log_kinds``), which names its list and its table
    order: str  # the date column that orders the list
    fields: tuple[str, ...]  # columns written as they are (dates as ISO text)
    slugs: tuple[tuple[str, str, str], ...] = ()  # (field, column, framework kind)
    refs: tuple[tuple[str, str, str], ...] = ()  # (field, column, list it points into)

    @property
    def key(self) -> str:
        """The list's name in the document."""
        return BY_NAME[self.kind].list_key

    @property
    def model(self) -> type:
        return BY_NAME[self.kind].model


SPECS = (
    ListSpec(
        "certification",
        "earned_on",
        ("custom_name", "issuer", "status", "earned_on", "expires_on", "credential_number")
        + ("verification_url", "cost_amount", "cost_currency", "attachment", "notes")
        + ("renewal_fee_amount", "renewal_fee_currency"),
        (("credential", "credential_id", "credential"),),
    ),
    ListSpec(
        "training",
        "start_date",
        ("title", "provider", "format", "start_date", "end_date", "hours", "cost_amount")
        + ("cost_currency", "status", "attachment", "notes"),
    ),
    ListSpec("contact", "created_at", ("name", "organization", "role", "notes")),
    ListSpec(
        "event",
        "event_date",
        ("title", "event_type", "event_date", "location", "online", "hours", "takeaways")
        + ("follow_up_on", "follow_up_done", "notes", "mentoring"),
    ),
    ListSpec(
        "rating",
        "rated_on",
        ("level", "rated_on", "source", "note"),
        (("skill", "skill_id", "skill"),),
    ),
    ListSpec(
        "experience",
        "start_date",
        ("role", "organization", "start_date", "end_date", "sprints", "products_owned")
        + ("team_size", "ceremonies_facilitated", "people_mentored", "notes"),
    ),
    ListSpec("journal", "entry_date", ("entry_date", "title", "body", "prompt")),
    ListSpec(
        "goal",
        "target_date",
        ("text", "target_date", "status", "requirement", "notes"),
        (("skill", "skill_id", "skill"), ("credential", "credential_id", "credential")),
    ),
    # Version 3: the evidence for a promotion case.
    ListSpec(
        "win",
        "win_date",
        ("title", "win_date", "description", "impact", "metric_name", "metric_before")
        + ("metric_after", "metric_unit", "attachment", "notes"),
    ),
    ListSpec(
        "feedback",
        "given_on",
        ("quote", "giver_role", "given_on", "notes"),
        refs=(("contact", "contact_id", "contacts"),),
    ),
)
LIST_OF_KIND = {spec.kind: spec.key for spec in SPECS}
FRAMEWORK_MODELS = {"skill": Skill, "credential": Credential, "stage": Stage}


@dataclass
class Entries:
    """Every logged entry in document form; ``ids[key][i]`` is the row id of
    ``lists[key][i]``."""

    lists: dict[str, list[dict]]
    ids: dict[str, list[int]]


def plain(value):
    """A column value as the document holds it. Whole floats are written as integers,
    so that 20 hours read 20, as typed, and compare equal after a round trip."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime):
        return stamp(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def stamp(value: datetime) -> str:
    return value.isoformat() + "Z"


def export_document(session: Session, *, now: datetime | None = None) -> dict:
    """The whole logbook as an interchange document (a dict ready for ``json.dump``)."""
    document = {"format": FORMAT, "version": VERSION, "exported_at": stamp(now or utc_now())}
    document["framework"] = framework_io.export_document(session)
    document["profile"] = export_profile(session)
    document.update(export_entries(session).lists)
    return document


def export_profile(session: Session) -> dict:
    row = session.get(Profile, 1)
    slugs = dict(session.execute(select(Stage.id, Stage.slug)).all())
    if row is None:
        return {
            "current_stage": None,
            "target_stage": None,
            "weights": {k: plain(v) for k, v in DEFAULT_WEIGHTS.items()},
        }
    return {
        "current_stage": slugs.get(row.current_stage_id),
        "target_stage": slugs.get(row.target_stage_id),
        "weights": {name: plain(getattr(row, f"weight_{name}")) for name in DEFAULT_WEIGHTS},
    }


def framework_slugs(session: Session) -> dict[str, dict[int, str]]:
    """Row id to slug for each kind of framework item, retired ones included."""
    return {
        kind: dict(session.execute(select(model.id, model.slug)).all())
        for kind, model in FRAMEWORK_MODELS.items()
    }


def export_entries(session: Session) -> Entries:
    rows = {spec.key: _rows(session, spec) for spec in SPECS}
    ids = {key: [row.id for row in found] for key, found in rows.items()}
    refs = {key: {row_id: i + 1 for i, row_id in enumerate(found)} for key, found in ids.items()}
    slugs = framework_slugs(session)
    lists = {}
    for spec in SPECS:
        lists[spec.key] = [
            _entry(spec, i + 1, row, slugs, refs) for i, row in enumerate(rows[spec.key])
        ]
    _add_renewals(session, lists["certifications"], refs["certifications"])
    _add_training_links(session, lists["trainings"], refs["trainings"], slugs)
    _add_event_links(session, lists["events"], refs, slugs)
    _add_journal_links(session, lists["journal"], refs)
    _add_win_links(session, lists["wins"], refs, slugs)
    _add_feedback_skills(session, lists["feedback"], refs["feedback"], slugs)
    return Entries(lists, ids)


def _rows(session: Session, spec: ListSpec) -> list:
    table = spec.model.__table__
    query = select(table).order_by(table.c[spec.order].asc().nulls_last(), table.c.id)
    return list(session.execute(query))


def _entry(spec: ListSpec, ref: int, row, slugs, refs) -> dict:
    mapping = row._mapping
    entry: dict = {"ref": ref, IDENTITY: mapping[IDENTITY]}
    for field, column, kind in spec.slugs:
        entry[field] = slugs[kind].get(mapping[column])
    for field, column, key in spec.refs:
        entry[field] = refs[key].get(mapping[column])
    for field in spec.fields:
        entry[field] = plain(mapping[field])
    if spec.key == "certifications":
        entry["renewals"] = []
    if spec.key in ("trainings", "events"):
        entry["credits"] = []
    if spec.key == "trainings":
        entry["skills"] = []
    if spec.key == "events":
        entry["contacts"] = []
    if spec.key == "journal":
        entry["tags"] = []
        entry["links"] = []
    if spec.key == "wins":
        entry.update(skills=[], requirements=[], contacts=[])
    if spec.key == "feedback":
        entry["skills"] = []
    for field in TIMESTAMPS:
        entry[field] = plain(mapping[field])
    return entry


def _credit_claims(session: Session, table, owner: str, slugs) -> dict[int, list[dict]]:
    claims = defaultdict(list)
    for row in session.execute(select(table)):
        claims[row._mapping[owner]].append(
            {
                "credential": slugs["credential"][row.credential_id],
                "credits": plain(row.credits),
                "excluded": bool(row.excluded),
            }
        )
    return claims


RENEWAL_FIELDS = (
    "renewed_on",
    "previous_expires_on",
    "expires_on",
    "credits_used",
    "fee_amount",
    "fee_currency",
    "notes",
)


def _add_renewals(session: Session, entries: list[dict], refs) -> None:
    """A certification's renewal history, oldest first, inside its entry."""
    table = CertificationRenewal.__table__
    rows = session.execute(select(table).order_by(table.c.renewed_on, table.c.id))
    for row in rows:
        ref = refs.get(row.certification_id)
        if ref is not None:
            entries[ref - 1]["renewals"].append(
                {field: plain(row._mapping[field]) for field in RENEWAL_FIELDS}
            )


def _add_training_links(session: Session, entries: list[dict], refs, slugs) -> None:
    claims = _credit_claims(session, TrainingCredit.__table__, "training_id", slugs)
    skills = defaultdict(list)
    for training_id, skill_id in session.execute(select(training_skills)):
        skills[training_id].append(slugs["skill"][skill_id])
    for row_id, ref in refs.items():
        entries[ref - 1]["skills"] = sorted(skills.get(row_id, ()))
        entries[ref - 1]["credits"] = sorted(claims.get(row_id, ()), key=lambda c: c["credential"])


def _add_event_links(session: Session, entries: list[dict], refs, slugs) -> None:
    claims = _credit_claims(session, EventCredit.__table__, "event_id", slugs)
    met = defaultdict(list)
    for event_id, contact_id in session.execute(select(event_contacts)):
        met[event_id].append(refs["contacts"][contact_id])
    for row_id, ref in refs["events"].items():
        entries[ref - 1]["contacts"] = sorted(met.get(row_id, ()))
        entries[ref - 1]["credits"] = sorted(claims.get(row_id, ()), key=lambda c: c["credential"])


def _add_journal_links(session: Session, entries: list[dict], refs) -> None:
    own = refs["journal"]
    tags = session.execute(
        select(journal_entry_tags.c.entry_id, Tag.name).join(
            Tag, Tag.id == journal_entry_tags.c.tag_id
        )
    )
    for entry_id, name in tags:
        entries[own[entry_id] - 1]["tags"].append(name)
    for entry in entries:
        entry["tags"].sort()
    links = session.execute(select(JournalLink.__table__).order_by(JournalLink.id))
    for link in links:
        # A link whose target is gone has nothing to point at in the document.
        target = refs[LIST_OF_KIND[link.target_kind]].get(link.target_id)
        if target is not None and link.entry_id in own:
            entries[own[link.entry_id] - 1]["links"].append(
                {"kind": link.target_kind, "ref": target}
            )


def _add_win_links(session: Session, entries: list[dict], refs, slugs) -> None:
    own = refs["wins"]
    for win_id, skill_id in session.execute(select(win_skills)):
        entries[own[win_id] - 1]["skills"].append(slugs["skill"][skill_id])
    for win_id, contact_id in session.execute(select(win_contacts)):
        entries[own[win_id] - 1]["contacts"].append(refs["contacts"][contact_id])
    requirements = select(WinRequirement.win_id, WinRequirement.requirement)
    for win_id, requirement in session.execute(requirements):
        entries[own[win_id] - 1]["requirements"].append(requirement)
    for entry in entries:
        for key in ("skills", "contacts", "requirements"):
            entry[key].sort()


def _add_feedback_skills(session: Session, entries: list[dict], own, slugs) -> None:
    table = FeedbackSkill.__table__
    for feedback_id, skill_id, level in session.execute(
        select(table.c.feedback_id, table.c.skill_id, table.c.level)
    ):
        entries[own[feedback_id] - 1]["skills"].append(
            {"skill": slugs["skill"][skill_id], "level": level}
        )
    for entry in entries:
        entry["skills"].sort(key=lambda item: item["skill"])
