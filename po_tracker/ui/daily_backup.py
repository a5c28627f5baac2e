"""The day's backup, taken off the UI thread once the user's numbers are shown. It is
said in the status bar only: a routine event must not push aside the toast about what
the user just did."""

from __future__ import annotations


def start_daily_backup(window) -> None:
    from .background import run_in_background

    path = window.context.database.path
    sweep_unnamed_attachments(path.parent)

    def backup_if_due():
        from datetime import UTC, datetime

        from ..services.storage import backup

        return backup.maybe_daily_backup(path, datetime.now(UTC))

    def done(result) -> None:
        if isinstance(result, Exception):
            window.statusBar().showMessage(f"The daily backup failed: {result}", 10000)
        elif result is not None:
            window.statusBar().showMessage("Daily backup saved.", 5000)

    run_in_background(window, backup_if_due, on_done=done)


def sweep_unnamed_attachments(data_dir) -> None:
    """Removes the attached files no entry names. Run on the UI thread before the user
    can act, while the undo history is empty, so no undo can want one of them again
    (every earlier backup carries the files its logbook named)."""
    import sqlite3
    from contextlib import suppress

    from ..services.storage.attachment_upkeep import sweep_unnamed

    with suppress(OSError, sqlite3.Error):  # tidying only: tried again at the next start
        sweep_unnamed(data_dir)
