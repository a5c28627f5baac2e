"""Verified backups of the logbook: taken, listed, rotated and restored.

Why the rules are what they are:

- A backup is a consistent snapshot made with SQLite's backup API from a read-only
  connection, written under a temporary name, checked (``integrity_check``, and the schema
  revision reads back the same as the source's), then renamed into place. A half-written
  or damaged copy therefore never carries a backup's name.
- "Did the data change since the last backup?" is answered by a content fingerprint: a
  SHA-256 over the schema and every row of every table. ``PRAGMA data_version`` and
  ``total_changes`` are per connection, ``updated_at`` misses tables without timestamps,
  and the file's bytes change when the data did not (checkpoints, page reuse).
- Rotation deletes only files listed in ``backups/manifest.json``, which this module
  writes with each backup's size and fingerprint: a file the user put in the folder, even
  one named like ours, is never deleted. The newest good backup is never deleted.
- Restoring never deletes: the current file and its side files are moved aside.
- A backup carries the attached files its logbook names, in a folder beside it, and a
  restore brings back those missing (``attachment_upkeep``).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ...files import fsync_path, write_own_file
from ...paths import backups_dir, database_path
from ...schema import NotALogbookError, identify
from ..errors import (
    BackupError,  # noqa: F401 - raised here, caught by callers
    ValidationError,
)
from . import attachment_upkeep, backup_rotation
from .backup_destination import NAME, STAMP, check_reason, destination
from .integrity import connect_readonly, full_check, read_revision
from .json_files import read_json_file

MANIFEST = "manifest.json"
DAILY_EVERY = timedelta(days=1)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int
    # Made by this app (listed in the manifest with this size), so rotation may delete it.
    managed: bool
    # The order it was taken in (the manifest counts up): unlike ``taken_at``, which is
    # whatever the clock said, it cannot be wrong. 0 for a backup the manifest does not list.
    sequence: int = 0


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    moved_aside: tuple[Path, ...]
    safety_backup: Path | None
    # Attachments the restored logbook names that neither the attachments folder nor
    # the backup's own folder holds: the entries keep the names, the files are not here.
    missing_attachments: tuple[str, ...] = ()


def _utc(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    return now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)


# --- the manifest: which files this module made -------------------------------------------


def _read_manifest(folder: Path) -> dict[str, dict]:
    """An unreadable manifest counts as empty: rotation then deletes nothing."""
    path = folder / MANIFEST
    if not path.exists():
        return {}
    try:
        document = read_json_file(path, "backup manifest", max_bytes=10_000_000)
    except ValidationError:
        return {}
    entries = document.get("backups") if isinstance(document, dict) else None
    if not isinstance(entries, dict):
        return {}
    return {name: entry for name, entry in entries.items() if isinstance(entry, dict)}


def _write_manifest(folder: Path, entries: dict[str, dict]) -> None:
    document = {"format": "po-tracker-backups", "version": 1, "backups": entries}
    data = (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8")
    write_own_file(folder / MANIFEST, data)


# --- looking at backups ---------------------------------------------------------------------


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Every file in the backups folder named like a backup, newest first."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    manifest = _read_manifest(folder)
    found = []
    for path in folder.iterdir():
        match = NAME.match(path.name)
        if not match or not path.is_file() or path.is_symlink():
            continue
        size = path.stat().st_size
        taken_at = datetime.strptime(match["stamp"], STAMP).replace(tzinfo=UTC)
        entry = manifest.get(path.name, {})
        managed = entry.get("size") == size
        sequence = entry.get("sequence") if managed else 0
        sequence = sequence if isinstance(sequence, int) and not isinstance(sequence, bool) else 0
        found.append(BackupInfo(path, taken_at, match["reason"], size, managed, sequence))
    return sorted(found, key=_newest_first, reverse=True)


def _newest_first(info: BackupInfo) -> tuple:
    """In the order they were taken, whatever their names' clock said; backups the
    manifest does not number (older or not ours) by their names' time."""
    return (info.sequence, info.taken_at, info.path.name)


def verify(path: Path) -> str:
    """The schema revision of a sound backup; ``BackupError`` for anything else."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} is not a file")
    result = full_check(path)
    if not result.ok:
        raise BackupError(f"{path} is damaged: {'; '.join(result.problems[:3])}")
    try:
        return identify(path)
    except NotALogbookError as error:
        raise BackupError(f"{path} is not a PO Tracker logbook: {error.reason}") from None
    except sqlite3.Error as error:
        raise BackupError(f"{path} cannot be read: {error}") from None


def newest_good_backup(data_dir: Path, managed_only: bool = False) -> Path | None:
    for info in list_backups(data_dir):
        if managed_only and not info.managed:
            continue
        try:
            verify(info.path)
        except BackupError:
            continue
        return info.path
    return None


def content_fingerprint(path: Path) -> str:
    """SHA-256 of the schema and every row, read in one snapshot."""
    digest = hashlib.sha256()
    connection = connect_readonly(path)
    try:
        connection.execute("BEGIN")
        for name, order in _tables(connection):
            digest.update(f"\x00table {name}\x00".encode())
            quoted = name.replace('"', '""')
            for row in connection.execute(f'SELECT * FROM "{quoted}" ORDER BY {order}'):
                digest.update(repr(row).encode("utf-8", "surrogatepass"))
        connection.execute("COMMIT")
    finally:
        connection.close()
    return digest.hexdigest()


def _tables(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    """Ordinary tables and how to order their rows. Virtual tables and their shadow tables
    (the search index) are derived from the rows, so they are left out."""
    try:
        rows = connection.execute("PRAGMA main.table_list").fetchall()
    except sqlite3.OperationalError:  # SQLite before 3.37: no table_list
        names = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return sorted([(name, "rowid") for (name,) in names] + [("sqlite_master", "name")])
    # table_list includes sqlite_schema itself, so schema changes count too.
    tables = [(row[1], "1" if row[4] else "rowid") for row in rows if row[2] == "table"]
    return sorted(tables)


# --- taking a backup -----------------------------------------------------------------------


def _snapshot(source: Path, folder: Path) -> Path:
    """A consistent copy of ``source`` under a temporary name in ``folder``, 0600."""
    fd, name = tempfile.mkstemp(prefix=".po-tracker-backup-", suffix=".part", dir=folder)
    os.close(fd)
    temporary = Path(name)
    try:
        reader = connect_readonly(source)
        writer = sqlite3.connect(temporary, isolation_level=None)
        try:
            reader.backup(writer)
            # One self-contained file: a backup never needs a -wal beside it.
            writer.execute("PRAGMA journal_mode = DELETE")
        finally:
            writer.close()
            reader.close()
        fsync_path(temporary)
    except BaseException:
        _discard(temporary)
        raise
    return temporary


def _discard(temporary: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{temporary}{suffix}").unlink(missing_ok=True)


def take_backup(
    db_path: Path,
    dest: Path | None = None,
    reason: str = "manual",
    *,
    now: datetime | None = None,
    force: bool = False,
) -> Path:
    """A verified copy of the logbook, in the backups folder (rotated afterwards) or at
    ``dest`` (a file, or a folder to put the usual name in). Returns its path."""
    check_reason(reason)
    db_path, now = Path(db_path), _utc(now)
    target, ours = destination(db_path, dest, now, reason, force)
    expected = read_revision(db_path)
    temporary = _snapshot(db_path, target.parent)
    try:
        revision = verify(temporary)
        if revision != expected:
            raise BackupError(f"the copy reads schema {revision}, the logbook {expected}")
        fingerprint = content_fingerprint(temporary) if ours else None
        attachment_upkeep.carry_into_backup(db_path.parent, temporary, target)
        os.replace(temporary, target)
        fsync_path(target.parent)
    except BaseException:
        _discard(temporary)
        if not target.exists():
            attachment_upkeep.drop_companion(target)
        raise
    if ours:
        _record(target, fingerprint, revision, reason)
        rotate(db_path.parent, now=now)
    return target


def _record(target: Path, fingerprint: str, revision: str, reason: str) -> None:
    entries = _read_manifest(target.parent)
    entries = {name: entry for name, entry in entries.items() if (target.parent / name).exists()}
    size = target.stat().st_size
    numbers = [entry.get("sequence") for entry in entries.values()]
    sequence = max([n for n in numbers if isinstance(n, int)], default=0) + 1
    entries[target.name] = dict(
        size=size, fingerprint=fingerprint, revision=revision, reason=reason, sequence=sequence
    )
    _write_manifest(target.parent, entries)


# --- when to take one, and which to keep ----------------------------------------------------


def stored_limits(db_path: Path) -> backup_rotation.RotationLimits:
    """The user's rotation limits, read without opening the logbook for writing."""
    keys = tuple(backup_rotation.KEYS.values())
    try:
        connection = connect_readonly(db_path)
        try:
            rows = connection.execute(
                f"SELECT key, value FROM settings WHERE key IN ({', '.join('?' * len(keys))})",
                keys,
            ).fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        rows = []
    return backup_rotation.limits_from(dict(rows))


def rotate(data_dir: Path, limits=None, now: datetime | None = None) -> list[Path]:
    """Deletes the backups this module made that the limits no longer keep."""
    folder = backups_dir(data_dir)
    managed = [info for info in list_backups(data_dir) if info.managed]
    if limits is None:
        limits = stored_limits(database_path(data_dir))
    dated = [backup_rotation.Dated(info.path, info.taken_at, info.sequence) for info in managed]
    keep = backup_rotation.plan(dated, limits, _utc(now))
    keep.add(newest_good_backup(data_dir, managed_only=True))
    doomed = [info.path for info in managed if info.path not in keep]
    if not doomed:
        return []
    entries = _read_manifest(folder)
    for path in doomed:
        path.unlink(missing_ok=True)
        attachment_upkeep.drop_companion(path)
        entries.pop(path.name, None)
    _write_manifest(folder, entries)
    return doomed


def maybe_daily_backup(db_path: Path, now: datetime) -> Path | None:
    """Takes a backup when the newest one is at least a day old and the data changed since
    it (by content fingerprint); returns it, or None when none was due."""
    db_path, now = Path(db_path), _utc(now)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    backups = list_backups(db_path.parent)
    if backups:
        newest = backups[0]
        if timedelta(0) <= now - newest.taken_at < DAILY_EVERY:
            return None
        entry = _read_manifest(newest.path.parent).get(newest.path.name, {})
        if newest.managed and entry.get("fingerprint") == content_fingerprint(db_path):
            return None
    return take_backup(db_path, reason="daily", now=now)


def backup_before_upgrade(db_path: Path) -> Callable[[str | None], None]:
    """A hook for ``ensure_schema(before_upgrade=...)``: a verified backup before any
    migration, except of a new file (no revision, no tables), which holds nothing yet.
    If the backup fails, the exception stops the migration and the file stays as it was."""

    def before_upgrade(revision: str | None) -> None:
        if revision is None:
            return
        take_backup(db_path, reason="pre-migration")

    return before_upgrade


# --- restoring -------------------------------------------------------------------------------


def restore(db_path: Path, backup_file: Path, now: datetime | None = None) -> RestoreResult:
    """Puts ``backup_file`` in place of the logbook. The backup is verified first; the
    current file is backed up (when it is sound) and moved aside with its side files,
    never deleted. The caller must hold the single-instance lock with the logbook closed."""
    from ...schema import NewerDatabaseError, known_revisions

    db_path, backup_file, now = Path(db_path), Path(backup_file), _utc(now)
    revision = verify(backup_file)
    if revision not in known_revisions():
        raise NewerDatabaseError(
            f"{backup_file} was written by a newer version of PO Tracker (schema {revision});"
            " nothing was changed."
        )
    temporary = _snapshot(backup_file, db_path.parent)
    try:
        verify(temporary)
        safety = _safety_backup(db_path, now)
        # Before the file is replaced: should this fail, the logbook is as it was.
        missing = attachment_upkeep.bring_back(backup_file, db_path.parent)
        moved = _move_aside(db_path, now)
        os.replace(temporary, db_path)
        fsync_path(db_path.parent)
    except BaseException:
        _discard(temporary)
        raise
    return RestoreResult(backup_file, moved, safety, tuple(missing))


def _safety_backup(db_path: Path, now: datetime) -> Path | None:
    """A damaged current file cannot be backed up, but it is still moved aside."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    try:
        return take_backup(db_path, reason="pre-restore", now=now)
    except (BackupError, sqlite3.DatabaseError):
        return None


def _move_aside(db_path: Path, now: datetime) -> tuple[Path, ...]:
    """``X`` becomes ``X.replaced-<stamp>`` and ``X-wal`` becomes ``X.replaced-<stamp>-wal``,
    so opening the moved file still finds its write-ahead log."""
    stamp = now.strftime(STAMP)
    base = Path(f"{db_path}.replaced-{stamp}")
    number = 2
    while any(Path(f"{base}{s}").exists() for s in ("", "-wal", "-shm")):
        base, number = Path(f"{db_path}.replaced-{stamp}.{number}"), number + 1
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{db_path}{suffix}")
            if source.exists():
                os.rename(source, f"{base}{suffix}")
                moved.append((source, Path(f"{base}{suffix}")))
    except OSError:
        for source, aside in reversed(moved):
            os.rename(aside, source)
        raise
    return tuple(aside for _, aside in moved)
