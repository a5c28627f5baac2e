"""Is the logbook file sound? Checked before anything opens it for writing.

Every check here opens the file through a read-only URI (``mode=ro``): a damaged file must
never be written to, since SQLite's recovery (rolling back a journal, checkpointing a WAL)
would rewrite pages of a file we may still need to rescue. A read-only connection may
leave empty ``-wal``/``-shm`` side files beside a WAL database; the database file itself
is never touched.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ...schema import SchemaError

MAX_PROBLEMS = 100


@dataclass(frozen=True)
class CheckResult:
    path: Path
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


class DamagedDatabaseError(SchemaError):
    """The logbook failed its integrity check; it was not opened and not changed."""

    def __init__(self, path: Path, problems: tuple[str, ...], backup: Path | None):
        self.path = path
        self.problems = problems
        self.backup = backup
        found = "; ".join(problems[:3]) or "unknown damage"
        if backup is not None:
            advice = (
                f"The newest good backup is {backup}; to go back to it, run: "
                f'po-tracker restore "{backup}"'
            )
        else:
            advice = f"No good backup was found in {path.parent / 'backups'}."
        super().__init__(
            f"Your logbook {path} is damaged ({found}), so PO Tracker did not open it and "
            f"changed nothing. {advice}"
        )


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to ``path``; it fails if the file does not exist."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    connection = sqlite3.connect(uri, uri=True, isolation_level=None)
    connection.execute("PRAGMA query_only = ON")
    return connection


def _run_checks(path: Path, statements: tuple[str, ...]) -> CheckResult:
    problems: list[str] = []
    try:
        connection = connect_readonly(path)
    except sqlite3.Error as error:
        return CheckResult(Path(path), (f"cannot be opened: {error}",))
    try:
        for statement in statements:
            problems.extend(_problems(connection.execute(statement).fetchall(), statement))
    except sqlite3.DatabaseError as error:
        problems.append(str(error))
    finally:
        connection.close()
    return CheckResult(Path(path), tuple(problems))


def _problems(rows: list[tuple], statement: str) -> list[str]:
    if "foreign_key_check" in statement:
        return [
            f"{table} row {rowid} points at a missing {parent}" for table, rowid, parent, *_ in rows
        ]
    return [str(row[0]) for row in rows if row and row[0] != "ok"]


def quick_check(path: Path) -> CheckResult:
    """The fast check run at every start (PRAGMA quick_check): page structure, not indexes."""
    return _run_checks(path, (f"PRAGMA quick_check({MAX_PROBLEMS})",))


def full_check(path: Path) -> CheckResult:
    """``po-tracker check``: every page and index, and every reference between rows."""
    return _run_checks(
        path, (f"PRAGMA integrity_check({MAX_PROBLEMS})", "PRAGMA foreign_key_check")
    )


def read_revision(path: Path) -> str | None:
    """The schema revision recorded in ``path`` (read-only), or None when there is none."""
    connection = connect_readonly(path)
    try:
        found = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if not found:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        connection.close()
