"""One writer at a time: a lock file beside the logbook that Qt's QLockFile also honours.

The window locks ``<data dir>/po-tracker.lock`` with QLockFile; the command line, which
must not import Qt, locks the same file here. Both follow QLockFile's Unix protocol
(qtbase ``qlockfile.cpp``/``qlockfile_unix.cpp``):

- the file is created with ``O_CREAT | O_EXCL`` and holds five lines: PID, process name
  (the executable's file name), host name, machine id, boot id;
- the holder keeps ``flock(LOCK_EX)`` on it for as long as it holds the lock;
- a lock is stale when it was written on this machine and its process is gone, its PID
  now belongs to a program of another name, or the machine rebooted since. Only then is
  it removed, under a ``<file>.rmlock`` lock, and only if ``flock`` on it succeeds, which
  proves no live holder still has it open.

Unlike QLockFile's default, age never makes a lock stale here: the window holds its lock
for hours. (The window should call ``QLockFile.setStaleLockTime(0)`` for the same reason;
even without it, the ``flock`` this module holds stops QLockFile from removing our lock.)
"""

from __future__ import annotations

import errno
import os
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from ...app_errors import AppError
from ...files import remove_leftovers
from ...paths import leftover_folders, lock_path

try:
    import fcntl
except ImportError:  # Windows: O_EXCL and the PID check still apply
    fcntl = None

DEFAULT_TIMEOUT_S = 5.0
UNREADABLE_GRACE_S = 10.0


class LockHeldError(AppError, RuntimeError):
    """Another PO Tracker (the window, or a command) is using the data folder."""

    exit_status = 1


@dataclass(frozen=True)
class LockInfo:
    pid: int
    appname: str
    hostname: str
    machine_id: str
    boot_id: str


def _first_line(*paths: str) -> str:
    for path in paths:
        try:
            with open(path, encoding="ascii", errors="replace") as handle:
                return handle.readline().strip()
        except OSError:
            continue
    return ""


def _machine_id() -> str:
    # QSysInfo::machineUniqueId on Linux; elsewhere empty, and Qt falls back to the host name.
    return _first_line("/etc/machine-id", "/var/lib/dbus/machine-id")


def _boot_id() -> str:
    return _first_line("/proc/sys/kernel/random/boot_id")


def process_name(pid: int) -> str | None:
    """The executable's file name, as QLockFile records and compares it; None where the
    system does not tell (then the name is not compared), "" when the process is gone."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        target = os.readlink(f"/proc/{pid}/exe")
    except OSError:
        return ""
    return os.path.basename(target.removesuffix(" (deleted)"))


def _own_contents() -> bytes:
    pid = os.getpid()
    name = process_name(pid) or os.path.basename(sys.executable)
    lines = (str(pid), name, socket.gethostname(), _machine_id(), _boot_id())
    return ("\n".join(lines) + "\n").encode("utf-8")


def read_info(path: Path) -> LockInfo | None:
    try:
        raw = Path(path).read_bytes()[:4096]
    except OSError:
        return None
    lines = raw.decode("utf-8", "replace").split("\n") + [""] * 5
    if not lines[0].strip().isdigit() or int(lines[0]) <= 0:
        return None
    return LockInfo(int(lines[0]), lines[1], lines[2], lines[3], lines[4])


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    except OSError:
        return False
    return True


def is_stale(path: Path) -> bool:
    """QLockFile's rule without its age limit. An unreadable lock may be one being written
    this very moment; it counts as stale only once it is a few seconds old (a holder
    killed between creating and writing it)."""
    info = read_info(path)
    if info is None:
        try:
            return time.time() - Path(path).stat().st_mtime > UNREADABLE_GRACE_S
        except OSError:
            return False
    machine = _machine_id()
    same_host = not info.hostname or info.hostname == socket.gethostname()
    if info.machine_id and machine:
        same_host = info.machine_id == machine
    if not same_host:
        return False
    if info.boot_id and info.boot_id != _boot_id():
        return True
    if not _pid_alive(info.pid):
        return True
    name = process_name(info.pid)
    return name is not None and name != os.path.basename(info.appname)


def _try_flock(fd: int) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


class InstanceLock:
    """``with InstanceLock(lock_path(data_dir)).acquire():`` around every write."""

    def __init__(self, path: Path, *, _guard: bool = True):
        self.path = Path(path)
        self._fd: int | None = None
        self._guard = _guard

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        """One attempt, taking over a stale lock; never waits."""
        if self.held:
            raise RuntimeError(f"{self.path} is already held by this object")
        if self._create():
            return True
        if is_stale(self.path) and self._remove_stale():
            return self._create()
        return False

    def acquire(self, timeout_s: float = DEFAULT_TIMEOUT_S) -> InstanceLock:
        """Waits up to ``timeout_s`` seconds, then raises ``LockHeldError``."""
        deadline = time.monotonic() + max(timeout_s, 0.0)
        pause = 0.05
        while not self.try_acquire():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise LockHeldError(self._held_message(timeout_s))
            time.sleep(min(pause, remaining))
            pause = min(pause * 2, 0.5)
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        # QLockFile's order: unlink while still holding, then close.
        try:
            self.path.unlink(missing_ok=True)
        finally:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> InstanceLock:
        if not self.held:
            self.acquire()
        return self

    def __exit__(self, kind: type | None, value: BaseException | None, tb: TracebackType | None):
        self.release()

    def _create(self) -> bool:
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.path, flags, 0o600)
        except FileExistsError:
            return False
        try:
            _try_flock(fd)  # as QLockFile: keeps others from removing it while we live
            os.write(fd, _own_contents())
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            self.path.unlink(missing_ok=True)
            raise
        self._fd = fd
        return True

    def _remove_stale(self) -> bool:
        """Removes the lock file only if nobody holds it; two processes doing this at once
        are kept apart by ``<file>.rmlock``, as QLockFile does."""
        guard = InstanceLock(Path(f"{self.path}.rmlock"), _guard=False) if self._guard else None
        if guard is not None and not guard.try_acquire():
            return False
        try:
            return self._unlink_if_free()
        finally:
            if guard is not None:
                guard.release()

    def _unlink_if_free(self) -> bool:
        try:
            fd = os.open(self.path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            return True
        try:
            if not is_stale(self.path) or not _try_flock(fd):
                return False
            # The name must still be the file we checked, not a new holder's.
            if os.fstat(fd).st_ino != os.stat(self.path).st_ino:
                return False
            self.path.unlink()
            return True
        except FileNotFoundError:
            return True
        finally:
            os.close(fd)

    def _held_message(self, timeout_s: float) -> str:
        info = read_info(self.path)
        who = "another PO Tracker"
        if info is not None:
            host = info.hostname or "this computer"
            who += f" ({info.appname or 'a program'}, process {info.pid} on {host})"
        return (
            f"{who} is using this data folder; waited {timeout_s:g} s. Close the PO Tracker"
            " window or wait for the other command to finish, then try again."
            f" (Lock file: {self.path})"
        )


def instance_lock(data_dir: Path, timeout_s: float = DEFAULT_TIMEOUT_S) -> InstanceLock:
    """The acquired lock of ``data_dir``; use it in a ``with`` block. Whoever takes the
    lock first clears what a killed backup or restore left behind."""
    lock = InstanceLock(lock_path(data_dir)).acquire(timeout_s)
    remove_leftovers(leftover_folders(data_dir))
    return lock
