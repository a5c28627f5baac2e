"""The logbook opened behind its start-up checks: integrity, schema version, a verified
backup before any migration, and the daily backup.

Kept apart from ``integrity`` (the read-only checks) and ``backup`` (which builds on those
checks) so that neither of the two imports the other. ``backup`` and ``opening`` are
imported where they are needed: a reader that only asks ``refuse_if_foreign`` (plain SQL,
the radar chart) must not pay for SQLAlchemy and the models.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ...paths import database_path
from ...schema import SCHEMA_HEAD, NotALogbookError, current_revision, ensure_schema, identify
from .integrity import CheckResult, DamagedDatabaseError, quick_check


def raise_if_damaged(path: Path, result: CheckResult) -> None:
    """``DamagedDatabaseError``, naming the newest good backup, when ``result`` failed."""
    if not result.ok:
        from .backup import newest_good_backup

        raise DamagedDatabaseError(path, result.problems, newest_good_backup(path.parent))


def refuse_if_foreign(path: Path) -> str:
    """``schema.identify``, with a refusal naming the newest good backup: for readers
    that go round ``open_checked`` (plain SQL, the full check)."""
    try:
        return identify(path)
    except NotALogbookError as error:
        from .backup import newest_good_backup

        raise error.naming(newest_good_backup(path.parent)) from None


def open_checked(data_dir: Path, now: datetime | None = None, *, verify: bool = True):
    """``open_logbook`` behind the start-up checks.

    A damaged file raises ``DamagedDatabaseError`` naming the newest good backup; a file
    from a newer version raises ``NewerDatabaseError`` before anything is written; a
    migration runs only after a verified backup. With ``now``, a daily backup is taken
    when one is due (see ``backup.maybe_daily_backup``).

    ``verify=False`` skips the integrity check when the schema is current: for callers
    that only read, or that ran ``quick_check`` themselves. A migration always checks
    first, since it rewrites the file.
    """
    from . import backup
    from .opening import open_logbook

    path = database_path(data_dir)
    try:
        if path.exists() and path.stat().st_size > 0:
            if verify or current_revision(path) != SCHEMA_HEAD:
                raise_if_damaged(path, quick_check(path))
            # Migrating here, with the hook, means open_logbook finds the schema current.
            ensure_schema(path, before_upgrade=backup.backup_before_upgrade(path))
        database = open_logbook(data_dir)
    except NotALogbookError as error:
        raise error.naming(backup.newest_good_backup(data_dir)) from None
    if now is not None:
        backup.maybe_daily_backup(path, now)
    return database
