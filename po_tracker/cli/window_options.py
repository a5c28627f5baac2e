"""The options of a plain start of the window, read without argparse: building the whole
command line's parser costs more than the window's first frame can spare."""

from __future__ import annotations

from types import SimpleNamespace

DATA_DIR = "--data-dir"
# Qt's own options, passed on to Qt as they came (``-style fusion``, ``-platform xcb``).
QT_OPTIONS = ("-style", "-platform", "-stylesheet", "-platformtheme")


def window_options(argv: list[str]) -> SimpleNamespace | None:
    """``--data-dir DIR``, ``--demo`` and Qt's own ``-style``/``-platform`` options, each
    optional, in any order; None for anything else (a command, ``--help``, an
    abbreviation, a missing or empty value), which the full
    parser in ``command_line`` reads, with the same meaning for these two options."""
    found = SimpleNamespace(command=None, data_dir=None, demo=False, self_test=False, qt=[])
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--demo":
            found.demo = True
        elif token == DATA_DIR and rest and rest[0].strip() and not rest[0].startswith("-"):
            found.data_dir = rest.pop(0)
        elif token.startswith(DATA_DIR + "=") and token.partition("=")[2].strip():
            found.data_dir = token.partition("=")[2]
        elif token in QT_OPTIONS and rest:
            found.qt += [token, rest.pop(0)]
        elif token.partition("=")[0] in QT_OPTIONS:
            found.qt.append(token)
        else:
            return None
    return found
