"""What an unexpected error leaves behind: one line for the user, and the details in a
private file in the data folder (never a raw traceback on the terminal or a dialog).

A report holds the traceback and the versions, never the logbook's content beyond what
an exception message may name.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

FOLDER = "crash-reports"
KEEP = 20


def save(data_dir: Path | None, error: BaseException) -> Path | None:
    """Writes the report; returns its path, or None when it could not be written."""
    from . import __version__

    if data_dir is None:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    text = "".join(
        [
            f"PO Tracker {__version__}, Python {platform.python_version()}, "
            f"{platform.platform()}\n",
            f"{datetime.now(UTC).isoformat(timespec='seconds')}\n",
            f"command: {' '.join(sys.argv[1:])[:2000]}\n\n",
            *traceback.format_exception(error),
        ]
    )
    try:
        folder = Path(data_dir) / FOLDER
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}.txt"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace") as handle:
            handle.write(text)
        _prune(folder)
        return path
    except OSError:
        return None


def _prune(folder: Path) -> None:
    """Only the newest reports are kept: they are for a bug report, not a history."""
    reports = sorted(folder.glob("crash-*.txt"))
    for old in reports[:-KEEP]:
        old.unlink(missing_ok=True)


def one_line(error: BaseException, report: Path | None, committed: bool) -> str:
    where = f"details saved in {report}" if report else "no crash report could be saved"
    data = (
        "your change was saved before it happened"
        if committed
        else "nothing was changed in your logbook"
    )
    return (
        f"an unexpected error stopped PO Tracker ({type(error).__name__}: {error});"
        f" {where}; {data}."
    )
