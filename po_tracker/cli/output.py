"""How the command line prints entries: JSON for scripts, one line each for people."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date, datetime

from ..services.wording import count_of

# Control characters are never sent to the terminal raw: an old entry (or a file another
# program wrote) could otherwise move the cursor, change colours or hide text. Shown as
# escapes, as git shows unusual file names.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
# JSON escapes C0 itself; DEL and C1 it leaves raw when ensure_ascii is off.
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` on one line with every control character escaped (``\\n``, ``\\x1b``)."""
    return _UNPRINTABLE.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


def print_lines(text: str) -> None:
    """Text of several lines, each line's content made printable."""
    print("\n".join(printable(line) for line in text.split("\n")))


def to_jsonable(value):
    if dataclasses.is_dataclass(value):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def print_json(value) -> None:
    text = json.dumps(to_jsonable(value), indent=2, ensure_ascii=False)
    print(_RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def _hours(value: float) -> str:
    return f"{value:g} h"


def _join(*parts) -> str:
    """The parts that say something: an empty text, a 0 or a False from ``x and ...``
    (no hours, no events met) is left out rather than printed as "0"."""
    return ", ".join(str(part) for part in parts if part)


def summary(kind: str, item) -> str:
    """One line that says what the entry is, for lists and confirmations."""
    line = {
        "certification": lambda c: _join(
            c.name,
            f"earned {c.earned_on}" if c.earned_on else c.status,
            c.expires and f"expires {c.expires}",
            _attached(c),
        ),
        "training": lambda t: _join(
            t.title, t.start_date, _hours(t.hours), t.provider, t.status, _attached(t)
        ),
        "event": lambda e: _join(
            e.title,
            e.type_label,
            e.event_date,
            e.hours and _hours(e.hours),
            e.contacts and "met " + " and ".join(e.contacts),
        ),
        "contact": lambda c: _join(
            c.name, c.organization, c.role, c.events_count and count_of(c.events_count, "event")
        ),
        "rating": lambda r: _join(r.skill, f"level {r.level}", r.rated_on, r.source),
        "experience": lambda x: _join(
            x.role,
            x.organization,
            f"{x.start_date} to {x.end_date or 'now'}",
            x.sprints and f"{x.sprints} sprints",
        ),
        "journal": lambda j: _join(
            j.entry_date, j.title or _first_line(j.text), " ".join("#" + t for t in j.tags)
        ),
        "goal": lambda g: _join(g.text, g.status, g.target_date and f"due {g.target_date}"),
        "win": lambda w: _join(
            w.title, w.win_date, w.metric, w.skills and ", ".join(w.skills), _attached(w)
        ),
        "feedback": lambda f: _join(
            f"“{_first_line(f.quote)}”",
            f"{f.giver or 'someone'} ({f.giver_role})",
            f.given_on,
            f.skills and ", ".join(str(s) for s in f.skills),
        ),
    }[kind](item)
    return printable(f"#{item.id}  {line}")


def _attached(item) -> str:
    if not item.attachment:
        return ""
    from ..services.storage.attachments import original_name

    return f"attached {original_name(item.attachment)}"


def _first_line(text: str, width: int = 60) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= width else first[: width - 1] + "…"
