"""Which entries of a document the logbook already holds, so that importing the same
file twice adds nothing the second time.

Two entries are the same when every field but ``ref``, ``uuid`` and the timestamps is
equal, and
what they point at is the same too (an event's contacts, a journal entry's links),
compared by content rather than by ref or id. The match counts copies: a logbook with
one copy of an entry skips one copy in the document and adds the others, so two
identical ratings on the same day survive a round trip.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from .interchange_export import IDENTITY, LIST_OF_KIND, SPECS, TIMESTAMPS, Entries

# Journal entries link to journal entries, possibly in a cycle: a link names its
# journal target by the target's content without links.
_ORDER = ("contacts", "certifications", "trainings", "events", "ratings", "experience", "goals")
_ORDER += ("wins", "feedback")


@dataclass
class Matches:
    add: dict[str, list[int]]  # indexes, in document order, of entries to insert
    existing: dict[str, dict[int, int]]  # ref -> row id of entries already stored


def _key(entry: dict, **replaced) -> str:
    content = {k: v for k, v in entry.items() if k not in ("ref", IDENTITY) and k not in TIMESTAMPS}
    content.update(replaced)
    return json.dumps(content, sort_keys=True, ensure_ascii=False)


def content_keys(lists: dict[str, list[dict]]) -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    by_ref: dict[str, dict[int, str]] = {}
    for key in _ORDER:
        if key in ("events", "wins"):
            contacts = by_ref["contacts"]
            keys[key] = [
                _key(e, contacts=sorted(contacts[r] for r in e["contacts"])) for e in lists[key]
            ]
        elif key == "feedback":
            contacts = by_ref["contacts"]
            keys[key] = [_key(e, contact=contacts.get(e["contact"])) for e in lists[key]]
        else:
            keys[key] = [_key(entry) for entry in lists[key]]
        by_ref[key] = {e["ref"]: k for e, k in zip(lists[key], keys[key], strict=True)}
    by_ref["journal"] = {e["ref"]: _key(e, links=None) for e in lists["journal"]}
    keys["journal"] = [
        _key(
            e,
            links=sorted(
                f"{x['kind']}:{by_ref[LIST_OF_KIND[x['kind']]][x['ref']]}" for x in e["links"]
            ),
        )
        for e in lists["journal"]
    ]
    return keys


def match(lists: dict[str, list[dict]], stored: Entries) -> Matches:
    new_keys = content_keys(lists)
    old_keys = content_keys(stored.lists)
    matches = Matches({}, {})
    for spec in SPECS:
        pool = defaultdict(list)
        for key, row_id in zip(
            reversed(old_keys[spec.key]), reversed(stored.ids[spec.key]), strict=True
        ):
            pool[key].append(row_id)
        matches.add[spec.key] = []
        matches.existing[spec.key] = {}
        for index, (entry, key) in enumerate(zip(lists[spec.key], new_keys[spec.key], strict=True)):
            if pool[key]:
                matches.existing[spec.key][entry["ref"]] = pool[key].pop()
            else:
                matches.add[spec.key].append(index)
    return matches
