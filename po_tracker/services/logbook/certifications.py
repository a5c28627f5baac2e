"""Certifications the user holds, is working toward, or plans."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from ...models import Certification as CertificationRow
from ...models import Credential
from ...vocabulary import CERTIFICATION_STATUSES
from ..dates import add_months
from ..errors import ValidationError
from ..framework import lookup
from ..limits import MAX_MONEY, MAX_TEXT
from ..storage.attachments import clean_stored_name
from ..validation import Checker
from .crud import LogService, save

KIND = "certification"


@dataclass(frozen=True)
class CertificationInput:
    """``name`` is a catalog credential (name or slug); with ``custom`` it may be any name."""

    name: str
    status: str = "earned"
    custom: bool = False
    issuer: str = ""
    earned_on: date | None = None
    expires_on: date | None = None
    credential_number: str = ""
    verification_url: str = ""
    cost_amount: float | None = None
    cost_currency: str | None = None
    notes: str = ""
    # The user's own renewal fee; empty: the catalog's.
    renewal_fee_amount: float | None = None
    renewal_fee_currency: str | None = None
    # A stored file's name (``storage.attachments.store_attachment``); None: no file.
    attachment: str | None = None


@dataclass(frozen=True)
class Certification:
    id: int
    name: str
    credential_slug: str | None
    issuer: str
    status: str
    earned_on: date | None
    # As typed by the user; ``expires`` is what counts (typed, else the catalog's cycle).
    expires_on: date | None
    expires: date | None
    credential_number: str
    verification_url: str
    cost_amount: float | None
    cost_currency: str | None
    attachment: str | None
    notes: str
    created_at: datetime
    updated_at: datetime
    renewal_fee_amount: float | None = None
    renewal_fee_currency: str | None = None


def _clean(session: Session, data: CertificationInput) -> dict:
    check = Checker()
    name = check.text("name", data.name, required=True)
    credential_id = None
    if name and not data.custom:
        credential_id = check.resolve(lookup.credential_id, session, name, "name")
    status = check.choice("status", data.status, CERTIFICATION_STATUSES)
    earned_on = check.day("earned_on", data.earned_on, required=status == "earned")
    if earned_on is not None and status in ("planned", "in-progress"):
        check.fail("earned_on", f"must be empty while the certification is {status}")
    expires_on = check.day("expires_on", data.expires_on)
    check.order("earned_on", earned_on, "expires_on", expires_on)
    _refuse_lifetime_expiry(session, check, credential_id, expires_on)
    fee = check.number("renewal_fee_amount", data.renewal_fee_amount, maximum=MAX_MONEY)
    fee_currency = check.currency("renewal_fee_currency", data.renewal_fee_currency)
    if fee is not None and fee_currency is None:
        check.fail("renewal_fee_currency", "is required with a renewal fee (for example USD)")
    if status in ("earned", "expired"):
        check.not_future("earned_on", earned_on, "a certification already earned")
    values = dict(
        credential_id=credential_id,
        custom_name=name if data.custom else None,
        issuer=check.text("issuer", data.issuer),
        status=status,
        earned_on=earned_on,
        expires_on=expires_on,
        credential_number=check.text("credential_number", data.credential_number),
        verification_url=check.url("verification_url", data.verification_url),
        cost_amount=check.number("cost_amount", data.cost_amount, maximum=MAX_MONEY),
        cost_currency=check.currency("cost_currency", data.cost_currency),
        notes=check.text("notes", data.notes, limit=MAX_TEXT),
        renewal_fee_amount=fee,
        renewal_fee_currency=fee_currency if fee is not None else None,
        attachment=clean_stored_name(check, data.attachment),
    )
    check.done()
    return values


def parse_fee(text: str | None, field: str = "renewal_fee") -> tuple[float | None, str | None]:
    """(amount, currency) from "USD 100" or "100 USD"; (None, None) for empty text."""
    words = (text or "").split()
    if not words:
        return None, None
    amounts = [w for w in words if _is_amount(w)]
    codes = [w.upper() for w in words if not _is_amount(w)]
    if len(words) != 2 or len(amounts) != 1 or len(codes[0]) != 3 or not codes[0].isalpha():
        raise ValidationError.single(
            field, f"must be a currency and an amount, such as USD 100 (got {text!r})"
        )
    return float(amounts[0]), codes[0]


def _is_amount(word: str) -> bool:
    try:
        return math.isfinite(float(word))
    except ValueError:
        return False


def _refuse_lifetime_expiry(session: Session, check: Checker, credential_id, expires_on) -> None:
    """A catalog credential that never expires (no validity: PSPO I, ICP-APO...) cannot
    carry an expiry date; a custom certification can."""
    if credential_id is None or expires_on is None:
        return
    credential = session.get(Credential, credential_id)
    if credential is not None and credential.validity_months is None:
        check.fail(
            "expires_on",
            f"{credential.name} is a lifetime credential: it has no expiry date (leave it empty)",
        )


def validate(session: Session, data: CertificationInput) -> None:
    _clean(session, data)


def _to_dto(row: CertificationRow) -> Certification:
    credential = row.credential
    expires = row.expires_on
    if expires is None and credential and credential.validity_months and row.earned_on:
        expires = add_months(row.earned_on, credential.validity_months)
    return Certification(
        id=row.id,
        name=row.custom_name or (credential.name if credential else ""),
        credential_slug=credential.slug if credential else None,
        issuer=row.issuer or (credential.body if credential else ""),
        status=row.status,
        earned_on=row.earned_on,
        expires_on=row.expires_on,
        expires=expires,
        credential_number=row.credential_number,
        verification_url=row.verification_url,
        cost_amount=row.cost_amount,
        cost_currency=row.cost_currency,
        attachment=row.attachment,
        notes=row.notes,
        created_at=row.created_at,
        updated_at=row.updated_at,
        renewal_fee_amount=row.renewal_fee_amount,
        renewal_fee_currency=row.renewal_fee_currency,
    )


def _query():
    return select(CertificationRow).options(joinedload(CertificationRow.credential))


def _write(session: Session, row, data) -> None:
    save(session, row, _clean(session, data))


LOG = LogService(
    KIND,
    CertificationRow,
    CertificationInput,
    Certification,
    write=_write,
    to_entry=_to_dto,
    order=(CertificationRow.earned_on.desc().nulls_first(), CertificationRow.id),
    query=_query,
)
create, update, delete, get = LOG.create, LOG.update, LOG.delete, LOG.get
list_all, get_many = LOG.list_all, LOG.get_many
