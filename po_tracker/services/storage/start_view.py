"""What the dashboard showed, kept in the user's cache folder so that the next start can
show it at once, before SQLAlchemy and the engine are even imported.

It is a cache, not the user's data: it lives apart from the logbook (``paths.cache_dir``),
viewing the dashboard never writes into the logbook, backups never carry it, and deleting
it changes nothing but speed. There is one cache file per logbook, named after the
logbook's real path.

Each part (the dashboard's numbers, each small chart) is stored with the data revision it
was computed from, the day it was computed for and the app's version. ``data_revision``
is set to a new random value by triggers on every data table (migration 0007) with every
row written, by any writer, so a part whose revision still matches was computed from
exactly the data that is there now, even after a backup was restored. A part that does
not match, or cannot be read, is never shown; the window computes it again. Everything
here needs only ``sqlite3``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ... import __version__
from ...paths import cache_dir, ensure_private_dir
from ...schema import SCHEMA_HEAD
from .integrity import connect_readonly

# Raise the number when what a part holds, or how it is computed, changes within a
# version; a new version never trusts an older one's parts.
FORMAT = f"{__version__}/2"
FOLDER = "start-view"
TABLE = (
    "CREATE TABLE IF NOT EXISTS start_view ("
    " name TEXT NOT NULL PRIMARY KEY, revision INTEGER NOT NULL, as_of TEXT NOT NULL,"
    " format TEXT NOT NULL, body BLOB NOT NULL)"
)


@dataclass(frozen=True)
class StartView:
    revision: int
    as_of: date
    parts: dict[str, bytes]


def cache_file(logbook: Path) -> Path:
    """The cache file kept for the logbook at ``logbook``."""
    key = hashlib.sha256(str(Path(logbook).resolve()).encode("utf-8", "surrogatepass"))
    return cache_dir() / FOLDER / f"{key.hexdigest()[:32]}.sqlite3"


def load(path: Path, as_of: date) -> StartView | None:
    """The parts kept for the logbook at ``path`` that are still true on ``as_of``, read
    without writing anything (none when nothing is kept); None when the logbook is
    missing, from another schema revision or unreadable (the full open that follows says
    what is wrong)."""
    current = logbook_revision(path)
    if current is None:
        return None
    kept = cache_file(path)
    if not kept.exists():
        return StartView(current, as_of, {})
    try:
        connection = sqlite3.connect(f"{kept.as_uri()}?mode=ro", uri=True)
        try:
            rows = connection.execute(
                "SELECT name, body FROM start_view WHERE revision = ? AND as_of = ? AND format = ?",
                (current, as_of.isoformat(), FORMAT),
            ).fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        rows = []  # a damaged cache is only a slower start
    parts = {name: bytes(body) for name, body in rows if readable(name, body)}
    return StartView(current, as_of, parts)


def logbook_revision(path: Path) -> int | None:
    """The data revision of the logbook at ``path``, read-only; None when the file is
    missing, unreadable or at another schema revision."""
    if not path.exists():
        return None
    try:
        connection = connect_readonly(path)
    except sqlite3.Error:
        return None
    try:
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if version != (SCHEMA_HEAD,):
            return None
        return connection.execute("SELECT value FROM data_revision").fetchone()[0]
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def revision(session) -> int:
    """The data revision seen by ``session``'s transaction."""
    return session.connection().exec_driver_sql("SELECT value FROM data_revision").scalar_one()


def save(
    database, name: str, revision: int, as_of: date, body: bytes, *, replaces: str = ""
) -> bool:
    """Keep ``body`` as part ``name``, computed from ``revision`` for ``as_of``; nothing is
    kept if the data changed since (the part would be wrong). Parts whose names start
    with ``replaces`` go (a chart drawn at an older size). Returns whether it was kept. A
    cache that cannot be written is only a slower next start: never an error."""
    if logbook_revision(database.path) != revision:
        return False
    try:
        connection = _open_for_writing(cache_file(database.path))
        try:
            with connection:
                # Parts of other revisions or days can never be shown again.
                connection.execute(
                    "DELETE FROM start_view WHERE revision != ? OR as_of != ? OR format != ?"
                    " OR (? != '' AND substr(name, 1, length(?)) = ?)",
                    (revision, as_of.isoformat(), FORMAT, replaces, replaces, replaces),
                )
                connection.execute(
                    "INSERT OR REPLACE INTO start_view (name, revision, as_of, format, body)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (name, revision, as_of.isoformat(), FORMAT, body),
                )
        finally:
            connection.close()
    except (sqlite3.Error, OSError):
        return False
    return True


def kept_names(logbook: Path) -> list[str]:
    """The names of the parts kept for ``logbook`` by this version, whatever their
    revision or day (the sizes its charts were last drawn at)."""
    kept = cache_file(logbook)
    if not kept.exists():
        return []
    try:
        connection = sqlite3.connect(f"{kept.as_uri()}?mode=ro", uri=True)
        try:
            rows = connection.execute(
                "SELECT name FROM start_view WHERE format = ?", (FORMAT,)
            ).fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return []
    return [name for (name,) in rows]


def forget(logbook: Path) -> None:
    """Removes what is kept for ``logbook`` (a demo's, when the demo ends)."""
    kept = cache_file(logbook)
    for leftover in (kept, kept.with_name(kept.name + "-journal")):
        leftover.unlink(missing_ok=True)


def _open_for_writing(kept: Path) -> sqlite3.Connection:
    ensure_private_dir(kept.parent)
    # Created private before SQLite opens it: a chart of the user's progress is theirs.
    os.close(os.open(kept, os.O_CREAT | os.O_WRONLY, 0o600))
    connection = sqlite3.connect(kept, timeout=1.0)
    connection.execute(TABLE)
    return connection


def readable(name: str, body: bytes) -> bool:
    """Whether a kept part can be shown: a chart is a PNG, the numbers are JSON."""
    body = bytes(body or b"")
    if body.startswith(b"\x89PNG\r\n\x1a\n"):
        return True
    try:
        json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    return True
