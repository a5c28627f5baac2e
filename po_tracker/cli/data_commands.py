"""Commands that look after the data itself: backup, restore, check, and the CSV and
iCalendar exchange."""

from __future__ import annotations

from pathlib import Path

from ..files import check_folder_target, check_target
from ..paths import database_path
from ..services.storage import backup


def backup_now(args, db) -> int:
    """To a FILE of the user's, under the same rules as every export (never the logbook,
    a link or a device; never inside a data folder)."""
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
    if result.missing_attachments:
        print(missing_files_line(result.missing_attachments))
    return 0


def missing_files_line(names) -> str:
    from ..services.storage.attachments import original_name
    from .output import printable

    listed = ", ".join(original_name(name) for name in names)
    return printable(
        f"Not in the backup, so not restored: {len(names)} attached file(s) ({listed});"
        " their entries keep the names."
    )


def check(args, db) -> int:
    """Reads the file through a read-only connection of its own: a damaged logbook is
    examined without ever being opened for writing. Exit 0 when sound (or repaired),
    1 when something is wrong, with what to do about it."""
    from ..services.storage import logbook_repair
    from ..services.storage.checked_open import raise_if_damaged, refuse_if_foreign
    from ..services.storage.integrity import full_check

    result = full_check(db.path)
    damaged = [p for p in result.problems if "points at a missing" not in p]
    if damaged:
        _print_problems(result.problems)
        raise_if_damaged(db.path, result)  # exits 1, naming the newest good backup
    refuse_if_foreign(db.path)
    findings = logbook_repair.find_problems(db.path)
    dangling = [p for p in result.problems if p not in damaged]
    if not findings and not dangling:
        print("The logbook is sound: the full integrity check found no problem.")
        return 0
    if args.repair and findings:
        return _repair(db, findings, dangling)
    _print_problems(dangling + [f.problem for f in findings])
    if findings:
        print("To rebuild them (a backup is taken first): po-tracker check --repair")
    if dangling:
        print(_DANGLING_ADVICE)
    return 1


_DANGLING_ADVICE = (
    "Entries that point at something missing are kept and still export"
    " (po-tracker export json); they show the missing item as '(missing ...)'. Restoring"
    " an earlier backup (po-tracker restore FILE) brings back a consistent logbook."
)


def _print_problems(problems) -> None:
    print("The check found problems:")
    for problem in problems:
        print(f"  {problem}")


def _repair(db, findings, dangling) -> int:
    from ..services.storage import logbook_repair

    saved = backup.take_backup(db.path, reason="pre-repair")
    print(f"Backed up to {saved} first.")
    for done in logbook_repair.repair(db.path):
        print(f"Repaired: {done}.")
    left = logbook_repair.find_problems(db.path)
    for finding in left:
        print(f"  still wrong: {finding.problem}")
    if dangling:
        _print_problems(dangling)
        print(_DANGLING_ADVICE)
    return 1 if left or dangling else 0


def export_csv(args, db) -> int:
    from ..services.exchange import csv_export

    check_folder_target(args.dir)
    with db.read() as session:
        paths = csv_export.export_csv(session, Path(args.dir), force=args.force)
    print(f"Exported {len(paths)} CSV files to {args.dir}")
    return 0


def export_ics(args, db) -> int:
    from ..services.exchange import calendar_export

    check_target(args.file, force=args.force)
    # The logbook records what the calendar said, to number its changes next time; while
    # the window holds the logbook, the same file is written without that record.
    with db.write() if db.writes else db.read() as session:
        calendar_export.export_ics(session, Path(args.file), force=args.force, record=db.writes)
    print(f"Exported your renewal deadlines, goal dates and follow-ups to {args.file}")
    if not db.writes:
        print(
            "Not noted in your logbook, which the PO Tracker window has open: a date in this"
            " file that stops applying before the next noted export will not be sent as"
            " cancelled. Export from the window (File > Export dates to a calendar) to have"
            " it noted."
        )
    return 0


def import_csv(args, db) -> int:
    from ..services.exchange import csv_import

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
