"""``po-tracker``: quick capture from a terminal, and scripting.

Exit status: 0 on success, 2 for bad input (one line on stderr naming the field and
the problem; nothing is written), 1 when the data cannot be opened.
"""

from __future__ import annotations

import shutil
import sys
from importlib import import_module
from pathlib import Path

from ..files import FileExistsRefused
from ..paths import database_path, resolve_data_dir
from ..schema import SchemaError
from ..services.errors import NotFoundError, ValidationError
from .parser import UsageError, build_parser

# Imported when a command runs, so that opening the window pays for none of them.
HANDLERS = {
    "add": "commands:add",
    "rate": "commands:rate",
    "journal": "commands:write_journal",
    "stage": "commands:stage",
    "delete": "commands:delete",
    "list": "reports:list_entries",
    "search": "reports:search_entries",
    "status": "reports:status",
    "export": "reports:export_json",
    "import": "reports:import_json",
    "framework": "reports:framework",
}


def _handler(command: str):
    module, _, function = HANDLERS[command].partition(":")
    return getattr(import_module(f"{__name__}.{module}"), function)


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
    data_dir = resolve_data_dir(args.data_dir)
    try:
        return _run(args, data_dir)
    except (ValidationError, NotFoundError, FileExistsRefused, FileNotFoundError) as error:
        return _fail(str(error), 2)
    except SchemaError as error:
        return _fail(str(error), 1)


def _run(args, data_dir: Path) -> int:
    from ..services.logbook import open_logbook

    fresh_dir = not data_dir.exists()
    fresh_file = not database_path(data_dir).exists()
    db = open_logbook(data_dir)
    ok = False
    try:
        result = _handler(args.command)(args, db)
        ok = True
        return result
    finally:
        db.close()
        if not ok and fresh_file:
            _remove_new_logbook(data_dir, fresh_dir)


def _remove_new_logbook(data_dir: Path, fresh_dir: bool) -> None:
    """A command that failed on a logbook it had only just created leaves no trace, so
    bad input never changes the data folder. Only files this run created are removed."""
    if fresh_dir:
        shutil.rmtree(data_dir, ignore_errors=True)
        return
    path = database_path(data_dir)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
