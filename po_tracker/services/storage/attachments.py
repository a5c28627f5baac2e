"""Certificate files kept with the logbook, in ``<data dir>/attachments/``.

A file is copied in under a generated name (a random UUID and an allowed extension),
never under the name it came with: a name chosen by someone else could climb out of the
folder, overwrite another file, or hide its real type. The stored name is all the
database keeps; resolving one refuses anything that is not such a name or that would
lead outside the folder. The source is opened without following links, so a link to a
private file elsewhere is refused rather than copied.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import uuid
from pathlib import Path, PurePosixPath, PureWindowsPath

from ...paths import attachments_dir, ensure_private_dir
from ..errors import ValidationError

MAX_BYTES = 25 * 1024 * 1024
# Documents and images a certificate comes as; nothing a viewer would run.
EXTENSIONS = (".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".heic", ".tif", ".tiff", ".txt")
_STORED = re.compile(r"^[0-9a-f]{32}\.[a-z0-9]{1,5}$")
_CHUNK = 1024 * 1024
FIELD = "attachment"


def _extension(source: Path) -> str:
    suffix = source.suffix.lower()
    if suffix not in EXTENSIONS:
        allowed = ", ".join(EXTENSIONS)
        raise ValidationError.single(
            FIELD, f"{source.name} is not a kind of file kept here; allowed: {allowed}"
        )
    return suffix


def _open_source(source: Path) -> int:
    """A descriptor of a regular file that is not a link, at most ``MAX_BYTES`` long."""
    if source.is_symlink():
        raise ValidationError.single(FIELD, f"{source} is a link; choose the file itself")
    try:
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        raise ValidationError.single(FIELD, f"{source} does not exist") from None
    except OSError as error:
        raise ValidationError.single(FIELD, f"{source} cannot be read ({error.strerror})") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise ValidationError.single(FIELD, f"{source} is not a regular file")
    if info.st_size > MAX_BYTES:
        os.close(fd)
        raise ValidationError.single(
            FIELD,
            f"{source.name} is {info.st_size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB",
        )
    return fd


def _copy(fd: int, handle) -> None:
    """Copies at most ``MAX_BYTES``: the file may grow after it was measured."""
    copied = 0
    while chunk := os.read(fd, _CHUNK):
        copied += len(chunk)
        if copied > MAX_BYTES:
            raise ValidationError.single(FIELD, f"the file grew past {MAX_BYTES / 1e6:.0f} MB")
        handle.write(chunk)
    handle.flush()
    os.fsync(handle.fileno())


def store_attachment(data_dir: Path, source: Path) -> str:
    """Copies ``source`` into the attachments folder; returns the stored name (0600)."""
    source = Path(source)
    suffix = _extension(source)
    folder = ensure_private_dir(attachments_dir(data_dir))
    fd = _open_source(source)
    descriptor, temporary = tempfile.mkstemp(prefix=".attachment-", suffix=".part", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            _copy(fd, handle)
        name = f"{uuid.uuid4().hex}{suffix}"
        os.replace(temporary, folder / name)  # a fresh UUID: nothing to overwrite
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)
    return name


def check_relative_name(name: str) -> str:
    """For names read from a file (an archive entry, an import): a plain relative path
    with no ``..``, no root, no drive and no NUL. Returns it with ``/`` separators."""
    parts = PureWindowsPath(name).parts if "\\" in name else PurePosixPath(name).parts
    bad = (
        not name
        or "\x00" in name
        or PurePosixPath(name).is_absolute()
        or PureWindowsPath(name).is_absolute()
        or PureWindowsPath(name).drive
        or ".." in parts
    )
    if bad:
        raise ValidationError.single(
            FIELD, f"{name!r} is not a safe file name inside the data folder"
        )
    return "/".join(part for part in parts if part not in ("", "."))


def resolve_attachment(data_dir: Path, name: str) -> Path:
    """The path of a stored attachment; refuses any name this module did not generate
    and any file that resolves outside the attachments folder."""
    if not isinstance(name, str) or not _STORED.match(name):
        raise ValidationError.single(FIELD, f"{name!r} is not the name of a stored attachment")
    folder = attachments_dir(data_dir).resolve()
    path = attachments_dir(data_dir) / name
    if path.is_symlink() or not path.resolve().is_relative_to(folder):
        raise ValidationError.single(FIELD, f"{name!r} leads outside the attachments folder")
    if not path.is_file():
        raise ValidationError.single(FIELD, f"the attachment {name} is missing")
    return path
