"""The career framework as a standalone JSON document: the shipped default, a company's
own ladder, or the framework part of a full export.

Loading a document makes it the framework: items are matched by slug and updated, new
ones added, and items the document lacks are deleted, unless a logged entry still
points at them, in which case they are retired (hidden, kept for history). So loading a
framework never deletes a logged entry.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from ...models import (
    Credential,
    RenewalGroup,
    Skill,
    Stage,
    StageCredentialGroup,
    StageCredentialGroupMember,
    StageMove,
    StageSkillTarget,
)
from ...resources import resource_path
from ..errors import FieldError, ValidationError
from ..exchange.interchange_schema import check_framework_schema
from ..storage.json_files import read_json_file
from .levels import store_descriptions, stored_descriptions
from .usage import referenced_ids

FORMAT = "po-tracker-framework"
# 2 added renewal groups and four renewal fields of a credential; 3 a credential's
# renewal_lead_days. Earlier files still load (a version 1 file's credentials then
# belong to no group; a credential without a lead time keeps the one it had).
VERSION = 3
SCALARS = (
    "years_experience",
    "sprints_as_po",
    "people_mentored",
    "training_hours_12m",
    "events_12m",
    "team_size",
    "products_owned",
    "ceremonies_facilitated",
)
SKILL_FIELDS = ("name", "description", "prompt")
CREDENTIAL_FIELDS = (
    "name",
    "full_name",
    "body",
    "validity_months",
    "credits_needed",
    "credit_unit",
    "grace_days",
    "fee_amount",
    "fee_currency",
    "track",
    "track_rank",
    "renewal_group",
    "addon_credits",
    "renewable_days",
    "ends_day_before",
    "renewal_lead_days",
    "notes",
)
GROUP_FIELDS = ("name", "body", "renews", "pooled", "notes")
STAGE_FIELDS = ("name", "path", "description", "source")


def default_document() -> dict:
    return json.loads(resource_path("framework", "default.json").read_text(encoding="utf-8"))


def read_document(path: Path) -> dict:
    """A framework file, checked whole before anything is loaded."""
    # framework > stages > [i] > requirements > required_certifications > [group]: 6.
    document = read_json_file(path, "framework file", max_depth=7)
    validate_document(document)
    return document


def validate_document(document) -> None:
    """Structure by the JSON Schema, then what a schema cannot say: unique slugs and
    names, and that every reference names something the document defines."""
    check_framework_schema(document)
    errors: list[FieldError] = []
    slugs = {}
    for kind in ("skills", "credentials", "stages"):
        for key in ("slug", "name"):
            seen = set()
            for item in document[kind]:
                value = item[key] if key == "slug" else item[key].strip().lower()
                if value in seen:
                    errors.append(FieldError(kind, f"{key} {item[key]!r} appears twice"))
                seen.add(value)
        slugs[kind] = {item["slug"] for item in document[kind]}
    for stage in document["stages"]:
        where = f"stages[{stage['slug']!r}]"
        requirements = stage["requirements"]
        for skill in requirements.get("skills", {}):
            if skill not in slugs["skills"]:
                errors.append(FieldError(where, f"requires unknown skill {skill!r}"))
        for key in ("required_certifications", "recommended_certifications"):
            for group in requirements.get(key, []):
                for slug in group:
                    if slug not in slugs["credentials"]:
                        errors.append(FieldError(where, f"names unknown credential {slug!r}"))
    groups = {item["slug"] for item in document.get("renewal_groups", [])}
    for credential in document["credentials"]:
        group = credential.get("renewal_group")
        if group is not None and group not in groups:
            where = f"credentials[{credential['slug']!r}]"
            errors.append(FieldError(where, f"names unknown renewal group {group!r}"))
    for move in document["moves"]:
        for end in ("from", "to"):
            if move[end] not in slugs["stages"]:
                errors.append(FieldError("moves", f"move {end} unknown stage {move[end]!r}"))
        if move["from"] == move["to"]:
            errors.append(FieldError("moves", f"a move from {move['from']!r} to itself"))
    if errors:
        raise ValidationError(errors[:10])


def _upsert(session: Session, model, items: list[dict], fields: tuple[str, ...], kind: str):
    existing = {row.slug: row for row in session.scalars(select(model))}
    keep = set()
    for position, item in enumerate(items):
        row = existing.get(item["slug"])
        if row is None:
            row = model(slug=item["slug"])
            session.add(row)
            existing[item["slug"]] = row
        for field in fields:
            if field in item:
                setattr(row, field, item[field])
        row.position = position
        row.retired = bool(item.get("retired", False))
        keep.add(item["slug"])
    session.flush()
    in_use = referenced_ids(session, kind)
    for slug, row in existing.items():
        if slug not in keep:
            if row.id in in_use:
                row.retired = True
            else:
                session.delete(row)
    session.flush()
    return {slug: row for slug, row in existing.items() if slug in keep}


def _rename_apart(session: Session, model, items: list[dict]) -> None:
    """Give rows whose name moves to another slug a temporary name first, so that a
    document swapping two names does not trip the unique constraint midway."""
    wanted = {item["name"].strip().lower(): item["slug"] for item in items}
    for row in session.scalars(select(model)):
        owner = wanted.get(row.name.strip().lower())
        if owner is not None and owner != row.slug:
            row.name = f"{row.name} ({row.slug}, renamed)"
    session.flush()


def load_document(session: Session, document: dict) -> None:
    validate_document(document)
    for model, key in ((Skill, "skills"), (Credential, "credentials"), (Stage, "stages")):
        _rename_apart(session, model, document[key])
    _rename_apart(session, RenewalGroup, document.get("renewal_groups", []))
    _upsert(session, RenewalGroup, document.get("renewal_groups", []), GROUP_FIELDS, "group")
    skills = _upsert(session, Skill, document["skills"], SKILL_FIELDS, "skill")
    described = {s["slug"]: s["levels"] for s in document["skills"] if "levels" in s}
    store_descriptions(session, described)
    credentials = _upsert(
        session, Credential, document["credentials"], CREDENTIAL_FIELDS, "credential"
    )
    groups = {item["slug"] for item in document.get("renewal_groups", [])}
    for row in credentials.values():
        if row.renewal_group not in groups:
            row.renewal_group = None  # a version 1 file has no groups: none is kept
    stages = _upsert(session, Stage, document["stages"], STAGE_FIELDS, "stage")
    for item in document["stages"]:
        _set_requirements(session, stages[item["slug"]], item["requirements"], skills, credentials)
    session.execute(delete(StageMove))
    for move in dict.fromkeys((m["from"], m["to"]) for m in document["moves"]):
        session.add(StageMove(from_stage_id=stages[move[0]].id, to_stage_id=stages[move[1]].id))
    session.flush()


def _set_requirements(session, stage: Stage, requirements: dict, skills, credentials) -> None:
    for key in SCALARS:
        setattr(stage, key, requirements.get(key, 0))
    stage.skill_targets = [
        StageSkillTarget(skill_id=skills[slug].id, level=level)
        for slug, level in requirements.get("skills", {}).items()
    ]
    groups = []
    for required, key in ((True, "required_certifications"), (False, "recommended_certifications")):
        for position, group in enumerate(requirements.get(key, [])):
            members = [
                StageCredentialGroupMember(credential_id=credentials[slug].id, position=index)
                for index, slug in enumerate(dict.fromkeys(group))
            ]
            groups.append(
                StageCredentialGroup(required=required, position=position, members=members)
            )
    stage.credential_groups = groups
    session.flush()


def export_document(session: Session, name: str = "") -> dict:
    """The framework as stored, in the order the app shows it; loading the result gives
    the same framework back."""
    document = {"format": FORMAT, "version": VERSION, "name": name or "My framework"}
    described = stored_descriptions(session)
    document["skills"] = [_skill(row, described) for row in _ordered(session, Skill)]
    document["credentials"] = [
        _item(row, CREDENTIAL_FIELDS) for row in _ordered(session, Credential)
    ]
    document["renewal_groups"] = [
        _item(row, GROUP_FIELDS) for row in _ordered(session, RenewalGroup)
    ]
    slugs = {row.id: (row.position, row.slug) for row in session.scalars(select(Skill))}
    credential_slugs = {row.id: row.slug for row in session.scalars(select(Credential))}
    stages = list(
        session.scalars(
            select(Stage)
            .options(
                selectinload(Stage.skill_targets),
                selectinload(Stage.credential_groups).selectinload(StageCredentialGroup.members),
            )
            .order_by(Stage.position, Stage.id)
        )
    )
    document["stages"] = [_stage(row, slugs, credential_slugs) for row in stages]
    stage_slugs = {row.id: row.slug for row in stages}
    moves = session.scalars(select(StageMove).order_by(StageMove.id))
    document["moves"] = [
        {"from": stage_slugs[m.from_stage_id], "to": stage_slugs[m.to_stage_id]} for m in moves
    ]
    return document


def _ordered(session: Session, model):
    return session.scalars(select(model).order_by(model.position, model.id))


def _item(row, fields: tuple[str, ...]) -> dict:
    item = {"slug": row.slug}
    item.update({field: _plain(getattr(row, field)) for field in fields})
    if row.retired:
        item["retired"] = True
    return item


def _skill(row: Skill, described: dict[str, dict[int, str]]) -> dict:
    item = _item(row, SKILL_FIELDS)
    if described.get(row.slug):
        item["levels"] = {str(level): text for level, text in sorted(described[row.slug].items())}
    return item


def _plain(value):
    """Whole floats as ints, so an exported file reads as it was written (20, not 20.0)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _stage(row: Stage, skill_slugs: dict, credential_slugs: dict) -> dict:
    item = _item(row, STAGE_FIELDS)
    retired = item.pop("retired", False)
    groups = sorted(row.credential_groups, key=lambda g: (not g.required, g.position))
    item["requirements"] = {
        "skills": {
            skill_slugs[t.skill_id][1]: t.level
            for t in sorted(row.skill_targets, key=lambda t: skill_slugs[t.skill_id])
        },
        "required_certifications": [
            [credential_slugs[m.credential_id] for m in g.members] for g in groups if g.required
        ],
        "recommended_certifications": [
            [credential_slugs[m.credential_id] for m in g.members] for g in groups if not g.required
        ],
        **{key: _plain(getattr(row, key)) for key in SCALARS},
    }
    if retired:
        item["retired"] = True
    return item
