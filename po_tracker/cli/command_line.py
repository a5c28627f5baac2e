"""The command line proper: its parser, the instance lock around writes, the checks
before a command opens the logbook, and the exit status of each failure (see the
package's docstring)."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path

from ..files import FileExistsRefused
from ..paths import database_path, ensure_private_dir, resolve_data_dir
from ..schema import SchemaError
from ..services.errors import BackupError, NotFoundError, ValidationError
from ..services.single_instance import LockHeldError
from .parser import UsageError, build_parser

# Imported when a command runs, so that opening the window pays for none of them.
HANDLERS = {
    "add": "commands:add",
    "rate": "commands:rate",
    "journal": "commands:write_journal",
    "stage": "commands:stage",
    "delete": "commands:delete",
    "edit": "commands:edit",
    "list": "reports:list_entries",
    "search": "reports:search_entries",
    "status": "reports:status",
    "export json": "reports:export_json",
    "export csv": "data_commands:export_csv",
    "export ics": "data_commands:export_ics",
    "export chart": "chart_commands:export_chart",
    "export report": "chart_commands:export_report",
    "import json": "reports:import_json",
    "import csv": "data_commands:import_csv",
    "framework": "reports:framework",
    "backup": "data_commands:backup_now",
    "check": "data_commands:check",
}
# Commands that write to the logbook: they take the lock the window holds, so the two
# never write at the same time.
# ("export ics" records in the logbook what the calendar said, to update it next time.)
WRITES = {"add", "rate", "journal", "stage", "delete", "import", "framework", "backup", "restore"}
WRITES |= {"edit", "export ics"}


def _command_key(args) -> str:
    subcommand = getattr(args, "exchange_format", None)
    return f"{args.command} {subcommand}" if subcommand else args.command


def _handler(key: str):
    module, _, function = HANDLERS[key].partition(":")
    return getattr(import_module(f"{__package__}.{module}"), function)


LOCK_WAIT_S = 5.0


def _fail(message: str, code: int) -> int:
    print(f"po-tracker: error: {message}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except UsageError as error:
        return _fail(str(error), 2)
    if args.self_test:
        from ..ui.self_test import run

        return run()
    if args.command is None:
        from ..app import main as open_window

        return open_window(args)
    if getattr(args, "list_charts", False):
        # Listing the charts reads no data: it must not create a logbook either.
        from .chart_commands import export_chart

        return export_chart(args, None)
    data_dir = resolve_data_dir(args.data_dir)
    try:
        return _run(args, data_dir)
    except (
        ValidationError,
        NotFoundError,
        FileExistsRefused,
        FileNotFoundError,
        BackupError,
    ) as error:
        return _fail(str(error), 2)
    except (SchemaError, LockHeldError) as error:
        return _fail(str(error), 1)


def _run(args, data_dir: Path) -> int:
    from ..services.single_instance import instance_lock

    fresh_dir = not data_dir.exists()
    fresh_file = not database_path(data_dir).exists()
    # A read creates or migrates the file when it is new or from an older version: that
    # is a write too, and never happens under a running window.
    writes = (
        args.command in WRITES
        or _command_key(args) in WRITES
        or fresh_file
        or not _schema_is_current(data_dir)
    )
    if not writes:
        return _with_logbook(args, Logbook(data_dir, writes=False), fresh_dir, fresh_file)
    ensure_private_dir(data_dir)
    with instance_lock(data_dir, timeout_s=LOCK_WAIT_S):
        try:
            if args.command == "restore":
                # The file being replaced may be damaged: it is never opened.
                from .data_commands import restore

                return restore(args, data_dir)
            return _with_logbook(args, Logbook(data_dir, writes=True), fresh_dir, fresh_file)
        finally:
            # Still under the lock, so no window can have started here meanwhile.
            if fresh_dir and not database_path(data_dir).exists():
                _remove_new_logbook(data_dir, fresh_dir)


def _schema_is_current(data_dir: Path) -> bool:
    from ..schema import SCHEMA_HEAD, current_revision

    try:
        return current_revision(database_path(data_dir)) == SCHEMA_HEAD
    except sqlite3.DatabaseError:
        # Not readable as a database: the checked open of a write says what is wrong.
        return False


class Logbook:
    """The logbook a command works on.

    A command that writes gets it opened before it runs, behind the integrity check and
    any migration. A command that reads gets it opened on first use and unchecked: the
    file is at the current schema and a read changes nothing, and the check reads the
    whole file (140 ms at 100,000 entries). A read that needs only the path or plain SQL
    (``check``, the radar chart) then never imports SQLAlchemy and the models.
    """

    def __init__(self, data_dir: Path, *, writes: bool):
        self.data_dir = data_dir
        self.path = database_path(data_dir)
        self.writes = writes
        self._database = None

    def open(self):
        """The ``Database``, opened on the first call."""
        if self._database is None:
            from ..services.integrity import open_checked

            self._database = open_checked(self.data_dir, verify=self.writes)
        return self._database

    def read(self):
        return self.open().read()

    def write(self):
        return self.open().write()

    @contextmanager
    def plain_read(self) -> Iterator[sqlite3.Connection]:
        """A read-only ``sqlite3`` connection holding one read transaction, so every
        statement sees the same state even while the window writes."""
        from ..services.integrity import connect_readonly

        connection = connect_readonly(self.path)
        try:
            connection.execute("BEGIN")
            yield connection
        finally:
            connection.close()  # ends the read transaction; nothing was written

    def close(self) -> None:
        if self._database is not None:
            self._database.close()

    def raise_if_damaged(self) -> None:
        """After a read failed on the file: the integrity check it skipped, so damage is
        reported as a checked open reports it, with the newest good backup."""
        from ..services.integrity import quick_check, raise_if_damaged

        raise_if_damaged(self.path, quick_check(self.path))


def _with_logbook(args, logbook: Logbook, fresh_dir: bool, fresh_file: bool) -> int:
    ok = False
    try:
        if logbook.writes:
            logbook.open()  # checked, and migrated, before the command runs
        result = _handler(_command_key(args))(args, logbook)
        ok = True
        return result
    except Exception as error:
        if not logbook.writes and _is_database_error(error):
            logbook.raise_if_damaged()
        raise
    finally:
        logbook.close()
        if not ok and fresh_file:
            _remove_new_logbook(logbook.data_dir, fresh_dir)


def _is_database_error(error: Exception) -> bool:
    # SQLAlchemy wraps the driver's error and keeps it as ``orig``.
    return isinstance(error, sqlite3.DatabaseError) or isinstance(
        getattr(error, "orig", None), sqlite3.DatabaseError
    )


def _remove_new_logbook(data_dir: Path, fresh_dir: bool) -> None:
    """A command that failed on a logbook it had only just created leaves no trace, so
    bad input never changes the data folder. Only files this run created are removed."""
    if fresh_dir:
        shutil.rmtree(data_dir, ignore_errors=True)
        return
    path = database_path(data_dir)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
