"""Whole processes, timed from the moment they are spawned, and the screen they run on."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FLOORS = REPO / "bench" / "floors"
XVFB_DISPLAY = ":98"
TIMEOUT_S = 300


class ProcessFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Outcome:
    wall: float  # seconds from spawn to exit
    line: dict | None  # the last JSON line printed, if any
    spawned: float  # time.monotonic() when spawned: probe times are relative to it

    def since_spawn(self, key: str) -> float | None:
        value = (self.line or {}).get(key)
        return None if value is None else value - self.spawned


def python(*args: str) -> list[str]:
    return [sys.executable, *args]


def floor(script: str, *args: str) -> list[str]:
    return python(str(FLOORS / script), *args)


def run(command: list[str], env: dict[str, str], timeout: float = TIMEOUT_S) -> Outcome:
    """Run ``command`` to its end; the wall time ends when the child is reaped."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        spawned = time.monotonic()
        child = subprocess.Popen(command, env=env, cwd=REPO, stdout=out, stderr=err)
        # A blocking wait, not a polling loop, which would load the second core.
        watchdog = threading.Timer(timeout, child.kill)
        watchdog.start()
        child.wait()
        ended = time.monotonic()
        watchdog.cancel()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if child.returncode != 0:
        raise ProcessFailed(f"{' '.join(command)} exited {child.returncode}:\n{stderr[-2000:]}")
    return Outcome(ended - spawned, _last_json(stdout), spawned)


def _last_json(stdout: str) -> dict | None:
    for text in reversed(stdout.splitlines()):
        if text.startswith("{"):
            return json.loads(text)
    return None


def child_env(extra: dict[str, str], config_home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(extra)
    # The window's settings (last page, geometry, welcome shown) stay out of the user's.
    env["XDG_CONFIG_HOME"] = str(config_home)
    # So is what the app caches (the dashboard's start view), kept beside them.
    env["PO_TRACKER_CACHE_DIR"] = str(config_home / "cache")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(REPO), env.get("PYTHONPATH"))))
    env.pop("PO_TRACKER_DATA_DIR", None)
    env.pop("MPLBACKEND", None)
    # An installed app runs from compiled bytecode (pip compiles it at install): the
    # untimed warm-up starts write it, so no timed start compiles the sources again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@contextmanager
def screen(choice: str = "auto"):
    """Yields (environment, description): Xvfb on :98 when it can run (started here if
    none is running, and stopped after), else Qt's offscreen platform."""
    if choice != "offscreen" and shutil.which("Xvfb"):
        with _xvfb() as ready:
            if ready:
                yield {"QT_QPA_PLATFORM": "xcb", "DISPLAY": XVFB_DISPLAY}, "Xvfb " + XVFB_DISPLAY
                return
    if choice == "xvfb":
        raise ProcessFailed("Xvfb was asked for but could not be started")
    yield {"QT_QPA_PLATFORM": "offscreen"}, "Qt offscreen platform"


@contextmanager
def _xvfb():
    socket = Path("/tmp/.X11-unix") / f"X{XVFB_DISPLAY[1:]}"
    if socket.exists():
        yield True  # someone's Xvfb: used, never stopped
        return
    server = subprocess.Popen(
        ["Xvfb", XVFB_DISPLAY, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not socket.exists() and server.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        yield socket.exists() and server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=10)
