"""Journal entries: Markdown, tags, links to other entries, and the prompt answered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...models import (
    Certification,
    Contact,
    ExperienceEntry,
    Feedback,
    Goal,
    JournalLink,
    NetworkingEvent,
    SkillRating,
    Tag,
    TrainingSession,
    Win,
)
from ...models import JournalEntry as JournalRow
from ...vocabulary import LOG_KINDS
from ..limits import MAX_BODY, MAX_LINKS, MAX_TAG, MAX_TAGS, MAX_TEXT
from ..validation import Checker
from .crud import LogService

KIND = "journal"
LINK_TARGETS = {
    "certification": Certification,
    "training": TrainingSession,
    "event": NetworkingEvent,
    "contact": Contact,
    "rating": SkillRating,
    "experience": ExperienceEntry,
    "journal": JournalRow,
    "goal": Goal,
    "win": Win,
    "feedback": Feedback,
}
assert set(LINK_TARGETS) == set(LOG_KINDS)


@dataclass(frozen=True)
class EntryRef:
    kind: str
    id: int


@dataclass(frozen=True)
class JournalInput:
    text: str
    entry_date: date
    title: str = ""
    tags: tuple[str, ...] = ()
    links: tuple[EntryRef, ...] = ()
    prompt: str = ""


@dataclass(frozen=True)
class Journal:
    id: int
    entry_date: date
    title: str
    text: str
    tags: tuple[str, ...]
    links: tuple[EntryRef, ...]
    prompt: str
    created_at: datetime
    updated_at: datetime


def _clean(session: Session, data: JournalInput, self_id: int | None) -> dict:
    check = Checker()
    values = dict(
        entry_date=check.day("entry_date", data.entry_date, required=True),
        title=check.text("title", data.title),
        body=check.text("text", data.text, required=True, limit=MAX_BODY),
        prompt=check.text("prompt", data.prompt, limit=MAX_TEXT),
    )
    tags = []
    # Counted once each: the same tag twice is stored once.
    given = list(dict.fromkeys(data.tags))
    for tag in given if check.count("tags", given, MAX_TAGS) else ():
        # Lower case first: a few letters grow longer in lower case (İ is two characters).
        name = check.text("tag", tag.lstrip("#").lower(), required=True, limit=MAX_TAG)
        if name and any(ch.isspace() for ch in name):
            check.fail("tag", f"must be one word (got {tag!r}); use - to join words")
        tags.append(name)
    links = []
    for link in data.links if check.count("links", set(data.links), MAX_LINKS) else ():
        if link.kind not in LINK_TARGETS:
            check.fail("links", f"unknown kind {link.kind!r}; valid kinds: {', '.join(LOG_KINDS)}")
        elif link.kind == KIND and link.id == self_id:
            check.fail("links", "an entry cannot link to itself")
        elif session.get(LINK_TARGETS[link.kind], link.id) is None:
            check.fail("links", f"there is no {link.kind} with id {link.id}")
        else:
            links.append(link)
    check.done()
    values["tags"] = list(dict.fromkeys(tags))
    values["links"] = list(dict.fromkeys(links))
    return values


def validate(session: Session, data: JournalInput, entry_id: int | None = None) -> None:
    _clean(session, data, entry_id)


def _tag(session: Session, name: str) -> Tag:
    tag = session.scalars(select(Tag).where(Tag.name == name)).first()
    return tag or Tag(name=name)


def _write(session: Session, row: JournalRow, data: JournalInput) -> None:
    values = _clean(session, data, row.id)
    row.entry_date = values["entry_date"]
    row.title = values["title"]
    row.body = values["body"]
    row.prompt = values["prompt"]
    row.tags = [_tag(session, name) for name in values["tags"]]
    row.links = [JournalLink(target_kind=ref.kind, target_id=ref.id) for ref in values["links"]]
    session.add(row)
    session.flush()


def _to_dto(row: JournalRow) -> Journal:
    return Journal(
        id=row.id,
        entry_date=row.entry_date,
        title=row.title,
        text=row.body,
        tags=tuple(tag.name for tag in row.tags),
        links=tuple(EntryRef(link.target_kind, link.target_id) for link in row.links),
        prompt=row.prompt,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _query():
    return select(JournalRow).options(selectinload(JournalRow.tags), selectinload(JournalRow.links))


LOG = LogService(
    KIND,
    JournalRow,
    JournalInput,
    Journal,
    write=_write,
    to_entry=_to_dto,
    order=(JournalRow.entry_date.desc(), JournalRow.id.desc()),
    query=_query,
)
create, update, delete, get = LOG.create, LOG.update, LOG.delete, LOG.get
get_many = LOG.get_many


def list_all(session: Session, tag: str | None = None) -> list[Journal]:
    """Every entry, or those with ``tag``."""
    if not tag:
        return LOG.entries(session)
    return LOG.entries(session, JournalRow.tags.any(Tag.name == tag.lstrip("#").lower()))
