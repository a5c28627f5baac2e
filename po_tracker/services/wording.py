"""Counts in words: "1 year", "2 years", "in 1 day", "today". One place, so every
message says them the same way."""

from __future__ import annotations

IRREGULAR = {"person": "people"}


def count_of(value: float, singular: str, plural: str | None = None) -> str:
    """``value`` and the noun, singular only for exactly one ("1 year", "0.5 years")."""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    if value == 1:
        return f"{text} {singular}"
    if plural is None:
        plural = IRREGULAR.get(singular) or (singular if singular.endswith("s") else singular + "s")
    return f"{text} {plural}"


def days_phrase(days_left: int | None) -> str:
    """How far a day is from today: "today", "in 1 day", "in 12 days", "1 day ago"."""
    if days_left is None:
        return "never"
    if days_left == 0:
        return "today"
    if days_left > 0:
        return f"in {count_of(days_left, 'day')}"
    return f"{count_of(-days_left, 'day')} ago"
