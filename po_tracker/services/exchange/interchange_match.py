"""Which entries of a document the logbook already holds, so that importing the same
file twice adds nothing the second time.

Two entries are the same when every field but ``ref``, ``uuid`` and the timestamps is
equal, and
what they point at is the same too (an event's contacts, a journal entry's links),
compared by content rather than by ref or id. The match counts copies: a logbook with
one copy of an entry skips one copy in the document and adds the others, so two
identical ratings on the same day survive a round trip.

An entry's content is kept as a key (a SHA-256 of its fields), so a document of a
million entries is matched through its staging database, not in memory.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .interchange_export import IDENTITY, LIST_OF_KIND, SPECS, TIMESTAMPS, Entries
from .interchange_staging import BATCH, Column, Document

# Journal entries link to journal entries, possibly in a cycle: a link names its
# journal target by the target's content without links.
_ORDER = ("contacts", "certifications", "trainings", "events", "ratings", "experience", "goals")
_ORDER += ("wins", "feedback")

# (list, entry, the key others find it by, the key it is matched by)
Record = Callable[[str, dict, str, str], None]


@dataclass(frozen=True)
class Matches:
    added: dict[str, int]
    skipped: dict[str, int]


def _key(entry: dict, **replaced) -> str:
    content = {k: v for k, v in entry.items() if k not in ("ref", IDENTITY) and k not in TIMESTAMPS}
    content.update(replaced)
    text = json.dumps(content, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _content_keys(entries: Callable[[str], Iterable[dict]], lookup, record: Record) -> None:
    """Every entry's key, list by list, so that what an entry points at is keyed first;
    ``lookup(list)`` maps a ref of that list to its key."""
    for key in _ORDER:
        for e in entries(key):
            if key in ("events", "wins"):
                contacts = lookup("contacts")
                own = _key(e, contacts=sorted(contacts[r] for r in e["contacts"]))
            elif key == "feedback":
                own = _key(e, contact=lookup("contacts").get(e["contact"]))
            else:
                own = _key(e)
            record(key, e, own, own)
    for e in entries("journal"):
        plain = _key(e, links=None)
        record("journal", e, plain, plain)
    for e in entries("journal"):
        links = sorted(
            f"{x['kind']}:{lookup(LIST_OF_KIND[x['kind']])[x['ref']]}" for x in e["links"]
        )
        record("journal", e, lookup("journal")[e["ref"]], _key(e, links=links))


def _stored_pool(stored: Entries) -> dict[str, dict[str, list[int]]]:
    """The logbook's entries by key: row ids, the first stored last, to be popped."""
    by_ref: dict[str, dict] = defaultdict(dict)
    matched: dict[str, dict] = defaultdict(dict)

    def record(key: str, entry: dict, lookup: str, match: str) -> None:
        by_ref[key][entry["ref"]] = lookup
        matched[key][entry["ref"]] = match

    _content_keys(lambda key: stored.lists[key], by_ref.__getitem__, record)
    pool: dict[str, dict[str, list[int]]] = {}
    for spec in SPECS:
        pool[spec.key] = defaultdict(list)
        entries, ids = stored.lists[spec.key], stored.ids[spec.key]
        for entry, row_id in zip(reversed(entries), reversed(ids), strict=True):
            pool[spec.key][matched[spec.key][entry["ref"]]].append(row_id)
    return pool


def _document_keys(document: Document) -> None:
    document.clear("keyed")
    pending: list[tuple] = []

    def record(key: str, entry: dict, lookup: str, match: str) -> None:
        pending.append((key, entry["ref"], lookup, match))
        if len(pending) >= BATCH:
            flush()

    def flush() -> None:
        document.put(
            "INSERT OR REPLACE INTO keyed (list, ref, position, lookup, match) SELECT ?, ?,"
            " (SELECT position FROM clean WHERE list = ?1 AND ref = ?2), ?, ?",
            pending,
        )
        pending.clear()

    def entries(key: str):
        for _, entry in document.entries(key, "clean"):
            yield entry
        flush()  # a later list's entries look these up

    _content_keys(entries, lambda key: Column(document, "keyed", "lookup", key), record)
    flush()


def match(session: Session, document: Document, stored: Entries) -> Matches:
    """Give every entry of the document its row id (``ids``): the stored copy's, or a
    new one after the logbook's highest, in file order."""
    _document_keys(document)
    pool = _stored_pool(stored)
    document.clear("ids")
    added, skipped = {}, {}
    for spec in SPECS:
        next_id = (session.scalar(select(func.max(spec.model.__table__.c.id))) or 0) + 1
        rows, new = [], 0
        for ref, position, key in document.rows(
            "SELECT ref, position, match FROM keyed WHERE list = ? ORDER BY position", spec.key
        ):
            if pool[spec.key][key]:
                rows.append((spec.key, ref, position, pool[spec.key][key].pop(), 0))
            else:
                rows.append((spec.key, ref, position, next_id + new, 1))
                new += 1
            if len(rows) >= BATCH:
                document.put("INSERT INTO ids VALUES (?, ?, ?, ?, ?)", rows)
                rows = []
        document.put("INSERT INTO ids VALUES (?, ?, ?, ?, ?)", rows)
        added[spec.key] = new
        skipped[spec.key] = document.counts[spec.key] - new
    return Matches(added, skipped)
