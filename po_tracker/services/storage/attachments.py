"""Files kept with the logbook (a certificate, a course's slides, a win's evidence), in
``<data dir>/attachments/``.

A file is copied in under a generated name: a random UUID, then the file's own name made
plain (letters, digits, spaces and ``._()-`` only, at most 80 characters), then an allowed
extension, e.g. ``3f2a...9c-certificate.pdf``. The random part keeps names unique (two
``certificate.pdf`` never collide, nothing is overwritten) and the plain part lets the
user see which file it is; a name as chosen by someone else could climb out of the
folder, overwrite another file, or hide its real type. The stored name is all the
database keeps, and a stored file is never changed, only added or removed: it is made
read-only (0400), so a program that opens it cannot save over it, and a backup may
share it by a hard link. Resolving a
name refuses anything that is not such a name or that would lead outside the folder. The
source is opened without following links, so a link to a private file elsewhere is
refused rather than copied.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import unicodedata
import uuid
from contextlib import suppress
from pathlib import Path, PurePosixPath, PureWindowsPath

from ...paths import attachments_dir, ensure_private_dir
from ..errors import ValidationError
from ..limits import MAX_ATTACHMENT_BYTES
from ..validation import Checker

MAX_BYTES = MAX_ATTACHMENT_BYTES
# Documents and images; nothing a viewer would run (no macro-enabled office formats).
EXTENSIONS = (
    ".pdf",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".webp",
    ".heic",
    ".tif",
    ".tiff",
    ".txt",
) + (".md", ".csv", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp")
_STORED = re.compile(r"^[0-9a-f]{32}(?:-(?P<stem>[\w .()-]{1,80}))?(?P<suffix>\.[a-z0-9]{1,5})$")
_UNSAFE = re.compile(r"[^\w .()-]+")
_MAX_STEM = 80
# What an entry's attachment field may hold: the interchange schema's bare file name.
_BARE_NAME = re.compile(r"^(?!\.\.?$)[^/\\\x00-\x1f]+$")
_MAX_NAME = 300
_CHUNK = 1024 * 1024
READ_ONLY = 0o400
FIELD = "attachment"


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size % 1_000_000 else f"{size // 1_000_000} MB"


def original_name(stored: str) -> str:
    """The name the user knows the file by ("certificate.pdf"); a stored name without
    one (written before names were kept, or imported) is shown as it is."""
    found = _STORED.match(stored or "")
    if found is None or not found["stem"]:
        return stored
    return f"{found['stem']}{found['suffix']}"


def clean_stored_name(check: Checker, value: str | None) -> str | None:
    """An entry's ``attachment`` as a service stores it: empty for none, else a bare file
    name (what an import may carry too; opening it then says whether the file is here)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > _MAX_NAME or not _BARE_NAME.match(value):
        check.fail(FIELD, f"{value!r} is not the name of a stored attachment")
        return None
    return value


def _plain_stem(source: Path) -> str:
    """The file's own name, made safe to keep in a stored name on any system."""
    stem = _UNSAFE.sub("_", unicodedata.normalize("NFC", source.stem))
    stem = re.sub(r"\.{2,}", ".", stem).strip(" .-")
    return stem[:_MAX_STEM].rstrip(" .-")


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
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise ValidationError.single(FIELD, f"{source} is {what}; choose a file")
    if info.st_size > MAX_BYTES:
        os.close(fd)
        raise ValidationError.single(
            FIELD,
            f"{source.name} is {_megabytes(info.st_size)}; the limit is {_megabytes(MAX_BYTES)}",
        )
    return fd


def _copy(fd: int, handle) -> None:
    """Copies at most ``MAX_BYTES``: the file may grow after it was measured."""
    copied = 0
    while chunk := os.read(fd, _CHUNK):
        copied += len(chunk)
        if copied > MAX_BYTES:
            raise ValidationError.single(FIELD, f"the file grew past {_megabytes(MAX_BYTES)}")
        handle.write(chunk)
    handle.flush()
    os.fsync(handle.fileno())


def store_attachment(data_dir: Path, source: Path) -> str:
    """Copies ``source`` into the attachments folder; returns the stored name (0400)."""
    source = Path(source)
    fd = _open_source(source)
    try:
        suffix = _extension(source)
        stem = _plain_stem(source)
        name = f"{uuid.uuid4().hex}-{stem}{suffix}" if stem else f"{uuid.uuid4().hex}{suffix}"
        _copy_in(fd, ensure_private_dir(attachments_dir(data_dir)), name)
    finally:
        os.close(fd)
    return name


def _copy_in(fd: int, folder: Path, name: str) -> None:
    """The copy is written under a temporary name and renamed once complete, so a stored
    name never holds half a file."""
    descriptor, temporary = tempfile.mkstemp(prefix=".attachment-", suffix=".part", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            _copy(fd, handle)
        os.chmod(temporary, READ_ONLY)
        os.replace(temporary, folder / name)  # a fresh UUID: nothing to overwrite
    except BaseException:
        remove_stored(Path(temporary))
        raise


def is_stored_name(name: str) -> bool:
    """Whether ``name`` is one this module generates (the only files it looks after)."""
    return bool(_STORED.match(name))


def copy_stored(source: Path, folder: Path, name: str, *, may_link: bool = True) -> None:
    """Puts the stored file ``source`` into ``folder`` as ``name`` (a backup's companion
    folder, or back into the attachments folder): a hard link where allowed and the
    system can (a stored file never changes, so both names can share it), else a copy."""
    if not _STORED.match(name):
        raise ValidationError.single(FIELD, f"{name!r} is not the name of a stored attachment")
    if (folder / name).exists():
        return  # a stored name is unique: the same file is there already
    try:
        if may_link:  # ``source`` is a stored file, never a link (see attachment_upkeep)
            os.link(source, folder / name)
            return
    except OSError:
        pass  # another drive, or a system without hard links: copy it
    fd = _open_source(source)
    try:
        _copy_in(fd, folder, name)
    finally:
        os.close(fd)


def remove_stored(path: Path) -> None:
    """Removes a stored file (read-only: Windows will not delete it as it is)."""
    if os.name == "nt":
        with suppress(OSError):
            os.chmod(path, 0o600)
    path.unlink(missing_ok=True)


def discard_attachment(data_dir: Path, name: str) -> None:
    """Removes a file just stored for a write that then failed (nothing names it)."""
    if _STORED.match(name or ""):
        remove_stored(attachments_dir(data_dir) / name)


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
    if isinstance(name, str) and _BARE_NAME.match(name) and not _STORED.match(name):
        # A name an import brought from elsewhere: never a file this app stored.
        raise ValidationError.single(
            FIELD, f"the file {name} is not in the attachments folder; attach it again"
        )
    if not isinstance(name, str) or not _STORED.match(name):
        raise ValidationError.single(FIELD, f"{name!r} is not the name of a stored attachment")
    folder = attachments_dir(data_dir).resolve()
    path = attachments_dir(data_dir) / name
    if path.is_symlink() or not path.resolve().is_relative_to(folder):
        raise ValidationError.single(FIELD, f"{name!r} leads outside the attachments folder")
    if not path.is_file():
        raise ValidationError.single(
            FIELD, f"the file {original_name(name)} is missing from the attachments folder"
        )
    return path
