"""The one way the window runs slow work (backups, imports, exports) off the UI thread:
the work gets no Qt objects and no open session, and its result (or the exception it
raised) comes back to the UI thread through a signal."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    finished = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay):
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # noqa: BLE001 - handed to the UI to report
            result = error
        # RuntimeError: the window closed meanwhile, and nobody waits for the result.
        with suppress(RuntimeError):
            self.relay.finished.emit(result)


_running: set[_Relay] = set()


def run_in_background(
    owner: QObject, work: Callable[[], object], on_done: Callable[[object], None] | None = None
) -> None:
    """Run ``work()`` on the thread pool; ``on_done(result)`` runs on the UI thread, with
    the exception instead of a result if it failed."""
    relay = _Relay(owner)
    _running.add(relay)

    def finished(result) -> None:
        _running.discard(relay)
        if on_done is not None:
            on_done(result)
        relay.deleteLater()

    relay.finished.connect(finished)
    QThreadPool.globalInstance().start(_Job(work, relay))


def wait_for_background(timeout_ms: int = 30_000) -> bool:
    """For shutdown and tests: wait until every job has finished."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
