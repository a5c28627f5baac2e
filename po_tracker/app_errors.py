"""The one base class of the errors the user is told about.

An ``AppError`` is an expected failure: bad input, a file that is not a logbook, a folder
another PO Tracker is using. Its message is one line that names what is wrong, and
nothing was changed. The command line prints it and exits with ``exit_status``; the
window shows it. Anything else that escapes is a bug, and gets a crash report
(``crash_report``).
"""

from __future__ import annotations


class AppError(Exception):
    """One line for the user; nothing was changed."""

    # The command line's exit status: 2 for bad input (the default), 1 when the data
    # cannot be used (a damaged or foreign logbook, a folder in use).
    exit_status = 2
