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
import typing
from pathlib import Path

from sqlalchemy.orm import Session

from ...files import check_folder_target, write_set_atomic
from .csv_format import KINDS, LogKind, to_cell


def columns(kind: LogKind) -> list[str]:
    dto_type = _dto_type(kind)
    names = [field.name for field in dataclasses.fields(dto_type)]
    return names + [name for name, _ in kind.derived]


def _dto_type(kind: LogKind) -> type:
    """The DTO class a service's ``get`` returns: its annotation names it."""
    return typing.get_type_hints(kind.module.get)["return"]


def render(session: Session, kind: LogKind) -> bytes:
    """One log as CSV bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns(kind))
    for item in kind.module.list_all(session):
        row = [to_cell(getattr(item, field.name)) for field in dataclasses.fields(item)]
        row += [to_cell(derive(item)) for _, derive in kind.derived]
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8-sig")


def export_csv(session: Session, folder: Path, force: bool = False) -> list[Path]:
    """Writes one file per log into ``folder`` (created if missing) as one set: either
    every file is replaced or none is. Returns the paths written."""
    folder = check_folder_target(folder)
    contents = {kind.file_name: render(session, kind) for kind in KINDS.values()}
    return write_set_atomic(folder, contents, force=force)
