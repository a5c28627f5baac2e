"""The user's standing: current stage, target stage and the readiness weights."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ...models import Profile as ProfileRow
from ...models import Stage
from ...vocabulary import DEFAULT_WEIGHTS
from ..framework import lookup
from ..validation import Checker

WEIGHT_NAMES = tuple(DEFAULT_WEIGHTS)


@dataclass(frozen=True)
class Profile:
    current_stage: str | None
    current_stage_slug: str | None
    target_stage: str | None
    target_stage_slug: str | None
    weights: dict[str, float]


def _row(session: Session) -> ProfileRow:
    row = session.get(ProfileRow, 1)
    if row is None:
        row = ProfileRow(id=1)
        session.add(row)
        session.flush()
    return row


def get(session: Session) -> Profile:
    row = session.get(ProfileRow, 1)
    if row is None:
        return Profile(None, None, None, None, dict(DEFAULT_WEIGHTS))
    current = session.get(Stage, row.current_stage_id) if row.current_stage_id else None
    target = session.get(Stage, row.target_stage_id) if row.target_stage_id else None
    return Profile(
        current_stage=current.name if current else None,
        current_stage_slug=current.slug if current else None,
        target_stage=target.name if target else None,
        target_stage_slug=target.slug if target else None,
        weights={name: getattr(row, f"weight_{name}") for name in WEIGHT_NAMES},
    )


def set_stages(session: Session, current: str | None = None, target: str | None = None) -> Profile:
    """Set either or both stages by name or slug; ``None`` leaves one as it is."""
    check = Checker()
    current_id = check.resolve(lookup.stage_id, session, current, "current") if current else None
    target_id = check.resolve(lookup.stage_id, session, target, "target") if target else None
    check.done()
    row = _row(session)
    if current_id is not None:
        row.current_stage_id = current_id
    if target_id is not None:
        row.target_stage_id = target_id
    session.flush()
    return get(session)


def set_weights(session: Session, weights: dict[str, float]) -> Profile:
    check = Checker()
    cleaned = {}
    for name, value in weights.items():
        if name not in WEIGHT_NAMES:
            check.fail("weights", f"unknown component {name!r}; valid: {', '.join(WEIGHT_NAMES)}")
        else:
            cleaned[name] = check.number(f"weight {name}", value, maximum=1000)
    merged = {**get(session).weights, **{k: v for k, v in cleaned.items() if v is not None}}
    if not check.errors and sum(merged.values()) <= 0:
        check.fail("weights", "at least one weight must be above zero")
    check.done()
    row = _row(session)
    for name, value in merged.items():
        setattr(row, f"weight_{name}", value)
    session.flush()
    return get(session)
