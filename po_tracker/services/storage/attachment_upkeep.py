"""What happens to stored attachments beyond the entry that names them: when a file no
entry names is removed, and how backups carry the files and a restore brings them back.

The rules, and why:

- A stored file stays while any entry names it. Deleting an entry, or giving it another
  file, leaves the old file in place, so that undo (in the window) finds it again.
- The window removes the files no entry names when it starts, then its undo history is
  empty; a file younger than ``SWEEP_AFTER`` is left for the next start, so a file being
  attached at that moment is never taken. The command line, which has no undo, removes
  them right after a write that can leave one behind (delete, edit, a failed add).
- A backup is the logbook's file plus a companion folder beside it
  (``<backup name>.attachments/``) holding every file that logbook names: hard links in
  the backups folder (no extra space; a stored file never changes), copies elsewhere.
  Rotating a backup away removes its companion folder.
- Restoring puts back, from the companion folder, every file the restored logbook names
  that is missing from the attachments folder; a name with no file in either place (an
  entry imported from JSON, which carries names only) stays on its entry, and opening
  it says the file is missing.

Only names ``attachments`` generates are ever touched: a file of the user's in these
folders, or a link, is left alone.
"""

from __future__ import annotations

import time
from contextlib import suppress
from datetime import timedelta
from pathlib import Path

from ...paths import attachments_dir, database_path, ensure_private_dir
from ..logbook.log_kinds import KINDS
from . import attachments
from .integrity import connect_readonly

# The tables of the logs whose entries may name a file.
TABLES = tuple(kind.model.__tablename__ for kind in KINDS if kind.keeps_files)
SWEEP_AFTER = timedelta(hours=1)
COMPANION_SUFFIX = ".attachments"


def names_in(db_path: Path) -> set[str]:
    """The attachment names a logbook file holds (a backup of an older schema too)."""
    connection = connect_readonly(db_path)
    try:
        names: set[str] = set()
        for table in TABLES:
            columns = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
            if "attachment" in columns:
                rows = connection.execute(
                    f"SELECT DISTINCT attachment FROM {table} WHERE attachment IS NOT NULL"
                )
                names.update(row[0] for row in rows)
        return names
    finally:
        connection.close()


def _stored_files(folder: Path) -> dict[str, Path]:
    """The files in ``folder`` under names this app generates (no links, no folders)."""
    if not folder.is_dir() or folder.is_symlink():
        return {}
    return {
        path.name: path
        for path in folder.iterdir()
        if attachments.is_stored_name(path.name) and path.is_file() and not path.is_symlink()
    }


def sweep_unnamed(data_dir: Path, *, older_than: timedelta = SWEEP_AFTER) -> list[str]:
    """Removes the stored files no entry of the logbook names, once ``older_than`` old.
    Only for the holder of the data folder's lock. Returns the names removed."""
    files = _stored_files(attachments_dir(data_dir))  # listed before the names are read
    if not files:
        return []
    named = names_in(database_path(Path(data_dir)))
    cutoff = time.time() - older_than.total_seconds()
    removed = []
    for name, path in sorted(files.items()):
        if name in named:
            continue
        with suppress(FileNotFoundError):  # gone meanwhile: nothing to do
            if path.stat().st_mtime <= cutoff:
                attachments.remove_stored(path)
                removed.append(name)
    return removed


def companion(backup_file: Path) -> Path:
    """The folder of a backup's attachments: ``x.sqlite3`` -> ``x.attachments`` (any other
    name gets the suffix added, so the folder is never the backup itself)."""
    backup_file = Path(backup_file)
    if backup_file.suffix == ".sqlite3":
        return backup_file.with_name(backup_file.stem + COMPANION_SUFFIX)
    return backup_file.with_name(backup_file.name + COMPANION_SUFFIX)


def carry_into_backup(data_dir: Path, snapshot: Path, backup_file: Path) -> list[str]:
    """Puts every file the ``snapshot`` (to become ``backup_file``) names into the
    backup's companion folder; returns the names that have no file (they were missing
    from the attachments folder already)."""
    wanted = names_in(snapshot)
    files = _stored_files(attachments_dir(data_dir))
    present = sorted(wanted & files.keys())
    if present:
        folder = companion(backup_file)
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise OSError(f"{folder} is in the way of the backup's attachments")
        ensure_private_dir(folder)
        for name in present:
            attachments.copy_stored(files[name], folder, name)
    return sorted(wanted - files.keys())


def drop_companion(backup_file: Path) -> None:
    """Removes a deleted backup's attachments (only the files this app put there)."""
    folder = companion(backup_file)
    for path in _stored_files(folder).values():
        attachments.remove_stored(path)
    if folder.is_dir() and not folder.is_symlink():
        with suppress(OSError):  # something of the user's is in it: it stays
            folder.rmdir()


def bring_back(backup_file: Path, data_dir: Path) -> list[str]:
    """Copies into the attachments folder the files the backup names that are missing
    there; returns the names found in neither place."""
    wanted = names_in(backup_file)
    here = _stored_files(attachments_dir(data_dir))
    kept = _stored_files(companion(backup_file))
    missing = []
    for name in sorted(wanted - here.keys()):
        if name not in kept:
            missing.append(name)
            continue
        folder = ensure_private_dir(attachments_dir(data_dir))
        # A copy, not a link: a fresh file, so a sweep at that moment leaves it alone.
        attachments.copy_stored(kept[name], folder, name, may_link=False)
    return missing
