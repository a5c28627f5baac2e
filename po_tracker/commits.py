"""How many write transactions this process has committed.

When a command is interrupted, or printing its confirmation fails, the exit status must
still tell the truth about the data: a change that was committed is done (exit 0), so a
script that retries never logs it twice.
"""

from __future__ import annotations

_count = 0


def record() -> None:
    global _count
    _count += 1


def count() -> int:
    return _count
