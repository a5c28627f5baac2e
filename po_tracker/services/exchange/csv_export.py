"""CSV per log, for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents
right), a header row, numbers as numbers, text neutralised against formula injection
(see ``csv_format``). Each file is written atomically, and no existing file is replaced
unless the caller says so; with one file in the way, none is written.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import typing
from pathlib import Path

from sqlalchemy.orm import Session

from ...files import FileExistsRefused, write_atomic
from ...paths import ensure_private_dir
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
    """Writes one file per log into ``folder`` (created, private, if missing); returns
    the paths written."""
    folder = Path(folder)
    targets = {name: folder / kind.file_name for name, kind in KINDS.items()}
    in_the_way = [path for path in targets.values() if path.exists()]
    if in_the_way and not force:
        names = ", ".join(path.name for path in in_the_way)
        raise FileExistsRefused(f"{folder} already has {names}; add --force to replace them")
    ensure_private_dir(folder)
    contents = {name: render(session, KINDS[name]) for name in targets}
    for name, path in targets.items():
        write_atomic(path, contents[name], force=force)
    return list(targets.values())
