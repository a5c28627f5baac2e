"""Reading a logbook without being able to write anything, even where nothing may be
written: a data folder the user cannot write to, or a logbook file that is read-only.

SQLite reads a WAL-mode file through its ``-shm`` file, which it creates on opening. In
a folder that cannot be written it cannot, and even a read-only open fails; beside a
read-only logbook it would leave side files behind. When no
``-shm`` or ``-wal`` file is there, no program has the logbook open and all of it is in
the main file: it is then read as it stands (SQLite's ``immutable``)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def folder_is_writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def can_write(path: Path) -> bool:
    """Whether this process may change the logbook at ``path``: its folder (for the side
    files) and the file itself."""
    path = Path(path)
    return folder_is_writable(path.parent) and (not path.exists() or os.access(path, os.W_OK))


def uri(path: Path) -> str:
    path = Path(path)
    text = path.resolve().as_uri() + "?mode=ro"
    side_files = any(Path(f"{path}{suffix}").exists() for suffix in ("-shm", "-wal"))
    if not side_files and not can_write(path):
        text += "&immutable=1"
    return text


def connect(path: Path, **options) -> sqlite3.Connection:
    """A connection that cannot write to ``path``; it fails if the file does not exist."""
    connection = sqlite3.connect(uri(path), uri=True, **options)
    connection.execute("PRAGMA query_only = ON")
    return connection
