"""Writing files the user asked for without ever leaving half a file or clobbering one.

The content goes to a private temporary file beside the target, is flushed to disk, and
is renamed into place; an existing file is replaced only when the caller says so.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class FileExistsRefused(FileExistsError):
    pass


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> None:
    path = Path(path)
    if path.exists() and not force:
        raise FileExistsRefused(f"{path} already exists; add --force to replace it")
    if not path.parent.is_dir():
        raise FileNotFoundError(f"the folder {path.parent} does not exist")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:  # mkstemp creates it 0600
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not force and path.exists():
            raise FileExistsRefused(f"{path} already exists; add --force to replace it")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
