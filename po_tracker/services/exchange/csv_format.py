"""What the CSV export writes and the CSV import reads: one file per log, its columns, and
how a value becomes a cell and back. Kept in one place so the two always agree.

Formula injection: a spreadsheet runs a cell starting with ``=``, ``+``, ``-`` or ``@``
(and some a tab or carriage return) as a formula, so such a text cell gets a leading
``'`` (OWASP's advice). Text a spreadsheet would read as a number, a date or a time
(a credential number "000123", "1.50", "3/4", "10:30") gets one too, so that it stays
text there: no lost leading zeros, no date made of it. Text already starting with quotes
followed by one of those gets one more, and the import strips exactly one, so every
text survives a round trip.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from ..career.credit_claims import CreditClaim
from ..errors import ValidationError
from ..logbook import feedback_entries as feedback
from ..logbook import journal_entries as journal
from ..logbook.log_kinds import LogKind
from ..validation import strict_number

# The whole of a text a spreadsheet reads as a value of its own: a number (with
# grouping, a decimal part, an exponent or a percent sign), a date or a time.
_LOOKS_LIKE_A_VALUE = (
    r"(?:\d[\d,.]*(?:[eE][+-]?\d+)?%?|\.\d+|\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?"
    r"|\d{1,2}:\d{2}(?::\d{2})?)$"
)
_QUOTED_TRIGGER = re.compile(rf"^'*(?:[=+\-@\t\r]|{_LOOKS_LIKE_A_VALUE})")
_FORMULA_TRIGGER = re.compile(r"^'*[=+\-@\t\r]")
_QUOTED_TWICE = re.compile(rf"^'+(?:[=+\-@\t\r]|{_LOOKS_LIKE_A_VALUE})")
LIST_SEPARATOR = "; "
EXCLUDED = "excluded"
YES, NO = "yes", "no"
_TRUE = {"yes", "y", "true", "1"}
_FALSE = {"no", "n", "false", "0", ""}


# Columns a log's export derives although its entries lack them, which its import reads.
DERIVED: dict[str, tuple[tuple[str, Callable[[Any], Any]], ...]] = {
    "certification": (("custom", lambda entry: entry.credential_slug is None),),
}
# Links name entries by id in the logbook they came from; in another one they would
# point at the wrong entries, so the import leaves them out.
NOT_IMPORTED = {"links"}


def derived(kind: LogKind) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    return DERIVED.get(kind.name, ())


# --- text cells ----------------------------------------------------------------------------


def neutralise(text: str, keep_values: bool = True) -> str:
    """``keep_values=False`` guards formulas only: for a table meant to be computed with
    (a chart's numbers), where "2026-03" should become a date in the spreadsheet."""
    trigger = _QUOTED_TRIGGER if keep_values else _FORMULA_TRIGGER
    return "'" + text if trigger.match(text) else text


def restore_text(cell: str) -> str:
    return cell[1:] if _QUOTED_TWICE.match(cell) else cell


# --- values to cells -----------------------------------------------------------------------


def _claim_text(claim: CreditClaim) -> str:
    if claim.excluded:
        return f"{claim.credential}={EXCLUDED}"
    if claim.credits is None:
        return claim.credential
    return f"{claim.credential}={claim.credits:g}"


def _item_text(item) -> str:
    if isinstance(item, CreditClaim):
        return _claim_text(item)
    if isinstance(item, feedback.SkillLevel):
        return str(item)
    if isinstance(item, journal.EntryRef):
        return f"{item.kind}:{item.id}"
    # A name may hold the separator ("Smith; Jones Ltd"): it is escaped as "\;", and a
    # backslash as "\\", so the list splits back into the same items.
    return str(item).replace("\\", "\\\\").replace(";", "\\;")


def to_cell(value, keep_values: bool = True) -> str | int | float:
    """Numbers stay numbers, so a spreadsheet can add them up; text is neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, int | float):
        return value
    if isinstance(value, datetime):
        # Stored as UTC without a zone: written with its offset, so no program reads it
        # as local time.
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return neutralise(LIST_SEPARATOR.join(_item_text(item) for item in value), keep_values)
    return neutralise(str(value), keep_values)


# --- cells to values -----------------------------------------------------------------------


def parse_bool(cell: str) -> bool:
    text = cell.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"must be yes or no, not {cell!r}")


def parse_number(cell: str) -> float | int | None:
    """A whole number comes back as an int; the services check range and kind."""
    text = cell.strip()
    if not text:
        return None
    try:
        value = strict_number(text)
    except ValueError:
        raise ValueError(
            f"must be a plain decimal number such as 12 or 1.5, not {cell!r}"
        ) from None
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def parse_list(cell: str) -> tuple[str, ...]:
    r"""Items split at each ";" that is not escaped as "\;". A backslash before anything
    but ";" or another backslash is kept as typed."""
    items, current = [], []
    chars = iter(restore_text(cell))
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            current.append(following if following in ("\\", ";") else char + following)
        elif char == ";":
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return tuple(item.strip() for item in items if item.strip())


def parse_skill_levels(cell: str) -> tuple[feedback.SkillLevel, ...]:
    """ "Leadership=4; Communication" as skills with their levels."""
    try:
        return tuple(feedback.parse_skill_level(part) for part in parse_list(cell))
    except ValidationError as error:
        raise ValueError(error.errors[0].message) from None


def parse_claims(cell: str) -> tuple[CreditClaim, ...]:
    claims = []
    for part in parse_list(cell):
        name, _, amount = part.rpartition("=") if "=" in part else (part, "", "")
        if amount.strip().lower() == EXCLUDED:
            claims.append(CreditClaim(name.strip(), excluded=True))
        else:
            claims.append(CreditClaim(name.strip(), parse_number(amount) if amount else None))
    return tuple(claims)
