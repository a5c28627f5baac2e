"""The command line proper: its parser, the instance lock around writes, the checks
before a command opens the logbook, and the exit status of each failure (see the
package's docstring)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from importlib import import_module
from pathlib import Path

from .. import commits
from ..app_errors import AppError
from ..paths import BlankDataDirError, database_path, ensure_private_dir, resolve_data_dir
from .folder_faults import refuse_file_as_folder, refuse_unwritable, storage_fault
from .parser import UsageError, build_parser

# Imported when a command runs, so that opening the window pays for none of them.
HANDLERS = {
    "add": "commands:add",
    "rate": "commands:rate",
    "journal": "commands:write_journal",
    "stage": "commands:stage",
    "renew": "commands:renew",
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
    "export case": "document_commands:export_case",
    "export review": "document_commands:export_review",
    "import json": "reports:import_json",
    "import csv": "data_commands:import_csv",
    "framework": "reports:framework",
    "backup": "data_commands:backup_now",
    "check": "data_commands:check",
}
# Commands that write to the logbook: they take the lock the window holds, so the two
# never write at the same time.
WRITES = {
    "add",
    "edit",
    "rate",
    "journal",
    "stage",
    "renew",
    "delete",
    "import",
    "framework",
    "backup",
    "restore",
}
# Commands that write when they can and read when the window holds the logbook:
# "export ics" records what the calendar said, to number its changes next time (see
# services/exchange/calendar_history.py); under the window it exports without recording.
RECORDS_IF_FREE = {"export ics"}


def _command_key(args) -> str:
    subcommand = getattr(args, "exchange_format", None)
    return f"{args.command} {subcommand}" if subcommand else args.command


def _handler(key: str):
    module, _, function = HANDLERS[key].partition(":")
    return getattr(import_module(f"{__package__}.{module}"), function)


LOCK_WAIT_S = 5.0


def _fail(message: str, code: int) -> int:
    return _said(f"error: {message}", code)


def main(argv: list[str], open_window) -> int:
    """Runs one command. Whatever happens, the user gets one line, never a traceback, and
    the exit status says whether the data changed (see ``_finish``). ``open_window(args)``
    starts the window (or its self-test) when the arguments name no command: the launcher
    passes it, so the command line never imports the window."""
    data_dir = None
    before = commits.count()
    try:
        _refuse_undecodable(argv)
        args = build_parser().parse_args(argv)
        if args.self_test or args.command is None:
            return open_window(args)
        if args.command is not None and not getattr(args, "list_charts", False):
            data_dir = resolve_data_dir(args.data_dir)
            refuse_file_as_folder(data_dir)
        return _finish(_dispatch(args, data_dir), committed=commits.count() > before)
    except (UsageError, BlankDataDirError) as error:
        return _fail(str(error), 2)
    except KeyboardInterrupt:
        if commits.count() > before:
            return _said("interrupted after your change was saved: done", 0)
        return _said("interrupted: nothing was changed", 130)
    except BrokenPipeError:
        return _quiet_after_closed_pipe()
    except OSError as error:
        return _os_failure(error, committed=commits.count() > before)
    except Exception as error:  # the one place an unexpected error is turned into a line
        if storage_fault(error) is not None:
            return _storage_failure(error, data_dir, committed=commits.count() > before)
        return _unexpected(error, data_dir, committed=commits.count() > before)


def _refuse_undecodable(argv: list[str]) -> None:
    """Python hands over bytes that are not UTF-8 as lone surrogates; such an argument
    would fail later, half-way. Refused here, in one line, before anything is done."""
    for number, argument in enumerate(argv, 1):
        if any("\ud800" <= char <= "\udfff" for char in argument):
            shown = os.fsencode(argument).decode("utf-8", "backslashreplace")
            raise UsageError(f"argument {number} ({shown}) is not valid UTF-8 text")


def _dispatch(args, data_dir: Path | None) -> int:
    if data_dir is None:
        # Listing the charts reads no data: it must not create a logbook either.
        from .chart_commands import export_chart

        return export_chart(args, None)
    try:
        return _run(args, data_dir)
    except AppError as error:  # expected: bad input, a logbook that cannot be used
        return _fail(str(error), error.exit_status)
    except FileNotFoundError as error:
        return _fail(str(error), 2)


def _finish(code: int, committed: bool) -> int:
    """Flushes what the command printed: a full disk or a closed pipe on standard output
    is reported here, and a committed change still exits 0."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return _quiet_after_closed_pipe(code)
    except OSError as error:
        return _os_failure(error, committed)
    return code


def _os_failure(error: OSError, committed: bool) -> int:
    """A full disk, a folder that cannot be written...: one line. Once the change was
    committed, the command is done (exit 0) even if what follows failed."""
    if error.filename is None:  # standard output: files name themselves (``files``)
        line = f"could not print the result ({error.strerror or error})"
    else:
        line = f"error: {_os_error_line(error)}"
    if committed:
        return _said(f"{line}; your change was saved: done", 0)
    return _said(line, 1)


def _storage_failure(error: Exception, data_dir: Path | None, committed: bool) -> int:
    where = f" (writing {database_path(data_dir)})" if data_dir is not None else ""
    line = f"error: {storage_fault(error)}{where}"
    if committed:
        return _said(f"{line}; your change was saved: done", 0)
    return _said(f"{line}; nothing was changed", 1)


def _quiet_after_closed_pipe(code: int = 0) -> int:
    """``po-tracker list ... | head -1``: the reader had enough. Standard output is pointed
    at nothing so that Python's own flush at exit cannot complain about it."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return code


def _os_error_line(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    reason = error.strerror or str(error)
    return f"{reason}{where}"


def _unexpected(error: Exception, data_dir: Path | None, committed: bool) -> int:
    from ..crash_report import one_line, save

    line = one_line(error, save(data_dir, error), committed)
    return _said(line, 0 if committed else 1)


def _said(message: str, code: int) -> int:
    # Whatever a message quotes (a file name of undecodable bytes), it prints.
    message = message.encode("utf-8", "backslashreplace").decode("utf-8")
    with suppress(OSError):  # standard error closed too: the exit status still tells
        print(f"po-tracker: {message}", file=sys.stderr)
    return code


def _run(args, data_dir: Path) -> int:
    from ..services.storage.writer_lock import instance_lock

    fresh_dir = not data_dir.exists()
    fresh_file = not database_path(data_dir).exists()
    # A read creates or migrates the file when it is new or from an older version: that
    # is a write too, and never happens under a running window.
    writes = _writes(args) or fresh_file or not _schema_is_current(data_dir)
    if not writes and _command_key(args) in RECORDS_IF_FREE:
        return _write_if_free(args, data_dir)
    if not writes:
        return _with_logbook(args, Logbook(data_dir, writes=False), fresh_dir, fresh_file)
    refuse_unwritable(data_dir, fresh_dir)
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


def _write_if_free(args, data_dir: Path) -> int:
    """A write when no window holds the logbook, else a read (``RECORDS_IF_FREE``)."""
    from ..services.storage.writer_lock import LockHeldError, instance_lock

    try:
        lock = instance_lock(data_dir, timeout_s=0)
    except LockHeldError:
        return _with_logbook(args, Logbook(data_dir, writes=False), False, False)
    with lock:
        return _with_logbook(args, Logbook(data_dir, writes=True), False, False)


def _writes(args) -> bool:
    if args.command == "framework":
        return args.action == "import"
    if args.command == "check":
        return args.repair
    return args.command in WRITES or _command_key(args) in WRITES


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
            from ..read_only import can_write
            from ..services.storage.checked_open import open_checked, open_read_only

            if not self.writes and not can_write(self.path):
                self._database = open_read_only(self.data_dir)
            else:
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
        from ..services.storage.checked_open import refuse_if_foreign
        from ..services.storage.integrity import connect_readonly

        refuse_if_foreign(self.path)
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
        from ..services.storage.checked_open import raise_if_damaged
        from ..services.storage.integrity import quick_check

        raise_if_damaged(self.path, quick_check(self.path))


def _with_logbook(args, logbook: Logbook, fresh_dir: bool, fresh_file: bool) -> int:
    ok = False
    before = commits.count()
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
        # A new logbook is removed after a failure only while it holds nothing of the
        # user's: once an entry was committed, it is theirs.
        if not ok and fresh_file and commits.count() == before:
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
