"""Renewing a held certification: the new expiry is one cycle after the current expiry,
not after the renewal day (renewing early loses nothing), and a new credit window starts
at the old expiry. Each renewal is kept as history (date, expiry before and after,
credits used, fee paid), which is also what undoing it restores.

A member of a pooled group (Scrum Alliance) renews the whole group: every certification
of the group held moves to the same new expiry, for one fee.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Certification, CertificationRenewal, Credential
from ..career.renewal import CredentialStatus, evaluate_with_pools, format_fee
from ..career.renewal_cycle import cycle_end
from ..errors import ValidationError
from ..validation import Checker


@dataclass(frozen=True)
class RenewalRecord:
    id: int
    certification_id: int
    name: str
    renewed_on: date
    previous_expires_on: date | None  # as typed before; None: it followed the catalog
    expires_on: date
    credits_used: float | None
    fee_amount: float | None
    fee_currency: str | None

    @property
    def fee(self) -> str:
        return format_fee(self.fee_amount, self.fee_currency)


@dataclass(frozen=True)
class RenewalResult:
    records: tuple[RenewalRecord, ...]  # the one named first, then the group's others
    expires: date
    group: str | None

    @property
    def message(self) -> str:
        names = ", ".join(record.name for record in self.records)
        head = f"Renewed {names} until {self.expires}"
        first = self.records[0]
        details = [f"{self.group} renewal"] if self.group else []
        if first.credits_used is not None:
            details.append(f"{first.credits_used:g} credits in the cycle")
        if first.fee:
            details.append(f"fee {first.fee}")
        return f"{head} ({'; '.join(details)})" if details else head


def next_expiry(expires: date, validity_months: int, ends_day_before: bool) -> date:
    """One cycle after ``expires``: the next cycle starts the day after it ends (or on
    it, for a body whose cycles run anniversary to anniversary)."""
    start = expires + timedelta(days=1) if ends_day_before else expires
    return cycle_end(start, validity_months, ends_day_before)


def _find(items: list[CredentialStatus], name: str) -> CredentialStatus | None:
    wanted = name.strip().lower()
    return next(
        (i for i in items if wanted in (i.name.lower(), (i.slug or "").lower())),
        None,
    )


def _check_renewable(item: CredentialStatus | None, name: str, on: date) -> None:
    if item is None:
        raise ValidationError.single(
            "credential", f"{name!r} is not held on {on}: log it as earned first"
        )
    if item.expires is None:
        raise ValidationError.single(
            "credential", f"{item.name} is a lifetime credential: it never needs renewing"
        )
    if item.status == "expired" and item.renewable_until is None:
        raise ValidationError.single(
            "credential",
            f"{item.name} expired on {item.expires} and can no longer be renewed:"
            " log it again when you earn it anew",
        )


def _rule(session: Session, item: CredentialStatus) -> Credential:
    credential = session.get(Credential, item.credential_id) if item.credential_id else None
    if credential is None or credential.validity_months is None:
        raise ValidationError.single(
            "credential",
            f"{item.name} has no renewal cycle in the catalog: type its new expiry date instead",
        )
    return credential


def _members(items, item: CredentialStatus, pooled):
    """(the named credential first, then the others its pooled group renews with it;
    the group's name; the expiry the renewal starts from: the group's due date)."""
    for group in pooled:
        if item.name in group.members:
            others = [i for i in items if i.name in group.members and i.name != item.name]
            return [item, *others], group.group, group.due
    return [item], None, item.expires


def preview(session: Session, name: str, on: date) -> str:
    """What renewing ``name`` on ``on`` would do, in one line; raises ``ValidationError``
    when it cannot be renewed. Writes nothing."""
    items, _, pooled = evaluate_with_pools(session, on)
    item = _find(items, name)
    _check_renewable(item, name, on)
    credential = _rule(session, item)
    members, group, current = _members(items, item, pooled)
    new_expiry = next_expiry(current, credential.validity_months, credential.ends_day_before)
    names = ", ".join(member.name for member in members)
    fee = f" The fee is {item.renewal_fee}." if item.renewal_fee else ""
    return f"Renew {names} on {on}: the expiry moves from {current} to {new_expiry}.{fee}"


def renew(
    session: Session,
    name: str,
    on: date,
    fee_amount: float | None = None,
    fee_currency: str | None = None,
) -> RenewalResult:
    check = Checker()
    on = check.day("renewed_on", on, required=True)
    fee_amount = check.number("fee_amount", fee_amount, maximum=1_000_000)
    fee_currency = check.currency("fee_currency", fee_currency)
    check.done()
    items, _, pooled = evaluate_with_pools(session, on)
    item = _find(items, name)
    _check_renewable(item, name, on)
    credential = _rule(session, item)
    members, group, current = _members(items, item, pooled)
    new_expiry = next_expiry(current, credential.validity_months, credential.ends_day_before)
    if fee_amount is None:
        fee_amount, fee_currency = item.fee_amount, item.fee_currency
    records = []
    for index, member in enumerate(members):
        records.append(
            _record(
                session,
                member,
                on,
                new_expiry,
                # One fee for the renewal: kept on the row of the credential named.
                (fee_amount, fee_currency) if index == 0 else (None, None),
            )
        )
    session.flush()
    return RenewalResult(tuple(_to_dto(row, name) for row, name in records), new_expiry, group)


def _record(session: Session, member: CredentialStatus, on: date, new_expiry: date, fee):
    row = session.get(Certification, member.certification_id)
    renewal = CertificationRenewal(
        certification_id=row.id,
        renewed_on=on,
        previous_expires_on=row.expires_on,
        expires_on=new_expiry,
        credits_used=member.credits_earned,
        fee_amount=fee[0],
        fee_currency=fee[1],
        notes="",
    )
    row.expires_on = new_expiry
    session.add(renewal)
    session.flush()
    return renewal, member.name


def _to_dto(row: CertificationRenewal, name: str) -> RenewalRecord:
    return RenewalRecord(
        id=row.id,
        certification_id=row.certification_id,
        name=name,
        renewed_on=row.renewed_on,
        previous_expires_on=row.previous_expires_on,
        expires_on=row.expires_on,
        credits_used=row.credits_used,
        fee_amount=row.fee_amount,
        fee_currency=row.fee_currency,
    )


def undo(session: Session, renewal_ids: list[int]) -> None:
    """Take renewals back: each certification gets the expiry it had before. Refused,
    with nothing changed, if its expiry was changed since."""
    rows = [session.get(CertificationRenewal, renewal_id) for renewal_id in renewal_ids]
    for row in rows:
        if row is None:
            raise ValidationError.single("renewal", "was already taken back or deleted")
        certification = session.get(Certification, row.certification_id)
        if certification.expires_on != row.expires_on:
            raise ValidationError.single(
                "renewal", "the certification's expiry was changed since: edit it instead"
            )
    for row in rows:
        session.get(Certification, row.certification_id).expires_on = row.previous_expires_on
        session.delete(row)
    session.flush()


def history(session: Session, certification_id: int) -> list[RenewalRecord]:
    """The renewals logged for one certification, oldest first."""
    rows = session.execute(
        select(CertificationRenewal, Certification, Credential)
        .join(Certification, Certification.id == CertificationRenewal.certification_id)
        .outerjoin(Credential, Credential.id == Certification.credential_id)
        .where(CertificationRenewal.certification_id == certification_id)
        .order_by(CertificationRenewal.renewed_on, CertificationRenewal.id)
    )
    return [
        _to_dto(renewal, cert.custom_name or (credential.name if credential else ""))
        for renewal, cert, credential in rows
    ]
