"""One writer at a time: the command line's lock and the window's QLockFile agree."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from po_tracker.services.storage.writer_lock import (
    InstanceLock,
    LockHeldError,
    instance_lock,
    lock_path,
    read_info,
)

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX lock semantics")


def _holder(code: str) -> subprocess.Popen:
    """A child that takes a lock, prints "locked", and waits for its standard input."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert process.stdout.readline().strip() == "locked"
    return process


def _qt_holder(path: Path) -> subprocess.Popen:
    return _holder(
        f"""
        import sys
        from PySide6.QtCore import QLockFile
        lock = QLockFile({str(path)!r})
        lock.setStaleLockTime(0)
        assert lock.tryLock(0)
        print("locked", flush=True)
        sys.stdin.read()
        """
    )


def _our_holder(path: Path) -> subprocess.Popen:
    return _holder(
        f"""
        import sys
        from po_tracker.services.storage.writer_lock import InstanceLock
        lock = InstanceLock({str(path)!r}).acquire(1)
        print("locked", flush=True)
        sys.stdin.read()
        """
    )


def _qt_try_lock(path: Path, timeout_ms: int, stale_ms: int = 0) -> bool:
    code = (
        "from PySide6.QtCore import QLockFile;"
        f"lock = QLockFile({str(path)!r}); lock.setStaleLockTime({stale_ms});"
        f"print(lock.tryLock({timeout_ms}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout.strip() == "True"


def _kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.communicate()


def test_a_second_holder_waits_then_fails_clearly(tmp_path):
    with instance_lock(tmp_path, timeout_s=0.1) as first:
        assert stat.S_IMODE(first.path.stat().st_mode) == 0o600
        started = time.monotonic()
        with pytest.raises(LockHeldError) as caught:
            InstanceLock(lock_path(tmp_path)).acquire(timeout_s=0.4)
        assert time.monotonic() - started >= 0.4
        assert f"process {os.getpid()}" in str(caught.value)
        assert "try again" in str(caught.value)
    assert not lock_path(tmp_path).exists()
    instance_lock(tmp_path, timeout_s=0).release()


def test_a_lock_is_taken_once_its_holder_lets_go(tmp_path):
    holder = _our_holder(lock_path(tmp_path))
    holder.stdin.close()  # the child reads to end of input, then exits, releasing it
    with instance_lock(tmp_path, timeout_s=10):
        pass
    holder.wait()


def test_a_stale_lock_of_a_dead_process_is_taken_over(tmp_path):
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead_pid = int(finished.stdout)
    path = lock_path(tmp_path)
    path.write_text(f"{dead_pid}\npython3\n{os.uname().nodename}\n\n\n")
    with instance_lock(tmp_path, timeout_s=0) as lock:
        assert read_info(lock.path).pid == os.getpid()


def test_the_lock_of_a_killed_holder_is_taken_over(tmp_path):
    _kill(_our_holder(lock_path(tmp_path)))
    assert lock_path(tmp_path).exists(), "SIGKILL leaves the file behind"
    with instance_lock(tmp_path, timeout_s=0):
        pass


def test_a_lock_file_left_empty_is_stale_only_after_a_grace_period(tmp_path):
    path = lock_path(tmp_path)
    path.write_text("")
    with pytest.raises(LockHeldError):
        instance_lock(tmp_path, timeout_s=0)
    old = time.time() - 60
    os.utime(path, (old, old))
    instance_lock(tmp_path, timeout_s=0).release()


def test_qlockfile_held_by_the_window_blocks_the_command_line(tmp_path):
    window = _qt_holder(lock_path(tmp_path))
    try:
        with pytest.raises(LockHeldError):
            instance_lock(tmp_path, timeout_s=0.3)
    finally:
        window.stdin.close()
        window.wait()
    instance_lock(tmp_path, timeout_s=0).release()


def test_our_lock_blocks_qlockfile_even_when_qt_thinks_it_old(tmp_path):
    path = lock_path(tmp_path)
    with instance_lock(tmp_path, timeout_s=0):
        assert _qt_try_lock(path, timeout_ms=200) is False
        old = time.time() - 3600
        os.utime(path, (old, old))
        # QLockFile's default 30 s age rule calls this lock stale; our flock keeps it held.
        assert _qt_try_lock(path, timeout_ms=200, stale_ms=1000) is False
    assert _qt_try_lock(path, timeout_ms=0) is True


def test_stale_locks_are_taken_over_in_both_directions(tmp_path):
    path = lock_path(tmp_path)
    _kill(_qt_holder(path))
    with instance_lock(tmp_path, timeout_s=0):
        pass
    _kill(_our_holder(path))
    assert _qt_try_lock(path, timeout_ms=1000) is True


def test_the_file_format_matches_qlockfile(tmp_path):
    """Both write: PID, process name, host name, machine id, boot id."""
    qt_path, our_path = tmp_path / "qt.lock", tmp_path / "ours.lock"
    window = _qt_holder(qt_path)
    try:
        qt_lines = qt_path.read_text().split("\n")
    finally:
        window.stdin.close()
        window.wait()
    with InstanceLock(our_path).acquire(0):
        our_lines = our_path.read_text().split("\n")
    assert qt_lines[1:] == our_lines[1:]
    assert qt_lines[0].isdigit() and our_lines[0] == str(os.getpid())
