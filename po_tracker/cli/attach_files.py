"""``--attach PATH`` and ``--detach`` of ``add`` and ``edit`` for the logs that keep a
file (certifications, training, wins): the file is copied into the data folder's
attachments and the entry records its stored name.

A copy made for a write that then fails is removed again, so a refused command leaves
nothing behind. The command line has no undo, so once a write can have left a file that
no entry names (a delete, another file, ``--detach``), that file is removed at once (see
``services/storage/attachment_upkeep.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import timedelta
from pathlib import Path

from ..services.errors import ValidationError

# The kinds that keep a file (``keeps_files`` in services/logbook/log_kinds.py, held
# equal by a test): spelled here so that building the parser imports no ORM.
ATTACHING = ("certification", "training", "win")


def add_attach_options(parser, kind: str, *, edit: bool) -> None:
    if kind not in ATTACHING:
        return
    parser.add_argument(
        "--attach",
        metavar="PATH",
        default=None,
        help="a file to keep with the entry (a PDF, an image, a document): it is copied"
        " into the data folder",
    )
    if edit:
        parser.add_argument(
            "--detach", action="store_true", help="the entry keeps no file any more"
        )


def attachment_change(args) -> tuple[str | None, bool]:
    """(the path to attach or None, whether to detach), refused when both are given."""
    path, detach = getattr(args, "attach", None), getattr(args, "detach", False)
    if path is not None and detach:
        raise ValidationError.single("--detach", "goes without --attach: give one or the other")
    if path is not None and not path.strip():
        raise ValidationError.single("--attach", "needs the path of a file")
    return path, detach


@contextmanager
def stored(data_dir: Path, path: str | None) -> Iterator[str | None]:
    """The stored name of ``path`` (None without one), removed again if the block fails."""
    if path is None:
        yield None
        return
    from ..services.storage import attachments

    name = attachments.store_attachment(data_dir, Path(path))
    try:
        yield name
    except BaseException:
        attachments.discard_attachment(data_dir, name)
        raise


def tidy(data_dir: Path, kind: str) -> None:
    """After a write that may have left a file no entry names: remove it now."""
    if kind not in ATTACHING:
        return
    from ..services.storage.attachment_upkeep import sweep_unnamed

    # The change is saved by now: tidying that fails is tried again by the next one.
    with suppress(OSError, sqlite3.Error):
        sweep_unnamed(data_dir, older_than=timedelta(0))
