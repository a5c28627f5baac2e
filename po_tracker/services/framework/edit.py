"""Changing the career framework without code: add, rename or remove a stage, a move, a
skill, a requirement or a credential, and change a credential's renewal rule.

Removing an item the log still points at (a rating's skill, a logged certification's
credential, the profile's stage) retires it instead: hidden from choices and from
readiness, kept for history. Nothing here ever deletes a logged entry. Names stay
unique; slugs never change on a rename, since framework files refer to items by slug.
Whole frameworks are exported and imported by ``framework_io`` (see ``export_file``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ...files import write_atomic
from ...models import (
    StageCredentialGroup,
    StageCredentialGroupMember,
    StageMove,
    StageSkillTarget,
)
from ...vocabulary import LEVEL_MEANINGS, STAGE_PATHS
from ..career.renewal_rules import RenewalRule, check_rule
from ..errors import ValidationError
from ..limits import MAX_COUNT, MAX_LEVEL_TEXT, MAX_MOVES, MAX_TEXT, too_many
from ..validation import Checker
from . import document as framework_io
from . import items, lookup
from .items import FrameworkItem, Removal
from .levels import store_skill_descriptions
from .usage import referenced_ids

# Numeric stage requirements: (upper bound, whole number?).
NUMERIC_REQUIREMENTS = {
    "years_experience": (60, False),
    "sprints_as_po": (MAX_COUNT, True),
    "people_mentored": (MAX_COUNT, True),
    "team_size": (MAX_COUNT, True),
    "products_owned": (MAX_COUNT, True),
    "ceremonies_facilitated": (MAX_COUNT, True),
    "training_hours_12m": (8760, False),
    "events_12m": (366, True),
}


def _set_values(session: Session, kind: str, row, values: dict) -> FrameworkItem:
    for key, value in values.items():
        setattr(row, key, value)
    session.flush()
    return items.item(kind, row)


# Stages and moves ---------------------------------------------------------------------


def add_stage(
    session: Session, name: str, *, path: str = "ladder", description: str = "", source: str = ""
) -> FrameworkItem:
    check = Checker()
    values = dict(
        path=check.choice("path", path, STAGE_PATHS),
        description=check.text("description", description, limit=MAX_TEXT),
        source=check.text("source", source, limit=MAX_TEXT),
    )
    check.done()
    return items.add(session, "stage", name, values)


def rename_stage(session: Session, stage: str, new_name: str) -> FrameworkItem:
    return items.rename(session, "stage", stage, new_name)


def set_stage_details(
    session: Session, stage: str, *, path: str, description: str = ""
) -> FrameworkItem:
    """The stage's path (ladder or side) and the description readers of the ladder see."""
    row = items.find(session, "stage", stage)
    check = Checker()
    values = dict(
        path=check.choice("path", path, STAGE_PATHS),
        description=check.text("description", description, limit=MAX_TEXT),
    )
    check.done()
    return _set_values(session, "stage", row, values)


def remove_stage(session: Session, stage: str) -> Removal:
    """Its requirements and moves go with it, unless the profile points at it (retired:
    the route then goes around it)."""
    row = items.find(session, "stage", stage)
    if row.id not in referenced_ids(session, "stage"):
        session.execute(
            delete(StageMove).where(
                (StageMove.from_stage_id == row.id) | (StageMove.to_stage_id == row.id)
            )
        )
    return items.remove(session, "stage", row)


def _move_ends(session: Session, source: str, target: str) -> tuple[int, int]:
    check = Checker()
    source_id = check.resolve(lookup.stage_id, session, source, "from")
    target_id = check.resolve(lookup.stage_id, session, target, "to")
    if source_id is not None and source_id == target_id:
        check.fail("to", "a move must lead to another stage")
    check.done()
    return source_id, target_id


def _move(session: Session, source_id: int, target_id: int) -> StageMove | None:
    return session.scalars(
        select(StageMove).where(
            StageMove.from_stage_id == source_id, StageMove.to_stage_id == target_id
        )
    ).first()


def add_move(session: Session, source: str, target: str) -> None:
    source_id, target_id = _move_ends(session, source, target)
    if _move(session, source_id, target_id) is not None:
        raise ValidationError.single("to", f"the move from {source!r} to {target!r} exists")
    held = session.execute(select(func.count()).select_from(StageMove)).scalar_one()
    if held >= MAX_MOVES:  # as many as a framework file may hold
        raise ValidationError.single("moves", too_many(held + 1, MAX_MOVES))
    session.add(StageMove(from_stage_id=source_id, to_stage_id=target_id))
    session.flush()


def remove_move(session: Session, source: str, target: str) -> None:
    source_id, target_id = _move_ends(session, source, target)
    move = _move(session, source_id, target_id)
    if move is None:
        raise ValidationError.single("to", f"there is no move from {source!r} to {target!r}")
    session.delete(move)
    session.flush()


# Skills -------------------------------------------------------------------------------


def _skill_details(description: str, prompt: str) -> dict:
    """A skill's details, checked: what it means and its journal prompt."""
    check = Checker()
    values = dict(
        description=check.text("description", description, limit=MAX_TEXT),
        prompt=check.text("prompt", prompt, limit=MAX_TEXT),
    )
    check.done()
    return values


def add_skill(
    session: Session, name: str, *, description: str = "", prompt: str = ""
) -> FrameworkItem:
    return items.add(session, "skill", name, _skill_details(description, prompt))


def rename_skill(session: Session, skill: str, new_name: str) -> FrameworkItem:
    return items.rename(session, "skill", skill, new_name)


def set_skill_details(
    session: Session, skill: str, *, description: str = "", prompt: str = ""
) -> FrameworkItem:
    """What the skill means, and the journal prompt that asks the user to reflect on it."""
    row = items.find(session, "skill", skill)
    return _set_values(session, "skill", row, _skill_details(description, prompt))


def set_skill_levels(session: Session, skill: str, texts: dict[int, str]) -> None:
    """What each level 1-5 means for this skill, in the framework's words (shown where
    the user rates it); a level left empty keeps the generic meaning."""
    row = items.find(session, "skill", skill)
    check = Checker()
    cleaned = {}
    for level, text in texts.items():
        if level not in LEVEL_MEANINGS:
            check.fail(f"level_{level}", "must be a level from 1 to 5")
            continue
        cleaned[level] = check.text(f"level_{level}", text, limit=MAX_LEVEL_TEXT) or ""
    check.done()
    store_skill_descriptions(session, row.slug, cleaned)


def remove_skill(session: Session, skill: str) -> Removal:
    """No stage asks for a removed skill any more; its ratings stay (retired skill)."""
    row = items.find(session, "skill", skill)
    session.execute(delete(StageSkillTarget).where(StageSkillTarget.skill_id == row.id))
    return items.remove(session, "skill", row)


# Requirements -------------------------------------------------------------------------


def set_skill_target(session: Session, stage: str, skill: str, level: int) -> None:
    check = Checker()
    stage_id = check.resolve(lookup.stage_id, session, stage, "stage")
    skill_id = check.resolve(lookup.skill_id, session, skill, "skill")
    level = check.level("level", level)
    check.done()
    target = session.get(StageSkillTarget, (stage_id, skill_id))
    if target is None:
        session.add(StageSkillTarget(stage_id=stage_id, skill_id=skill_id, level=level))
    else:
        target.level = level
    session.flush()


def remove_skill_target(session: Session, stage: str, skill: str) -> None:
    stage_row, skill_row = items.find(session, "stage", stage), items.find(session, "skill", skill)
    target = session.get(StageSkillTarget, (stage_row.id, skill_row.id))
    if target is None:
        raise ValidationError.single(
            "skill", f"{stage_row.name} sets no target for {skill_row.name}"
        )
    session.delete(target)
    session.flush()


def set_requirement(session: Session, stage: str, field: str, value: float) -> None:
    """One numeric requirement (0: the stage asks for none)."""
    row = items.find(session, "stage", stage)
    if field not in NUMERIC_REQUIREMENTS:
        valid = ", ".join(NUMERIC_REQUIREMENTS)
        raise ValidationError.single("requirement", f"unknown {field!r}; valid: {valid}")
    maximum, whole = NUMERIC_REQUIREMENTS[field]
    check = Checker()
    cleaned = check.number(field, value, maximum=maximum, integer=whole)
    if value is None:
        check.fail(field, "is required (0 to ask for none)")
    check.done()
    setattr(row, field, cleaned)
    session.flush()


def _group_members(session: Session, credentials: Sequence[str]) -> list[int]:
    check = Checker()
    ids = [check.resolve(lookup.credential_id, session, c, "credentials") for c in credentials]
    if not credentials:
        check.fail("credentials", "name at least one credential")
    check.done()
    return list(dict.fromkeys(ids))


def _find_group(session: Session, stage_id: int, members: list[int], required: bool):
    for group in session.scalars(
        select(StageCredentialGroup).where(
            StageCredentialGroup.stage_id == stage_id, StageCredentialGroup.required.is_(required)
        )
    ):
        if {m.credential_id for m in group.members} == set(members):
            return group
    return None


def add_credential_group(
    session: Session, stage: str, credentials: Sequence[str], *, required: bool = True
) -> None:
    """An any-of group: holding one of ``credentials`` meets it."""
    row = items.find(session, "stage", stage)
    members = _group_members(session, credentials)
    if _find_group(session, row.id, members, required) is not None:
        raise ValidationError.single("credentials", f"{row.name} already has this group")
    position = session.scalar(
        select(func.coalesce(func.max(StageCredentialGroup.position), -1)).where(
            StageCredentialGroup.stage_id == row.id,
            StageCredentialGroup.required.is_(required),
        )
    )
    session.add(
        StageCredentialGroup(
            stage_id=row.id,
            required=required,
            position=position + 1,
            members=[
                StageCredentialGroupMember(credential_id=cid, position=index)
                for index, cid in enumerate(members)
            ],
        )
    )
    session.flush()


def remove_credential_group(
    session: Session, stage: str, credentials: Sequence[str], *, required: bool = True
) -> None:
    row = items.find(session, "stage", stage)
    group = _find_group(session, row.id, _group_members(session, credentials), required)
    if group is None:
        kind = "required" if required else "recommended"
        raise ValidationError.single("credentials", f"{row.name} has no such {kind} group")
    session.delete(group)
    session.flush()


# Credentials --------------------------------------------------------------------------


def add_credential(
    session: Session,
    name: str,
    *,
    full_name: str = "",
    body: str = "",
    rule: RenewalRule | None = None,
    notes: str = "",
) -> FrameworkItem:
    check = Checker()
    values = dict(
        **_credential_names(check, full_name, body),
        notes=check.text("notes", notes, limit=MAX_TEXT),
        **check_rule(check, rule or RenewalRule()),
    )
    check.done()
    return items.add(session, "credential", name, values)


def _credential_names(check: Checker, full_name: str, body: str) -> dict:
    """The credential's full name and the body that awards it, checked."""
    return dict(
        full_name=check.text("full_name", full_name), body=check.text("body", body, limit=200)
    )


def rename_credential(session: Session, credential: str, new_name: str) -> FrameworkItem:
    return items.rename(session, "credential", credential, new_name)


def set_credential_details(
    session: Session, credential: str, *, full_name: str = "", body: str = ""
) -> FrameworkItem:
    """The credential's full name and the body that awards it (the name stays short)."""
    row = items.find(session, "credential", credential)
    check = Checker()
    values = _credential_names(check, full_name, body)
    check.done()
    return _set_values(session, "credential", row, values)


def remove_credential(session: Session, credential: str) -> Removal:
    """It leaves every stage's groups (a group left empty goes); certifications logged
    under it keep it, retired."""
    row = items.find(session, "credential", credential)
    session.execute(
        delete(StageCredentialGroupMember).where(StageCredentialGroupMember.credential_id == row.id)
    )
    emptied = select(StageCredentialGroupMember.group_id)
    session.execute(delete(StageCredentialGroup).where(StageCredentialGroup.id.not_in(emptied)))
    session.expire_all()
    return items.remove(session, "credential", row)


def renewal_rule(session: Session, credential: str) -> RenewalRule:
    row = items.find(session, "credential", credential)
    return RenewalRule(
        row.validity_months, row.credits_needed, row.credit_unit, row.grace_days,
        row.track, row.track_rank, row.renewal_lead_days,
    )  # fmt: skip


def set_renewal_rule(session: Session, credential: str, rule: RenewalRule) -> FrameworkItem:
    """Replace the whole rule; to change one part, ``dataclasses.replace`` the current one."""
    row = items.find(session, "credential", credential)
    check = Checker()
    values = check_rule(check, rule)
    check.done()
    for key, value in values.items():
        setattr(row, key, value)
    session.flush()
    return items.item("credential", row)


# Files --------------------------------------------------------------------------------


def export_file(session: Session, path: Path, name: str = "") -> None:
    """Written beside the target and moved over it, so a failed write never leaves a
    half-written file in place of the one the user had (the save dialog asked before
    replacing one)."""
    document = framework_io.export_document(session, name)
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, text.encode("utf-8"), force=True)


def import_file(session: Session, path: Path) -> None:
    """Make the file's framework the framework (see ``framework_io.load_document``). The
    file is read with the same guards as the command line's (size, encoding, depth,
    duplicate keys), so whatever is wrong with it is a ``ValidationError``."""
    framework_io.load_document(session, framework_io.read_document(Path(path)))
