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

# The newest revision in po_tracker/migrations/versions (a test keeps the two in step).
SCHEMA_HEAD = "0007"


class SchemaError(Exception):
    """The database cannot be brought to this version's schema; nothing was changed."""


class NewerDatabaseError(SchemaError):
    pass


def current_revision(path: Path) -> str | None:
    if not path.exists() or path.stat().st_size == 0:
        return None
    connection = sqlite3.connect(path)
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

    ``before_upgrade`` runs first with the current revision (a backup, for instance).
    """
    revision = current_revision(path)
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
