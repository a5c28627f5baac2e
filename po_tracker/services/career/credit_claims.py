"""How one training or event counts toward a credential's renewal, when the default (its
hours, toward every credential with a renewal rule) is not what the user wants."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Credential
from ..framework import lookup
from ..limits import MAX_CLAIM_CREDITS, MAX_CLAIMS
from ..validation import Checker


@dataclass(frozen=True)
class CreditClaim:
    credential: str
    credits: float | None = None
    excluded: bool = False


def clean_claims(session: Session, check: Checker, claims) -> list[tuple[int, float | None, bool]]:
    cleaned: dict[int, tuple[int, float | None, bool]] = {}
    if not check.count("credits", claims, MAX_CLAIMS):
        return []
    for claim in claims:
        credential_id = check.resolve(lookup.credential_id, session, claim.credential, "credits")
        credits = check.number("credits", claim.credits, maximum=MAX_CLAIM_CREDITS)
        if credential_id is not None:
            cleaned[credential_id] = (credential_id, credits, bool(claim.excluded))
    return list(cleaned.values())


def claim_rows(model, claims: list) -> list:
    """Cleaned ``claims`` (credential id, credits, excluded) as rows of ``model``, a
    training's or an event's credit table."""
    return [
        model(credential_id=cid, credits=credits, excluded=excluded)
        for cid, credits, excluded in claims
    ]


def claims_to_dto(rows) -> tuple[CreditClaim, ...]:
    return tuple(
        CreditClaim(
            row.credential.name
            if row.credential
            else lookup.missing_name("credential", row.credential_id),
            row.credits,
            row.excluded,
        )
        for row in sorted(rows, key=lambda r: r.credential_id)
    )


def only_toward(session: Session, check: Checker, names) -> list[tuple[int, float | None, bool]]:
    """Claims that make an activity count toward the named credentials only: each named
    one counts with its hours; every other credential with a renewal cycle excludes it.
    (A credential added to the catalog later counts it, as by default.)"""
    named = [check.resolve(lookup.credential_id, session, name, "credential") for name in names]
    named_ids = {cid for cid in named if cid is not None}
    others = session.scalars(select(Credential.id).where(Credential.validity_months.is_not(None)))
    claims = [(cid, None, False) for cid in sorted(named_ids)]
    claims += [(cid, None, True) for cid in others if cid not in named_ids]
    return claims


def counts_toward(rows) -> tuple[str, ...]:
    """The credentials an activity counts toward, when it was limited to some (any
    exclusion); empty when it counts toward every credential, as by default."""
    if not any(row.excluded for row in rows):
        return ()
    return tuple(
        row.credential.name
        for row in sorted(rows, key=lambda r: r.credential_id)
        if not row.excluded
    )
