"""Writing files the user asked for without ever leaving half a file, clobbering one, or
touching the logbook.

Every export goes through here. A target is checked before anything is written
(``check_target``): it must not be standard output's ``-``, must be a regular file if it
exists (never a folder, device, FIFO, socket or symbolic link, whatever ``--force``
says), and must not be the logbook, its side files or anything else inside a data folder
(compared by device and inode, so another path, a symbolic link or a hard link to the
logbook is refused too). The content then goes to a private temporary file beside the
target, is flushed to disk, and is renamed into place; an existing file is replaced only
when the caller says so.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from .app_errors import AppError
from .paths import database_path, known_data_dirs, lock_path

# Data folders this process opened; checked as well as the user's usual ones.
_guarded: set[Path] = set()


class TargetRefused(AppError, ValueError):
    """A target that must not be written; nothing was written. Exit status 2."""


class FileExistsRefused(TargetRefused):
    pass


def guard(data_dir: Path) -> None:
    """Refuse every later export aimed inside ``data_dir`` (called when a logbook opens)."""
    _guarded.add(Path(data_dir))


def check_target(path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """``path`` as a ``Path`` if a file may be written there; ``TargetRefused`` if not."""
    if os.fspath(path) == "-":
        raise TargetRefused(
            "writing to standard output is not supported: give a file name (./- for a file"
            " named '-')"
        )
    target = Path(path)
    kind = _special_kind(target)
    if kind is not None:
        raise TargetRefused(f"{target} is {kind}; only a regular file can be replaced")
    if not target.parent.is_dir():
        raise FileNotFoundError(f"the folder {target.parent} does not exist")
    _refuse_data_folder(target)
    if target.exists() and not force:
        raise FileExistsRefused(f"{target} already exists; add --force to replace it")
    return target


def check_folder_target(folder: str | os.PathLike[str]) -> Path:
    """A folder a set of files may be exported into: missing (it is created) or a real
    folder (not a link to one), outside every data folder."""
    if os.fspath(folder) == "-":
        raise TargetRefused("standard output cannot hold a set of files: give a folder")
    folder = Path(folder)
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise TargetRefused(f"{folder} is not a folder; give a folder to write the files into")
    if not folder.parent.is_dir():
        raise FileNotFoundError(f"the folder {folder.parent} does not exist")
    _refuse_data_folder(folder / "_")
    return folder


def _special_kind(target: Path) -> str | None:
    """What ``target`` is when it is anything but a missing or regular file."""
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _refuse_data_folder(target: Path) -> None:
    """Refuse ``target`` if it lies inside a data folder or is one of a logbook's files
    reached from anywhere else (a hard link, a bind mount)."""
    folders = {
        identity: folder
        for folder in (*known_data_dirs(), *_guarded)
        if (identity := _identity(folder)) is not None
    }
    real_parent = Path(os.path.realpath(target.parent))
    for ancestor in (real_parent, *real_parent.parents):
        folder = folders.get(_identity(ancestor))
        if folder is not None:
            raise TargetRefused(
                f"{target} is inside the data folder {folder}, which holds your logbook and"
                " its backups; choose a place outside it"
            )
    target_identity = _identity(target)
    if target_identity is None:
        return
    for folder in folders.values():
        base = database_path(folder)
        own = [Path(f"{base}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")]
        for path in (*own, lock_path(folder)):
            if _identity(path) == target_identity:
                raise TargetRefused(f"{target} is your logbook's file {path.name}")


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> None:
    write_atomic_with(path, lambda handle: handle.write(data), force=force)


def write_atomic_with(
    path: str | os.PathLike[str], write: Callable[[BinaryIO], object], *, force: bool = False
) -> Path:
    """``write(handle)`` fills a private temporary file beside ``path`` that then replaces
    it; on any failure nothing is left behind. Returns the target."""
    target = check_target(path, force=force)
    # Checked again just before the rename: the target may have changed meanwhile.
    _replace_atomically(target, write, lambda: check_target(target, force=force))
    return target


def write_own_file(path: Path, data: bytes) -> None:
    """The app's own bookkeeping inside the data folder (the backups' manifest), which
    the export checks would rightly refuse; written as atomically as an export."""
    _replace_atomically(Path(path), lambda handle: handle.write(data), lambda: None)


def _replace_atomically(target: Path, write, recheck: Callable[[], object]) -> None:
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:  # mkstemp creates it 0600
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        recheck()
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError) and error.filename is None:
            error.filename = str(target)  # "No space left on device (the file)"
        raise
    fsync_path(target.parent)


def write_set_atomic(
    folder: Path, contents: dict[str, bytes], *, force: bool = False
) -> list[Path]:
    """Writes several files into ``folder`` as a set: all are written into a private
    temporary folder first, and moved into place only once every one is on disk, so a
    failure never leaves part of the set. Nothing is replaced unless ``force``."""
    folder = check_folder_target(folder)
    targets = [folder / name for name in contents]
    if folder.exists():
        _check_set(targets, force)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".part", dir=folder.parent))
    try:
        for name, data in contents.items():
            write_atomic(staging / name, data)
        if not folder.exists():
            os.rename(staging, folder)  # the whole set appears at once
            fsync_path(folder.parent)
            return targets
        _check_set(targets, force)
        for target in targets:
            os.replace(staging / target.name, target)
        fsync_path(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return targets


def _check_set(targets: Iterable[Path], force: bool) -> None:
    for target in targets:
        check_target(target, force=True)
    in_the_way = [target for target in targets if target.exists()]
    if in_the_way and not force:
        names = ", ".join(target.name for target in in_the_way)
        raise FileExistsRefused(
            f"{in_the_way[0].parent} already has {names}; add --force to replace them"
        )


def fsync_path(path: Path) -> None:
    """Flushes a file, or makes a rename inside a folder durable (POSIX; Windows cannot
    open a folder this way and does not need it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_leftovers(folders: Iterable[Path]) -> list[Path]:
    """Removes the private temporary files (``.*.part``, with any SQLite side files) that
    a killed process left in ``folders``. Only for a caller holding the data folder's
    lock: then no other process can be writing one of them."""
    removed = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.glob(".*.part*"):
            if path.is_file() and not path.is_symlink():
                path.unlink(missing_ok=True)
                removed.append(path)
        for path in folder.glob(".*.part"):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed
