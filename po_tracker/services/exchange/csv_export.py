"""CSV per log, for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents
right), a header row, numbers as numbers, text neutralised against formula injection
(see ``csv_format``). The set is written into a temporary folder and moved into place, and
no existing file is replaced unless the caller says so; with one file in the way, none is
written.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

from sqlalchemy.orm import Session

from ...files import check_folder_target, write_set_atomic
from ..logbook.log_kinds import KINDS, LogKind
from .csv_format import derived, to_cell


def columns(kind: LogKind) -> list[str]:
    dto_type = kind.entry_type
    names = [field.name for field in dataclasses.fields(dto_type)]
    return names + [name for name, _ in derived(kind)]


def render(session: Session, kind: LogKind) -> bytes:
    """One log as CSV bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns(kind))
    for item in kind.service.list_all(session):
        row = [to_cell(getattr(item, field.name)) for field in dataclasses.fields(item)]
        row += [to_cell(derive(item)) for _, derive in derived(kind)]
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8-sig")


def export_csv(session: Session, folder: Path, force: bool = False) -> list[Path]:
    """Writes one file per log into ``folder`` (created if missing) as one set: either
    every file is replaced or none is. Returns the paths written."""
    folder = check_folder_target(folder)
    contents = {kind.csv_file: render(session, kind) for kind in KINDS}
    return write_set_atomic(folder, contents, force=force)
