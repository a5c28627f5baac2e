"""How one training or event counts toward a credential's renewal, when the default (its
hours, toward every credential with a renewal rule) is not what the user wants."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..framework import lookup
from ..validation import Checker


@dataclass(frozen=True)
class CreditClaim:
    credential: str
    credits: float | None = None
    excluded: bool = False


def clean_claims(session: Session, check: Checker, claims) -> list[tuple[int, float | None, bool]]:
    cleaned: dict[int, tuple[int, float | None, bool]] = {}
    for claim in claims:
        credential_id = check.resolve(lookup.credential_id, session, claim.credential, "credits")
        credits = check.number("credits", claim.credits)
        if credential_id is not None:
            cleaned[credential_id] = (credential_id, credits, bool(claim.excluded))
    return list(cleaned.values())


def claims_to_dto(rows) -> tuple[CreditClaim, ...]:
    return tuple(
        CreditClaim(row.credential.name, row.credits, row.excluded)
        for row in sorted(rows, key=lambda r: r.credential_id)
    )
