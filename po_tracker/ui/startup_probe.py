"""Start-up probe: with ``PO_TRACKER_STARTUP_PROBE=1`` the window reports when its first
frame was painted, when the dashboard showed the user's numbers and, if the dashboard has
charts, when they were drawn; it prints one JSON line on stdout and quits.

Hooks (each a no-op costing one dictionary look-up when the probe is off):

- ``install(window)`` once the main window exists, before ``show()`` (app.py);
- ``mark("numbers")`` when the dashboard has put the user's numbers in its widgets;
- ``mark("ready")`` when the logbook is open and the window's controls work;
- ``expect("charts")`` when a dashboard with charts is built, and ``chart_drawn(canvas)``
  on each canvas (or ``mark("charts", after_paint=False)`` once they are drawn).

A mark counts when the frame showing it is complete: the next paint of the window after
the mark, then the end of that event-loop turn (every dirty widget is painted in the same
turn). The floors in ``bench/floors`` time their first frame the same way.

Times are ``time.monotonic()`` (CLOCK_MONOTONIC, shared by every process, so the
benchmark subtracts the moment it spawned the process), and seconds since the process
was created as read from ``/proc/self/stat``, to 10 ms, for a person running it by hand.
"""

from __future__ import annotations

import json
import os
import time

ENV = "PO_TRACKER_STARTUP_PROBE"
# A start-up that never shows its numbers still ends, and says what it saw.
TIMEOUT_MS = 120_000

_probe = None


def enabled() -> bool:
    return os.environ.get(ENV) == "1"


def install(window) -> None:
    """Start watching ``window``; call before ``window.show()``."""
    global _probe
    if _probe is None and enabled():
        _probe = _Probe(window)


def expect(name: str) -> None:
    """Wait for ``mark(name)`` too before reporting (a dashboard that has charts)."""
    if _probe is not None:
        _probe.expected.add(name)


def mark(name: str, after_paint: bool = True) -> None:
    """``name`` is now in the widgets; it counts once a frame shows it (``after_paint``),
    or at the end of this event-loop turn when the caller is itself painting."""
    if _probe is not None:
        _probe.mark(name, after_paint)


def chart_drawn(canvas, name: str = "charts") -> None:
    """Mark ``name`` when the matplotlib ``canvas`` has rendered its figure."""
    if _probe is not None:
        canvas.mpl_connect("draw_event", lambda _event: mark(name, after_paint=False))


def process_start_monotonic() -> float | None:
    """When this process was created, on the monotonic clock; None off Linux."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            # The command name may hold spaces: fields are counted after its ')'.
            fields = stat.read().rsplit(")", 1)[1].split()
        started_s = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        since_boot = time.clock_gettime(time.CLOCK_BOOTTIME)
    except (OSError, ValueError, IndexError, AttributeError):
        return None
    return time.monotonic() - (since_boot - started_s)


def _make_probe_class():
    # Qt is imported only when the probe is on, so the hook costs nothing otherwise.
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class Probe(QObject):
        def __init__(self, window):
            super().__init__(window)
            self.window = window
            self.times: dict[str, float] = {}
            self.reported = False
            # "ready": the logbook is open and every control works (MainWindow.attach).
            self.expected = {"first_frame", "numbers", "ready"}
            # Marks waiting for the next paint of the window.
            self.waiting = {"first_frame"}
            QApplication.instance().installEventFilter(self)
            QTimer.singleShot(TIMEOUT_MS, self.report)

        def eventFilter(self, watched, event) -> bool:
            if (
                self.waiting
                and event.type() == QEvent.Type.Paint
                and watched.isWidgetType()
                and watched.window() is self.window
            ):
                names, self.waiting = self.waiting, set()
                QTimer.singleShot(0, lambda: self.record(names))
            return False

        def mark(self, name: str, after_paint: bool) -> None:
            if name in self.times:
                return
            if after_paint:
                self.waiting.add(name)
                self.window.update()
            else:
                QTimer.singleShot(0, lambda: self.record({name}))

        def record(self, names) -> None:
            now = time.monotonic()
            for name in names:
                self.times.setdefault(name, now)
            if self.expected <= self.times.keys():
                self.report()

        def report(self) -> None:
            if self.reported:
                return
            self.reported = True
            start = process_start_monotonic()
            line = {
                "probe": "startup",
                "platform": QApplication.platformName(),
                "monotonic": dict(self.times),
                "missing": sorted(self.expected - self.times.keys()),
            }
            if start is not None:
                line["since_start_s"] = {k: round(v - start, 4) for k, v in self.times.items()}
            print(json.dumps(line), flush=True)
            # exit, not quit: quit would close the window, which saves its settings.
            QApplication.exit(0 if not line["missing"] else 3)

    return Probe


def _Probe(window):  # noqa: N802 - reads as the class it builds
    return _make_probe_class()(window)
