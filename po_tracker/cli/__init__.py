"""``po-tracker``: quick capture from a terminal, and scripting; without a command, the
window.

Exit status: 0 on success, 2 for bad input (one line on stderr naming the field and
the problem; nothing is written), 1 when the data cannot be opened.

This module imports nothing more than it needs to tell the two apart: a plain start of
the window (``window_options``) goes straight to it, before the command line's parser
and services are even imported (``command_line``).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    from .window_options import window_options

    window = window_options(arguments)
    if window is not None:
        from ..app import main as open_window

        return open_window(window)
    from .command_line import main as run_command_line

    return run_command_line(arguments)
