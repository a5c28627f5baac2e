"""A chart's numbers table as a CSV file, for a spreadsheet: the same encoding and
formula-injection guard as the logs' CSV export (``csv_format``). Its dates and months
are left for the spreadsheet to read as such: the table is there to be computed with."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ...files import write_atomic
from .csv_format import to_cell


def render(headers, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([to_cell(h, keep_values=False) for h in headers])
    for row in rows:
        writer.writerow([to_cell(value, keep_values=False) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def save(path: Path, headers, rows) -> None:
    """Written whole or not at all; the user has already agreed to replace a file in
    the way (the save dialog asks)."""
    write_atomic(Path(path), render(headers, rows), force=True)
