"""Checks shared by every service. Each returns the cleaned value or records a
``FieldError`` in the collector, so one pass reports every field at fault."""

from __future__ import annotations

import math
import re
from datetime import date

from .errors import FieldError, ValidationError

MAX_TEXT = 20_000
MAX_SHORT_TEXT = 300
MAX_HOURS = 10_000
MAX_COUNT = 1_000_000
EARLIEST = date(1950, 1, 1)
LATEST = date(2100, 12, 31)
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_CURRENCY = re.compile(r"^[A-Z]{3}$")
# Only the one date form, with ASCII digits: Python also reads ISO weeks and ordinal days
# ("2025-W01-1"), which no user means and no other program writes back.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Plain decimal numbers: no exponent, no "1_0", no "nan" or "inf", no other scripts' digits.
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_WHOLE = re.compile(r"[+-]?[0-9]+")
# C0 and C1 control characters and DEL; tab and line breaks are allowed in multi-line text.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class Checker:
    """Collects field errors; ``done()`` raises them all at once."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def fail(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message))

    def resolve(self, resolver, session, text: str, field: str):
        """A framework id from ``lookup``; an unknown name is recorded, not raised."""
        try:
            return resolver(session, text, field=field)
        except ValidationError as error:
            self.errors.extend(error.errors)
            return None

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

    def text(self, field: str, value: str | None, *, required=False, limit=MAX_SHORT_TEXT):
        """One-line text up to ``MAX_SHORT_TEXT``; longer limits are multi-line text,
        where tabs and line breaks are fine. Control characters are refused either way."""
        value = (value or "").strip()
        problem = text_problem(value, multiline=limit > MAX_SHORT_TEXT)
        if required and not value:
            self.fail(field, "must not be empty")
        elif len(value) > limit:
            self.fail(field, f"is too long ({len(value)} characters; at most {limit})")
        elif problem:
            self.fail(field, problem)
        return value

    def number(self, field: str, value, *, minimum=0.0, maximum=MAX_HOURS, integer=False):
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(field, f"must be a number, not {value!r}")
            return None
        if not math.isfinite(value):
            self.fail(field, "must be a finite number")
            return None
        if integer and value != int(value):
            self.fail(field, f"must be a whole number, not {value}")
            return None
        if value < minimum:
            self.fail(
                field,
                f"must not be negative (got {value:g})"
                if minimum == 0
                else f"must be at least {minimum:g} (got {value:g})",
            )
            return None
        if value > maximum:
            self.fail(field, f"must be at most {maximum:g} (got {value:g})")
            return None
        return int(value) if integer else float(value)

    def level(self, field: str, value):
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or value != int(value)
        ):
            self.fail(field, f"must be a whole number from 1 to 5, not {value!r}")
            return None
        if not 1 <= value <= 5:
            self.fail(field, f"must be from 1 to 5 (got {value:g})")
            return None
        return int(value)

    def day(self, field: str, value: date | None, *, required=False):
        if value is None:
            if required:
                self.fail(field, "is required")
            return None
        if not isinstance(value, date):
            self.fail(field, f"must be a date, not {value!r}")
            return None
        if not EARLIEST <= value <= LATEST:
            self.fail(field, f"must be between {EARLIEST} and {LATEST} (got {value})")
            return None
        return value

    def not_future(self, field: str, value: date | None, what: str) -> None:
        """A rating or a completion records what has happened: its date may not be
        after today (a planned item may be; it is not done yet)."""
        today = date.today()
        if isinstance(value, date) and value > today:
            self.fail(field, f"({value}) is after today: {what} cannot be dated in the future")

    def order(self, start_field: str, start: date | None, end_field: str, end: date | None):
        if start is not None and end is not None and end < start:
            self.fail(end_field, f"({end}) is before the {start_field.replace('_', ' ')} ({start})")

    def choice(self, field: str, value: str | None, choices: tuple[str, ...]):
        normalized = (value or "").strip().lower().replace("_", "-").replace(" ", "-")
        if normalized not in choices:
            self.fail(field, f"must be one of {', '.join(choices)} (got {value!r})")
            return None
        return normalized

    def url(self, field: str, value: str | None):
        value = self.text(field, value, limit=2000)
        if value and not _URL.match(value):
            self.fail(field, "must start with http:// or https://")
        return value

    def currency(self, field: str, value: str | None):
        value = (value or "").strip().upper()
        if value and not _CURRENCY.match(value):
            self.fail(field, f"must be a three-letter code such as USD or EUR (got {value!r})")
            return None
        return value or None


def text_problem(value: str, *, multiline: bool) -> str | None:
    """What makes ``value`` unfit to store and show, in words; None when it is fine."""
    if _SURROGATE.search(value):
        return "is not valid text (it holds bytes that are not UTF-8, or a lone surrogate)"
    found = (_CONTROL_MULTILINE if multiline else _CONTROL).search(value)
    if found:
        where = "" if multiline else " (one line, no tabs)"
        return f"contains a control character (U+{ord(found.group()):04X}){where}"
    return None


def strict_date(text: str) -> date:
    """``YYYY-MM-DD`` and nothing else; ``ValueError`` for any other form or a day that
    does not exist."""
    if not isinstance(text, str) or not _DATE.fullmatch(text):
        raise ValueError(f"not a date as YYYY-MM-DD: {text!r}")
    return date.fromisoformat(text)


def strict_number(text: str, *, whole: bool = False) -> float | int:
    """A plain decimal number (``ValueError`` otherwise): what a person types, not what
    Python happens to accept."""
    if not (_WHOLE if whole else _DECIMAL).fullmatch(text):
        raise ValueError(f"not a plain decimal number: {text!r}")
    return int(text) if whole else float(text)


def parse_iso_date(field: str, text: str) -> date:
    """A ``YYYY-MM-DD`` date from the command line or a file."""
    try:
        return strict_date(text.strip())
    except (ValueError, AttributeError):
        raise ValidationError.single(
            field, f"must be a date as YYYY-MM-DD (got {text!r})"
        ) from None
