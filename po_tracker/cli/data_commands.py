"""Commands that look after the data itself: backup, restore, check, and the CSV and
iCalendar exchange."""

from __future__ import annotations

from pathlib import Path

from ..paths import database_path
from ..services import backup


def backup_now(args, db) -> int:
    path = backup.take_backup(db.path, Path(args.file) if args.file else None, force=args.force)
    print(f"Backed up to {path}")
    return 0


def restore(args, data_dir: Path) -> int:
    """Runs with the logbook closed: the file being replaced may be damaged."""
    result = backup.restore(database_path(data_dir), Path(args.file))
    aside = result.moved_aside[0] if result.moved_aside else None
    print(f"Restored {result.restored_from}.")
    if aside is not None:
        print(f"The file it replaced is kept as {aside}.")
    return 0


def check(args, db) -> int:
    """Reads the file through a read-only connection of its own: a damaged logbook is
    examined without ever being opened for writing."""
    from ..services.integrity import full_check, raise_if_damaged

    result = full_check(db.path)
    if result.ok:
        print("The logbook is sound: the full integrity check found no problem.")
        return 0
    print("The integrity check found problems:")
    for problem in result.problems:
        print(f"  {problem}")
    raise_if_damaged(db.path, result)  # exits 1, naming the newest good backup
    return 1


def export_csv(args, db) -> int:
    from ..services import csv_export

    with db.read() as session:
        paths = csv_export.export_csv(session, Path(args.dir), force=args.force)
    print(f"Exported {len(paths)} CSV files to {args.dir}")
    return 0


def export_ics(args, db) -> int:
    from ..services import calendar_export

    # A write: the logbook records what the calendar said, to update it next time.
    with db.write() as session:
        calendar_export.export_ics(session, Path(args.file), force=args.force)
    print(f"Exported your renewal deadlines, goal dates and follow-ups to {args.file}")
    return 0


def import_csv(args, db) -> int:
    from ..services import csv_import

    if args.dry_run:
        with db.read() as session:
            report = csv_import.import_csv(session, args.kind, Path(args.file), dry_run=True)
        print("Dry run, nothing changed. " + report.summary())
        return 0
    # Validate first, so a bad file costs no backup; then back up, then write it all.
    with db.read() as session:
        csv_import.import_csv(session, args.kind, Path(args.file), dry_run=True)
    backup.take_backup(db.path, reason="pre-import")
    with db.write() as session:
        report = csv_import.import_csv(session, args.kind, Path(args.file))
    print(report.summary())
    return 0
