"""Where a backup goes and what it is called: the usual name (when and why it was taken)
in the backups folder, or a place the user chose, checked by the same rules as every
export (never the logbook, a link or a device; never inside a data folder)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from ...files import check_folder_target, check_target
from ...paths import backups_dir, ensure_private_dir

STAMP = "%Y%m%dT%H%M%SZ"
# A backup's file name: its time (UTC) and reason, and a number when two share a second.
NAME = re.compile(
    r"^po-tracker-(?P<stamp>\d{8}T\d{6}Z)-(?P<reason>[a-z][a-z0-9-]{0,29}?)(?:\.\d+)?\.sqlite3$"
)
_REASON = re.compile(r"^[a-z][a-z0-9-]{0,29}$")


def check_reason(reason: str) -> None:
    """A reason goes into the file name: a short lower-case word, or a mistake."""
    if not _REASON.match(reason):
        raise ValueError(f"a backup reason is a short lower-case word, not {reason!r}")


def usual_name(folder: Path, now: datetime, reason: str) -> Path:
    """The backup's name in ``folder``, numbered when one of that second exists."""
    base = f"po-tracker-{now.strftime(STAMP)}-{reason}"
    candidate, number = folder / f"{base}.sqlite3", 2
    while candidate.exists():
        candidate, number = folder / f"{base}.{number}.sqlite3", number + 1
    return candidate


def destination(
    db_path: Path, dest: Path | None, now: datetime, reason: str, force: bool
) -> tuple[Path, bool]:
    """Where the backup goes, and whether it is one of ours (in the backups folder)."""
    if dest is None:
        folder = ensure_private_dir(backups_dir(db_path.parent))
        return usual_name(folder, now, reason), True
    dest = Path(dest)
    if dest.is_dir() and not dest.is_symlink():
        # The usual name inside a folder of the user's (never inside a data folder).
        return check_target(usual_name(check_folder_target(dest), now, reason)), False
    # Anywhere else, the same rules as every export: never the logbook, a link or a device.
    return check_target(dest, force=force), False
