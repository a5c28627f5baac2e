"""CSV into one log, through the same services (and the same rules) as the window.

Every row is read and validated before anything is written; one bad cell and nothing
is added, with a message naming each row and column at fault. The writes then happen in
a savepoint, so a failure half-way leaves the caller's transaction as it was.
Columns the export writes but the import cannot use (ids, timestamps, computed values,
links to entries by id) are accepted and ignored; any other unknown column is an error,
since it most likely means a typo that would silently drop data.
"""

from __future__ import annotations

import collections
import csv
import dataclasses
import re
import typing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ..career.credit_claims import CreditClaim
from ..errors import FieldError, ValidationError
from ..logbook.feedback_entries import SkillLevel
from ..logbook.log_kinds import LogKind, named
from .csv_dates import ACCEPTED, DateOrderError, column_order, parse_date
from .csv_export import columns as export_columns
from .csv_format import (
    NOT_IMPORTED,
    parse_bool,
    parse_claims,
    parse_list,
    parse_number,
    parse_skill_levels,
    restore_text,
)

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
MAX_FIELD_CHARS = 1_000_000
# Far more than any log has (the export writes at most about 25): a row of a million
# empty cells would otherwise cost tens of MB, and checking its header would take hours.
MAX_COLUMNS = 200
MAX_REPORTED = 30


@dataclass(frozen=True)
class ImportReport:
    kind: str
    rows: int
    dry_run: bool
    ids: tuple[int, ...]
    # Cells imported as they are that a spreadsheet may have changed: worth a look.
    warnings: tuple[str, ...] = ()

    def summary(self) -> str:
        verb = "Would add" if self.dry_run else "Added"
        head = f"{verb} {self.rows} {self.kind} entr{'y' if self.rows == 1 else 'ies'}."
        return "\n".join((head, *self.warnings))


# Identifiers a spreadsheet turns into a number or a date when it opens the file: a long
# number shortened to "1.23457E+11", "3/4" made a date, "000123" made 123. The app writes
# such text with a leading "'" (csv_format), so a bare number there is no longer what it
# wrote. Imported as they are (they may be right), but said, so they can be checked.
IDENTIFIER_COLUMNS = ("credential_number",)
_MANGLED = (
    (
        re.compile(r"^[+-]?\d+([.,]\d+)?E[+-]?\d+$", re.IGNORECASE),
        "a number a spreadsheet shortened",
    ),
    (
        re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}( 00:00(:00)?)?$"),
        "a date a spreadsheet made of it",
    ),
    (
        re.compile(r"^\d[\d,.]*$"),
        "a number a spreadsheet read, which drops leading zeros and trailing decimal zeros",
    ),
)


def _flags(header: list[str], rows) -> tuple[str, ...]:
    found = []
    for column in IDENTIFIER_COLUMNS:
        if column not in header:
            continue
        at = header.index(column)
        for number, row in enumerate(rows, start=2):
            cell = row[at].strip() if at < len(row) else ""
            what = next((what for pattern, what in _MANGLED if pattern.match(cell)), None)
            if what:
                found.append(
                    f"Row {number}, column {column}: {cell!r} looks like {what};"
                    " check it against the original."
                )
    return tuple(found)


def import_csv(session: Session, kind: str, path: Path, dry_run: bool = False) -> ImportReport:
    log = named(kind)
    header, rows = _read_rows(Path(path), _known_columns(log))
    _check_header(log, header)
    inputs = _validated_inputs(session, log, header, rows)
    flags = _flags(header, rows)
    if dry_run:
        return ImportReport(log.name, len(inputs), True, (), flags)
    with session.begin_nested():
        ids = tuple(log.service.create(session, data).id for data in inputs)
    return ImportReport(log.name, len(inputs), False, ids, flags)


# --- reading the file ----------------------------------------------------------------------


def _fail(message: str) -> ValidationError:
    return ValidationError.single("file", message)


def _read_text(path: Path) -> str:
    try:
        if not path.is_file():
            raise _fail(f"{path} is not a file" if path.exists() else f"{path} does not exist")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(f"{path} is {size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB")
        raw = path.read_bytes()
    except PermissionError:
        raise _fail(f"{path} cannot be read (permission denied)") from None
    except OSError as error:
        raise _fail(f"{path} cannot be read ({error.strerror})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _fail(
            f"{path} is not UTF-8 text (bad byte at offset {error.start}); "
            "save it from the spreadsheet as 'CSV UTF-8'"
        ) from None


SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}


def _separator(lines: list[str], known: set[str]) -> str:
    """The separator that makes the most of the first row's cells known column names:
    a spreadsheet in a locale with a decimal comma saves CSV with semicolons."""
    first = next((line for line in lines if line.strip()), "")

    def known_cells(separator: str) -> int:
        cells = next(csv.reader([first], delimiter=separator), [])
        return sum(cell.strip().lower() in known for cell in cells)

    return max(SEPARATORS, key=known_cells)  # ties go to the comma, listed first


def _read_rows(path: Path, known: set[str]) -> tuple[list[str], list[list[str]]]:
    text = _read_text(path)
    if "\x00" in text:
        raise _fail(f"{path} contains NUL characters; it is not a CSV text file")
    # Only ever raised, never lowered: a journal entry may be longer than csv's default.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD_CHARS))
    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines, delimiter=_separator(lines, known), strict=True)
    try:
        records = []
        for record in reader:
            if len(records) > MAX_ROWS:
                raise _fail(f"{path} has more than {MAX_ROWS} rows; split it into smaller files")
            if len(record) > MAX_COLUMNS:
                raise _fail(
                    f"{path}: row {len(records) + 1} has {len(record)} columns;"
                    f" a log has at most {MAX_COLUMNS}"
                )
            records.append(record)
    except csv.Error as error:
        raise _fail(f"{path} is not valid CSV: {error} (row {len(records) + 1})") from None
    records = [record for record in records if any(cell.strip() for cell in record)]
    if not records:
        raise _fail(f"{path} is empty; the first row must name the columns")
    return [name.strip().lower() for name in records[0]], records[1:]


def _known_columns(log: LogKind) -> set[str]:
    return {field.name for field in dataclasses.fields(log.input_type)} | set(export_columns(log))


def _check_header(log: LogKind, header: list[str]) -> None:
    fields = {field.name for field in dataclasses.fields(log.input_type)}
    known = _known_columns(log)
    errors = []
    counts = collections.Counter(header)
    for name in sorted(n for n, seen in counts.items() if seen > 1):
        errors.append(FieldError(f"column {name}", "appears more than once"))
    for name in header:
        if name not in known:
            valid = ", ".join(sorted(fields - NOT_IMPORTED))
            errors.append(FieldError(f"column {name!r}", f"is not a {log.name} field ({valid})"))
    if len(header) == 1 and errors:
        separators = ", ".join(SEPARATORS.values())
        errors.append(FieldError("file", f"the first row has one column: cells must be "
                                         f"separated by {separators}"))  # fmt: skip
    for field in dataclasses.fields(log.input_type):
        required = field.default is dataclasses.MISSING
        if required and field.default_factory is dataclasses.MISSING and field.name not in header:
            errors.append(FieldError(f"column {field.name}", "is missing from the first row"))
    if errors:
        raise ValidationError(errors)


# --- rows to the services' input -----------------------------------------------------------


def _date_orders(hints: dict, header: list[str], rows) -> dict[str, str | None]:
    """How each date column writes day and month (see ``csv_dates``)."""
    orders, errors = {}, []
    for index, name in enumerate(header):
        if name not in hints or not _is_date(hints[name]):
            continue
        try:
            orders[name] = column_order(row[index] for row in rows if index < len(row))
        except DateOrderError as error:
            errors.append(FieldError(f"column {name}", f"{error}; write dates as {ACCEPTED}"))
    if errors:
        raise ValidationError(errors)
    return orders


def _is_date(hint) -> bool:
    return hint is date or date in typing.get_args(hint)


def _validated_inputs(session: Session, log: LogKind, header: list[str], rows) -> list[Any]:
    hints = typing.get_type_hints(log.input_type)
    orders = _date_orders(hints, header, rows)
    inputs, errors = [], []
    for number, row in enumerate(rows, start=2):  # row 1 is the header, as a spreadsheet shows
        data, unreadable = _to_input(log, hints, header, row, number, orders)
        errors.extend(unreadable)
        if data is None:
            continue
        try:
            log.service.validate(session, data)
        except ValidationError as error:
            # A cell already reported as unreadable reached the service as None.
            seen = {e.field.rpartition(" ")[2] for e in unreadable}
            errors.extend(_in_row(number, e, header) for e in error.errors if e.field not in seen)
        inputs.append(data)
    if errors:
        raise ValidationError(_capped(errors))
    return inputs


def _in_row(number: int, error: FieldError, header: list[str]) -> FieldError:
    where = f"column {error.field}" if error.field in header else error.field
    return FieldError(f"row {number}, {where}", error.message)


def _capped(errors: list[FieldError]) -> list[FieldError]:
    if len(errors) <= MAX_REPORTED:
        return errors
    rest = len(errors) - MAX_REPORTED
    return errors[:MAX_REPORTED] + [FieldError("file", f"and {rest} more problems")]


def _to_input(log: LogKind, hints: dict, header: list[str], row: list[str], number: int, orders):
    """The row as the service's Input (unreadable cells as None, so the service still
    checks the others) and the cells that could not be read."""
    if len(row) > len(header):
        message = f"has {len(row)} cells for {len(header)} columns"
        return None, [FieldError(f"row {number}", message)]
    cells = dict(zip(header, row + [""] * (len(header) - len(row)), strict=True))
    values, problems = {}, []
    for field in dataclasses.fields(log.input_type):
        if field.name in NOT_IMPORTED or field.name not in cells:
            continue
        try:
            # An empty required cell reaches the service as None, whose check names it.
            order = orders.get(field.name)
            values[field.name] = _convert(hints[field.name], cells[field.name], order)
        except ValueError as error:
            values[field.name] = () if typing.get_origin(hints[field.name]) is tuple else None
            problems.append(FieldError(f"row {number}, column {field.name}", str(error)))
    return log.input_type(**values), problems


def _convert(hint, cell: str, order: str | None = None):
    """A cell as the Input field's type; ValueError says what is wrong with it."""
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if item is SkillLevel:
            return parse_skill_levels(cell)
        return parse_claims(cell) if item is CreditClaim else parse_list(cell)
    optional = type(None) in typing.get_args(hint)
    base = next((arg for arg in typing.get_args(hint) if arg is not type(None)), hint)
    if cell.strip() == "" and (optional or base in (date, float, int)):
        return None
    if base is str:
        return restore_text(cell)
    if base is bool:
        return parse_bool(cell)
    if base in (int, float):
        return parse_number(cell)
    if base is date:
        return parse_date(cell, order)
    raise ValueError(f"cannot be read from a CSV cell ({hint})")
