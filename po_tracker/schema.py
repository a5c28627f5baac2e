"""Brings a database file to the schema this version of the app expects.

The fast path reads one row with plain SQL and imports nothing from Alembic, so that a
start-up with a current schema costs almost nothing. Any other case goes through Alembic,
in one transaction with foreign keys off: a batch migration copies and drops tables, and
with foreign keys on, dropping a parent table would cascade-delete the user's entries.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from . import read_only
from .app_errors import AppError

# The newest revision in po_tracker/migrations/versions (a test keeps the two in step).
SCHEMA_HEAD = "0012"

# Written into every logbook's header (PRAGMA application_id, "POTR") from revision 0005 on,
# so that `file`, other tools and the app itself can tell a logbook from any SQLite file.
APPLICATION_ID = 0x504F5452
SQLITE_MAGIC = b"SQLite format 3\x00"

# The tables a logbook has at each revision (FTS5's shadow tables left out); a file whose
# version table names a revision without all of them is not one of ours, or was damaged
# by another tool. tests/test_migrations.py checks these against the real migrations.
_TABLES_0001 = frozenset(
    {
        "alembic_version", "certifications", "contacts", "credentials", "event_contacts",
        "event_credits", "experience_entries", "goals", "journal_entries",
        "journal_entry_tags", "journal_links", "networking_events", "profile", "settings",
        "skill_ratings", "skills", "stage_credential_group_members",
        "stage_credential_groups", "stage_moves", "stage_skill_targets", "stages", "tags",
        "training_credits", "training_skills", "trainings",
    }
)  # fmt: skip
_TABLES_0002 = _TABLES_0001 | {"search_index"}
_TABLES_0003 = _TABLES_0002 | {"journal_prompts", "journal_templates"}
_TABLES_0004 = _TABLES_0003 | {"data_revision", "start_view"}
TABLES_AT = {
    "0001": _TABLES_0001,
    "0002": _TABLES_0002,
    "0003": _TABLES_0003,
    "0004": _TABLES_0004,
    "0005": _TABLES_0004,
    "0006": _TABLES_0004 | {"renewal_groups", "certification_renewals"},
    "0007": (_TABLES_0004 - {"start_view"}) | {"renewal_groups", "certification_renewals"},
    "0008": (_TABLES_0004 - {"start_view"})
    | {"renewal_groups", "certification_renewals", "calendar_events"},
}
TABLES_AT["0009"] = TABLES_AT["0008"] | {
    "wins", "win_contacts", "win_requirements", "win_skills", "feedback", "feedback_skills",
}  # fmt: skip
TABLES_AT["0010"] = TABLES_AT["0011"] = TABLES_AT["0012"] = TABLES_AT["0009"]
# The first revision that writes APPLICATION_ID; older logbooks carry 0 there.
ID_SINCE = "0005"


class SchemaError(AppError):
    """The database cannot be brought to this version's schema; nothing was changed."""

    exit_status = 1


class NewerDatabaseError(SchemaError):
    pass


class NotALogbookError(SchemaError):
    """The file is not a PO Tracker logbook (empty, another program's database, or a
    version that does not match its tables); it was neither opened nor changed."""

    def __init__(self, path: Path, reason: str, backup: Path | None = None, *, looked=False):
        self.path, self.reason, self.backup = Path(path), reason, backup
        if backup is not None:
            advice = (
                f" The newest good backup is {backup}; to go back to it, run:"
                f' po-tracker restore "{backup}"'
            )
        elif looked:
            advice = f" No good backup was found in {self.path.parent / 'backups'}."
        else:
            advice = ""
        super().__init__(
            f"{path} is not a PO Tracker logbook: {reason}. PO Tracker did not open or"
            f" change it; move it away, or point --data-dir at your logbook's folder.{advice}"
        )

    def naming(self, backup: Path | None) -> NotALogbookError:
        """The same refusal, naming the newest good backup (None: none was found)."""
        return NotALogbookError(self.path, self.reason, backup, looked=True)


def identify(path: Path) -> str:
    """The schema revision of the PO Tracker logbook at ``path``, read without writing.

    Raises ``NotALogbookError`` for a file that is not one of ours, and
    ``sqlite3.DatabaseError`` for one that is not readable as a database at all (the
    integrity check names that damage). Only a missing file is a new logbook.
    """
    path = Path(path)
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if not header:
        raise NotALogbookError(path, "it is empty (0 bytes)")
    connection = read_only.connect(path)
    try:
        (app_id,) = connection.execute("PRAGMA application_id").fetchone()
        tables = {name for (name,) in connection.execute(_TABLE_NAMES)}
        revision = _revision(connection, tables)
    finally:
        connection.close()
    if app_id not in (0, APPLICATION_ID):
        raise NotALogbookError(
            path, f"it belongs to another program (SQLite application id {app_id:#010x})"
        )
    if revision is None:
        raise NotALogbookError(path, _without_version(tables))
    _check_tables(path, revision, tables, app_id)
    return revision


_TABLE_NAMES = "SELECT name FROM sqlite_master WHERE type = 'table'"


def _revision(connection: sqlite3.Connection, tables: set[str]) -> str | None:
    if "alembic_version" not in tables:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _without_version(tables: set[str]) -> str:
    if not tables:
        return "it is an SQLite database with no tables"
    if "alembic_version" in tables:
        return "its version table is empty"
    return f"it is another program's SQLite database (tables such as {sorted(tables)[0]!r})"


def _check_tables(path: Path, revision: str, tables: set[str], app_id: int) -> None:
    expected = TABLES_AT.get(revision)
    if expected is None:
        return  # a newer version's file: ensure_schema says so
    missing = sorted(expected - tables)
    if missing:
        shown = ", ".join(missing[:5]) + (" and more" if len(missing) > 5 else "")
        raise NotALogbookError(
            path, f"its version ({revision}) does not match its tables ({shown} missing)"
        )
    if app_id != APPLICATION_ID and list(TABLES_AT).index(revision) >= list(TABLES_AT).index(
        ID_SINCE
    ):
        raise NotALogbookError(
            path, f"its version ({revision}) says PO Tracker, its header does not"
        )


def current_revision(path: Path) -> str | None:
    if not path.exists() or path.stat().st_size == 0:
        return None
    # Where nothing can be written, read-only (a plain connection would fail). Elsewhere
    # a plain one: closing it as the last removes the -wal and -shm files a read-only
    # connection would leave behind.
    connection = sqlite3.connect(path) if read_only.can_write(path) else read_only.connect(path)
    try:
        row = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if row is None:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        connection.close()


def _alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def ensure_schema(path: Path, before_upgrade: Callable[[str | None], None] | None = None) -> bool:
    """Migrate ``path`` to ``SCHEMA_HEAD``; returns whether anything was done.

    ``path`` must be a PO Tracker logbook (``identify``), or a new one made by
    ``create_logbook``. ``before_upgrade`` runs first with the current revision (a
    backup, for instance).
    """
    if not Path(path).exists():
        if before_upgrade is not None:
            before_upgrade(None)
        create_logbook(path)
        return True
    revision = identify(path)
    if revision == SCHEMA_HEAD:
        return False
    if revision is not None and revision not in known_revisions():
        raise NewerDatabaseError(
            f"{path.name} was written by a newer version of PO Tracker (schema {revision});"
            " install that version or newer to open it. The file was not changed."
        )
    if before_upgrade is not None:
        before_upgrade(revision)
    _upgrade(path)
    return True


def create_logbook(path: Path) -> None:
    """A new, migrated logbook at ``path``, which must not exist. It is built under a
    private temporary name and renamed into place, so a logbook is never seen half-made:
    an interrupted creation leaves no empty file that the next start would refuse."""
    import os
    import tempfile

    path = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new.part", dir=path.parent)
    os.close(fd)  # mkstemp made it 0600; SQLite gives its side files the same mode
    temporary = Path(name)
    try:
        _upgrade(temporary)
        try:
            os.link(temporary, path)  # fails if a logbook appeared meanwhile: never replaced
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links
            os.rename(temporary, path)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{temporary}{suffix}").unlink(missing_ok=True)


def _upgrade(path: Path) -> None:
    from alembic import command
    from sqlalchemy import text

    from .db import make_engine

    config = _alembic_config()
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            if broken:
                # Raising rolls the whole upgrade back: the file stays as it was.
                raise SchemaError(f"the upgrade would break {len(broken)} references")
    finally:
        engine.dispose()
