"""One entry of an interchange document checked and cleaned into export form, by the
services' own rules (through the same ``Checker``): a cleaner per kind of entry, and the
``EntryCheck`` they share, which resolves refs and slugs against the document.
``interchange_check`` runs them over the whole document.

Framework items are resolved by slug against the document's framework (retired items
included: old entries may point at them), not through ``lookup``, which hides retired
items and would query the database once per entry.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from ..limits import (
    MAX_COUNT,
    MAX_CREDITS_USED,
    MAX_GOAL_TEXT,
    MAX_HOURS,
    MAX_MONEY,
    MAX_NAME,
    MAX_TAG,
    MAX_TEXT,
)
from ..logbook import events, wins
from ..logbook import feedback_entries as feedback
from ..logbook.experience import COUNTS
from ..logbook.journal_entries import MAX_BODY
from ..validation import Checker, strict_date
from .interchange_export import LIST_OF_KIND, plain


class EntryCheck(Checker):
    """A ``Checker`` over one entry of the document, resolving its refs and slugs."""

    def __init__(self, entry: dict, context: Context):
        super().__init__()
        self.entry = entry
        self.context = context

    def string(self, name: str, *, required=False, limit=300) -> str:
        return self.text(name, self.entry.get(name), required=required, limit=limit)

    def date_(self, name: str, *, required=False) -> date | None:
        value = self.entry.get(name)
        if value is None:
            return self.day(name, None, required=required)
        try:
            return self.day(name, strict_date(value))
        except ValueError:
            self.fail(name, f"is not a real date (got {value!r})")
            return None

    def amount(self, name: str, default=0, *, maximum=MAX_HOURS, integer=False):
        value = self.entry.get(name, default)
        return self.number(name, value, maximum=maximum, integer=integer)

    def slug(self, name: str, kind: str, value=None) -> str | None:
        value = self.entry.get(name) if value is None else value
        if value is not None and value not in self.context.slugs[kind]:
            self.fail(name, f"names unknown {kind} {value!r}; it is not in the framework")
            return None
        return value

    def claims(self) -> list[dict]:
        claims = {}
        for claim in self.entry.get("credits", []):
            credential = self.slug("credits", "credential", claim["credential"])
            if credential in claims:
                self.fail("credits", f"names credential {credential!r} twice")
            credits = self.number("credits", claim.get("credits"))
            excluded = bool(claim.get("excluded", False))
            claims[credential] = {
                "credential": credential,
                "credits": credits,
                "excluded": excluded,
            }
        return [plain_dict(claims[key]) for key in sorted(k for k in claims if k)]

    def refs(self, name: str, key: str) -> list[int]:
        known = self.context.refs[key]
        for ref in self.entry.get(name, []):
            if ref not in known:
                self.fail(name, f"ref {ref} is not in {key}")
        return sorted(set(self.entry.get(name, [])))


@dataclass
class Context:
    slugs: dict[str, set[str]]
    refs: Mapping[str, Container[int]]


def plain_dict(values: dict) -> dict:
    return {key: plain(value) for key, value in values.items()}


def _certification(c: EntryCheck) -> dict:
    status = c.entry.get("status", "earned")
    earned = c.date_("earned_on", required=status == "earned")
    expires = c.date_("expires_on")
    c.order("earned_on", earned, "expires_on", expires)
    values = dict(credential=c.slug("credential", "credential"), custom_name=None)
    if c.entry.get("custom_name") is not None:
        values["custom_name"] = c.string("custom_name", required=True)
    if c.entry.get("credential") is None and c.entry.get("custom_name") is None:
        c.fail("credential", "give a catalog credential or a custom_name")
    return values | dict(
        issuer=c.string("issuer"),
        status=status,
        earned_on=earned,
        expires_on=expires,
        credential_number=c.string("credential_number"),
        verification_url=c.url("verification_url", c.entry.get("verification_url")),
        cost_amount=c.amount("cost_amount", None, maximum=MAX_MONEY),
        cost_currency=c.currency("cost_currency", c.entry.get("cost_currency")),
        attachment=c.entry.get("attachment"),
        notes=c.string("notes", limit=MAX_TEXT),
        renewal_fee_amount=c.amount("renewal_fee_amount", None, maximum=MAX_MONEY),
        renewal_fee_currency=c.currency(
            "renewal_fee_currency", c.entry.get("renewal_fee_currency")
        ),
        renewals=[_renewal(c, item) for item in c.entry.get("renewals", [])],
    )


def _renewal(c: EntryCheck, item: dict) -> dict:
    """One renewal of the certification's history (version 2; a version 1 file has none)."""
    inner = EntryCheck(item, c.context)
    values = dict(
        renewed_on=inner.date_("renewed_on", required=True),
        previous_expires_on=inner.date_("previous_expires_on"),
        expires_on=inner.date_("expires_on", required=True),
        credits_used=inner.amount("credits_used", None, maximum=MAX_CREDITS_USED),
        fee_amount=inner.amount("fee_amount", None, maximum=MAX_MONEY),
        fee_currency=inner.currency("fee_currency", item.get("fee_currency")),
        notes=inner.string("notes", limit=MAX_TEXT),
    )
    for error in inner.errors:
        c.fail(f"renewals.{error.field}", error.message)
    return plain_dict(values)


def _training(c: EntryCheck) -> dict:
    start = c.date_("start_date", required=True)
    end = c.date_("end_date")
    c.order("start_date", start, "end_date", end)
    skills = [c.slug("skills", "skill", slug) for slug in c.entry.get("skills", [])]
    return dict(
        title=c.string("title", required=True),
        provider=c.string("provider"),
        format=c.entry.get("format", "course"),
        start_date=start,
        end_date=end,
        hours=c.amount("hours"),
        cost_amount=c.amount("cost_amount", None, maximum=MAX_MONEY),
        cost_currency=c.currency("cost_currency", c.entry.get("cost_currency")),
        status=c.entry.get("status", "completed"),
        attachment=c.entry.get("attachment"),  # version 5; earlier files have none
        notes=c.string("notes", limit=MAX_TEXT),
        credits=c.claims(),
        skills=sorted(set(filter(None, skills))),
    )


def _contact(c: EntryCheck) -> dict:
    return dict(
        name=c.string("name", required=True, limit=MAX_NAME),
        organization=c.string("organization", limit=MAX_NAME),
        role=c.string("role", limit=MAX_NAME),
        notes=c.string("notes", limit=MAX_TEXT),
    )


def _event(c: EntryCheck) -> dict:
    when = c.date_("event_date", required=True)
    follow_up = c.date_("follow_up_on")
    c.order("event_date", when, "follow_up_on", follow_up)
    return dict(
        title=c.string("title", required=True),
        event_type=c.entry["event_type"],
        event_date=when,
        location=c.string("location"),
        online=c.entry.get("online", False),
        hours=c.amount("hours"),
        takeaways=c.string("takeaways", limit=MAX_TEXT),
        follow_up_on=follow_up,
        follow_up_done=c.entry.get("follow_up_done", False),
        notes=c.string("notes", limit=MAX_TEXT),
        mentoring=events.check_direction(c, c.entry["event_type"], c.entry.get("mentoring")),
        credits=c.claims(),
        contacts=c.refs("contacts", "contacts"),
    )


def _rating(c: EntryCheck) -> dict:
    return dict(
        skill=c.slug("skill", "skill"),
        level=c.level("level", c.entry["level"]),
        rated_on=c.date_("rated_on", required=True),
        source=c.entry.get("source", "self"),
        note=c.string("note", limit=MAX_TEXT),
    )


def _experience(c: EntryCheck) -> dict:
    start = c.date_("start_date", required=True)
    end = c.date_("end_date")
    c.order("start_date", start, "end_date", end)
    values = dict(
        role=c.string("role", required=True),
        organization=c.string("organization", limit=MAX_NAME),
        start_date=start,
        end_date=end,
        notes=c.string("notes", limit=MAX_TEXT),
    )
    for name in COUNTS:
        values[name] = c.amount(name, maximum=MAX_COUNT, integer=True)
    return values


def _journal(c: EntryCheck) -> dict:
    tags = []
    for tag in c.entry.get("tags", []):
        name = c.text("tags", tag.lstrip("#").lower(), required=True, limit=MAX_TAG)
        if any(ch.isspace() for ch in name):
            c.fail("tags", f"must be one word (got {tag!r}); use - to join words")
        tags.append(name)
    return dict(
        entry_date=c.date_("entry_date", required=True),
        title=c.string("title"),
        body=c.string("body", required=True, limit=MAX_BODY),
        prompt=c.string("prompt", limit=MAX_TEXT),
        tags=sorted(set(tags)),
        links=_links(c),
    )


def _links(c: EntryCheck) -> list[dict]:
    links = []
    for link in c.entry.get("links", []):
        key = LIST_OF_KIND[link["kind"]]
        if link["ref"] not in c.context.refs[key]:
            c.fail("links", f"{link['kind']} ref {link['ref']} is not in {key}")
        elif link == {"kind": "journal", "ref": c.entry["ref"]}:
            c.fail("links", "an entry cannot link to itself")
        links.append({"kind": link["kind"], "ref": link["ref"]})
    return links


def _goal(c: EntryCheck) -> dict:
    return dict(
        text=c.string("text", required=True, limit=MAX_GOAL_TEXT),
        target_date=c.date_("target_date"),
        status=c.entry.get("status", "open"),
        skill=c.slug("skill", "skill"),
        credential=c.slug("credential", "credential"),
        requirement=c.entry.get("requirement"),
        notes=c.string("notes", limit=MAX_TEXT),
    )


def _win(c: EntryCheck) -> dict:
    """Through ``wins.clean_fields``: the limits of the window and the command line."""
    values = wins.clean_fields(c, {**c.entry, "win_date": c.date_("win_date", required=True)})
    skills = [c.slug("skills", "skill", slug) for slug in c.entry.get("skills", [])]
    requirements = [wins.clean_requirement(c, key) for key in c.entry.get("requirements", [])]
    return values | dict(
        attachment=c.entry.get("attachment"),
        skills=sorted(set(filter(None, skills))),
        requirements=sorted(set(filter(None, requirements))),
        contacts=c.refs("contacts", "contacts"),
    )


def _feedback(c: EntryCheck) -> dict:
    """Through ``feedback.clean_fields``; the giver may be gone (a deleted contact)."""
    given_on = c.date_("given_on", required=True)
    values = feedback.clean_fields(c, {**c.entry, "given_on": given_on})
    contact = c.entry.get("contact")
    if contact is not None and contact not in c.context.refs["contacts"]:
        c.fail("contact", f"ref {contact} is not in contacts")
    skills = {}
    for item in c.entry.get("skills", []):
        slug = c.slug("skills", "skill", item["skill"])
        if slug in skills:
            c.fail("skills", f"names skill {slug!r} twice")
        skills[slug] = {"skill": slug, "level": feedback.clean_level(c, item.get("level"))}
    return values | dict(
        contact=contact, skills=[skills[key] for key in sorted(k for k in skills if k)]
    )


CLEANERS = {
    "certifications": _certification,
    "trainings": _training,
    "contacts": _contact,
    "events": _event,
    "ratings": _rating,
    "experience": _experience,
    "journal": _journal,
    "goals": _goal,
    "wins": _win,
    "feedback": _feedback,
}


def timestamp(c: EntryCheck, name: str) -> str | None:
    value = c.entry.get(name)
    if value is not None:
        try:
            datetime.fromisoformat(value.removesuffix("Z"))
        except ValueError:
            c.fail(name, f"is not a real time (got {value!r})")
    return value
