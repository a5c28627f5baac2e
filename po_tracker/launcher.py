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

    args = window_options(arguments)
    if args is None:
        from .cli.command_line import parse_arguments

        args = parse_arguments(arguments)
        if isinstance(args, int):
            return args  # bad usage, already reported
    if args.self_test:
        from .ui.self_test import run

        return run()
    if args.command is None:
        from .app import main as open_window

        return open_window(args)
    from .cli.command_line import run_command

    return run_command(args)
