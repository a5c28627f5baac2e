"""Start-up of the desktop window."""

from __future__ import annotations

import sys


def main(args=None) -> int:
    print(
        "The PO Tracker window is not part of this version yet; use the command line "
        "(po-tracker --help) to log and review your progress.",
        file=sys.stderr,
    )
    return 0
