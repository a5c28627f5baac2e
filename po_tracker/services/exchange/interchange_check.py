"""What the schema cannot say about an interchange document, over the whole of it:
every entry checked by the services' own rules (``interchange_entries``), every ref and
slug pointing at something, no ref or UUID used twice, and the profile. Produces the
entries cleaned into export form, so that an imported entry and a stored one compare
equal when their content is the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from ...vocabulary import DEFAULT_WEIGHTS
from ..errors import FieldError, ValidationError
from ..limits import MAX_WEIGHT
from .interchange_entries import CLEANERS, Context, EntryCheck, plain_dict, timestamp
from .interchange_export import IDENTITY, SPECS, TIMESTAMPS
from .interchange_staging import BATCH, Column, Document, as_ref

MAX_ERRORS = 20


@dataclass
class Cleaned:
    framework: dict | None
    profile: dict | None
    document: Document  # its entries, cleaned (the ``clean`` table)


class TooMany(Exception):
    """Enough errors to show: a broken 100,000-entry file need not list every one."""


def clean_lists(document: Document, context: Context, errors: list[FieldError]) -> None:
    """Each entry checked and cleaned into export form, into the document's ``clean``."""
    document.clear("clean")
    for spec in SPECS:
        pending = []
        for position, entry in document.entries(spec.key):
            c = EntryCheck(entry, context)
            values = {"ref": as_ref(entry["ref"]), **plain_dict(CLEANERS[spec.key](c))}
            values.update({name: timestamp(c, name) for name in TIMESTAMPS})
            values[IDENTITY] = entry.get(IDENTITY)
            pending.append(
                (spec.key, position, values["ref"], values[IDENTITY], json.dumps(values))
            )
            if len(pending) >= BATCH:
                document.put("INSERT INTO clean VALUES (?, ?, ?, ?, ?)", pending)
                pending = []
            _collect(errors, f"{spec.key}[{position}]", c.errors)
        document.put("INSERT INTO clean VALUES (?, ?, ?, ?, ?)", pending)
        _twice(document, "clean", "uuid", spec.key, errors)


def _twice(document: Document, table: str, column: str, key: str, errors) -> None:
    """Each entry of a list that repeats an earlier one's ``column`` (a ref, a uuid)."""
    rows = document.rows(
        f"SELECT position, {column} FROM {table} AS a WHERE list = ? AND {column} IS NOT NULL"
        f" AND EXISTS (SELECT 1 FROM {table} AS b WHERE b.list = a.list"
        f" AND b.{column} = a.{column} AND b.position < a.position) ORDER BY position",
        key,
    )
    for position, value in rows:
        if column == "ref":
            found = FieldError("ref", "is used twice")
        else:  # two entries of one list cannot be one entry
            found = FieldError(column, f"is used by another entry of this list (got {value!r})")
        _collect(errors, f"{key}[{position}]", [found])


def check_refs(document: Document, errors: list[FieldError]) -> dict[str, Column]:
    """No ref twice in a list; what each list's refs are, for the entries pointing at them."""
    for spec in SPECS:
        _twice(document, "raw", "ref", spec.key, errors)
    return {spec.key: Column(document, "raw", "ref", spec.key) for spec in SPECS}


def clean_profile(profile, context: Context, weights: dict, errors) -> dict | None:
    if profile is None:
        return None
    c = EntryCheck(profile, context)
    stages = {name: c.slug(name, "stage") for name in ("current_stage", "target_stage")}
    merged = {**weights, **profile.get("weights", {})}
    cleaned = {name: c.number(name, merged[name], maximum=MAX_WEIGHT) for name in DEFAULT_WEIGHTS}
    if not c.errors and sum(cleaned.values()) <= 0:
        c.fail("weights", "at least one weight must be above zero")
    _collect(errors, "profile", c.errors)
    return {**stages, "weights": plain_dict(cleaned)}


def _collect(errors: list[FieldError], where: str, found) -> None:
    for error in found:
        errors.append(FieldError(f"{where}.{error.field}", error.message))
        if len(errors) >= MAX_ERRORS:
            raise TooMany


@contextmanager
def collecting() -> Iterator[list[FieldError]]:
    """One error list for several checks; raises them all together at the end."""
    errors: list[FieldError] = []
    with suppress(TooMany):
        yield errors
    if errors:
        raise ValidationError(errors)
