"""What the shipped JSON Schemas' formats and patterns mean: a check for each format the
patterns leave open (a real date, a real UUID), and each pattern in words, so that a
user reading an error never has to read a regular expression. Used by
``interchange_schema``; tests/interchange checks every pattern of the schemas is here."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date


def _parses(parse) -> Callable[[str], bool]:
    def test(value: str) -> bool:
        try:
            parse(value)
        except ValueError:
            return False
        return True

    return test


FORMATS = {
    # The patterns next to these formats fix the shape; these check the value is real.
    "date": (_parses(date.fromisoformat), "is not a real date"),
    "uuid": (_parses(uuid.UUID), "is not a UUID"),
}


# What each pattern of the shipped schemas asks for, in words: a user reading an error
# should never have to read a regular expression. tests/interchange checks all are here.
PATTERN_WORDS = {
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "must be a date as YYYY-MM-DD",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?Z$": (
        "must be a UTC time such as 2025-03-01T09:30:00Z"
    ),
    "\\S": "must not be blank",
    "^[A-Z]{3}$": "must be a three-letter currency code such as USD or EUR",
    "^$|^[hH][tT][tT][pP][sS]?://\\S+$": "must be empty or start with http:// or https://",
    "^(?!\\.\\.?$)[^/\\\\\\u0000-\\u001f]+$": "must be a plain file name (no folders)",
    "^#?[^\\s#]\\S*$": "must be one word (a tag such as #discovery)",
    "^[a-z0-9]+(-[a-z0-9]+)*$": "must be lower-case words joined by hyphens, such as agile-coach",
    "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$": (
        "must be a UUID in lower case with hyphens, such as 0f8fad5b-d9cb-469f-a165-70867728950e"
    ),
    "^[1-5]$": "must be a level from 1 to 5",
}


def pattern_in_words(pattern: str) -> str:
    return PATTERN_WORDS.get(pattern, "is not in the form this field takes")
