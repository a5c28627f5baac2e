"""The data folder and the disk, as the command line meets them: a folder that is a
file, a folder or logbook that cannot be written, a disk that will not take a write.
Each becomes one line naming the problem, never a traceback or a crash report."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..app_errors import AppError
from ..paths import database_path
from .parser import UsageError


class WriteRefused(AppError):
    """Nothing can be written where this command would write."""

    exit_status = 1


def refuse_file_as_folder(data_dir: Path) -> None:
    """A data folder (or a folder above it) that is a file: said plainly, before the
    operating system says "File exists" or "Not a directory" half-way through."""
    for folder in (data_dir, *data_dir.parents):
        if os.path.lexists(folder):
            if not folder.is_dir():
                raise UsageError(
                    f"the data folder {data_dir} cannot be used: {folder} is a file, not a"
                    " folder; choose another with --data-dir"
                )
            return


def refuse_unwritable(data_dir: Path, fresh_dir: bool) -> None:
    """A write where nothing can be written is refused before it starts, in one line;
    reads of the same logbook still work."""
    from ..read_only import folder_is_writable

    path = database_path(data_dir)
    if not fresh_dir and not folder_is_writable(data_dir):
        raise WriteRefused(
            f"the data folder {data_dir} cannot be written (no permission): your logbook"
            " can be read but not changed; nothing was changed"
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise WriteRefused(
            f"the logbook {path} is read-only: it can be read but not changed; nothing was changed"
        )


# What SQLite says when the disk or the file will not take a write: a fault of the
# machine, told in one line like an OSError, not a bug to report.
_STORAGE_FAULTS = {
    "SQLITE_FULL": "the disk is full",
    "SQLITE_IOERR": "the disk reported an input/output error",
    "SQLITE_READONLY": "the logbook cannot be written",
    "SQLITE_CANTOPEN": "the logbook cannot be opened for writing",
}


def storage_fault(error: Exception) -> str | None:
    driver = getattr(error, "orig", error)
    if not isinstance(driver, sqlite3.Error):
        return None
    name = getattr(driver, "sqlite_errorname", "") or ""
    return next((said for code, said in _STORAGE_FAULTS.items() if name.startswith(code)), None)
