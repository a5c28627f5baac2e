"""The day's backup, taken off the UI thread once the user's numbers are shown. It is
said in the status bar only: a routine event must not push aside the toast about what
the user just did."""

from __future__ import annotations


def start_daily_backup(window) -> None:
    from .background import run_in_background

    path = window.context.database.path

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
