"""What the dashboard showed, kept in the logbook so that the next start can show it at
once, before SQLAlchemy and the engine are even imported.

Each part (the dashboard's numbers, each small chart) is stored with the data revision it
was computed from, the day it was computed for and the app's version. ``data_revision``
is raised by triggers on every data table (migration 0004) with every row written, by
any writer, so a part whose revision still matches was computed from exactly the data
that is there now. A part that does not match is never shown; the window computes it
again. Reading needs only ``sqlite3``; writing goes through the open ``Database``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import __version__
from ..schema import SCHEMA_HEAD
from .integrity import connect_readonly

# Raise the number when what a part holds, or how it is computed, changes within a
# version; a new version never trusts an older one's parts.
FORMAT = f"{__version__}/1"


@dataclass(frozen=True)
class StartView:
    revision: int
    as_of: date
    parts: dict[str, bytes]


def load(path: Path, as_of: date) -> StartView | None:
    """The parts of ``path`` still true on ``as_of``, read without writing anything; None
    when the file is missing, from another schema revision, or unreadable (the full
    open that follows says what is wrong)."""
    if not path.exists():
        return None
    try:
        connection = connect_readonly(path)
    except sqlite3.Error:
        return None
    try:
        if connection.execute("SELECT version_num FROM alembic_version").fetchone() != (
            SCHEMA_HEAD,
        ):
            return None
        # One read transaction, so the revision and the parts are of the same moment.
        connection.execute("BEGIN")
        (revision,) = connection.execute("SELECT value FROM data_revision").fetchone()
        rows = connection.execute(
            "SELECT name, body FROM start_view WHERE revision = ? AND as_of = ? AND format = ?",
            (revision, as_of.isoformat(), FORMAT),
        ).fetchall()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return StartView(revision, as_of, {name: bytes(body) for name, body in rows})


def revision(session) -> int:
    """The data revision seen by ``session``'s transaction."""
    return session.connection().exec_driver_sql("SELECT value FROM data_revision").scalar_one()


def save(
    database, name: str, revision: int, as_of: date, body: bytes, *, replaces: str = ""
) -> bool:
    """Keep ``body`` as part ``name``, computed from ``revision`` for ``as_of``; nothing is
    written if the data changed since (the part would be wrong). Parts whose names start
    with ``replaces`` go (a chart drawn at an older size). Returns whether it was kept."""
    with database.write() as session:
        connection = session.connection()
        current = connection.exec_driver_sql("SELECT value FROM data_revision").scalar_one()
        if current != revision:
            return False
        # Parts of older revisions or days can never be shown again.
        connection.exec_driver_sql(
            "DELETE FROM start_view WHERE revision != ? OR as_of != ? OR format != ?"
            " OR (? != '' AND substr(name, 1, length(?)) = ?)",
            (revision, as_of.isoformat(), FORMAT, replaces, replaces, replaces),
        )
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO start_view (name, revision, as_of, format, body)"
            " VALUES (?, ?, ?, ?, ?)",
            (name, revision, as_of.isoformat(), FORMAT, body),
        )
    return True


def readable(name: str, body: bytes) -> bool:
    """Whether a kept part can be shown: a chart is a PNG, the numbers are JSON. (The
    window computes an unreadable part again; ``check`` reports it.)"""
    body = bytes(body or b"")
    if body.startswith(b"\x89PNG\r\n\x1a\n"):
        return True
    try:
        json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    return True
