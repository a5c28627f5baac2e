"""``po-tracker``: quick capture from a terminal, and scripting; without a command, the
window.

Exit status: 0 on success, 2 for bad input (one line on stderr naming the field and
the problem; nothing is written), 1 when the data cannot be opened.

This module decides "window or command" and imports nothing more than it needs to tell
the two apart: a plain start of the window (``cli.window_options``) goes straight to it,
before the command line's parser and services are even imported. It is the only place
that knows both the window and the command line, so the command line never imports the
window (and the window never imports the command line's handlers).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    from .cli.window_options import window_options

    window = window_options(arguments)
    if window is not None:
        from .paths import BlankDataDirError

        try:
            return open_window(window)
        except BlankDataDirError as error:  # before the window shows: one line, as a command
            print(f"po-tracker: error: {error}", file=sys.stderr)
            return 2
    from .cli.command_line import main as run_command_line

    return run_command_line(arguments, open_window)


def open_window(args) -> int:
    """The window, or its self-test: for the arguments that name no command."""
    if args.self_test:
        from .ui.self_test import run

        return run()
    from .app import main as start_window

    return start_window(args)
