"""Helpers the safety tests share (a module of its own: several folders have a conftest)."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

from po_tracker.paths import database_path
from po_tracker.services.logbook import journal_entries as journal
from po_tracker.services.logbook import training
from po_tracker.services.storage.opening import open_logbook

DAY = date(2025, 3, 1)


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def add_entries(db, count: int, prefix: str = "entry") -> list[int]:
    with db.write() as session:
        return [
            journal.create(session, journal.JournalInput(f"{prefix} {n} " + "x" * 300, DAY)).id
            for n in range(count)
        ]


def add_training(db, title: str = "Course", hours: float = 8.0) -> int:
    with db.write() as session:
        return training.create(session, training.TrainingInput(title, hours, DAY)).id


def closed_logbook_in(data_dir) -> Path:
    """A logbook with a few entries, closed (its WAL checkpointed into the file)."""
    db = open_logbook(data_dir)
    add_entries(db, 5)
    db.close()
    return database_path(data_dir)


def root_page(path: Path, table: str) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]


def corrupt_page(path: Path, page: int) -> None:
    """Overwrites a b-tree page's header, as a failing disk or a bad copy might."""
    size = 4096
    data = bytearray(path.read_bytes())
    data[(page - 1) * size : (page - 1) * size + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))
