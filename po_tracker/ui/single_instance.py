"""One window per data folder. The first start holds a QLockFile beside the database
(the command line's writes respect the same lock; see services/single_instance.py) and,
from its first frame on, listens on a local socket; a second start hands its request to
the first and exits. QtNetwork is imported only then: not on the way to the first frame."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal

from ..files import remove_leftovers
from ..paths import leftover_folders, lock_path

RAISE_REQUEST = b"show\n"
TIMEOUT_MS = 1500
RETRY_S = 0.05


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]
    return f"po-tracker-{digest}"


class InstanceGuard(QObject):
    """Holds the lock for the window's lifetime; ``activated`` fires when another start
    asks this window to come forward."""

    activated = Signal()

    def __init__(self, data_dir: Path, parent=None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.lock = QLockFile(str(lock_path(self.data_dir)))
        # Age alone never makes a lock stale: a long import may hold it for minutes. A
        # lock whose process died is still taken over.
        self.lock.setStaleLockTime(0)
        self.server = None  # a QLocalServer once listening

    def acquire(self) -> bool:
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not self.lock.tryLock(0):
            return False
        # QLockFile follows the umask; the lock names this computer, so keep it private.
        os.chmod(lock_path(self.data_dir), 0o600)
        remove_leftovers(leftover_folders(self.data_dir))
        return True

    def listen(self) -> None:
        """Answer later starts (call once the lock is held)."""
        from PySide6.QtNetwork import QLocalServer

        name = server_name(self.data_dir)
        QLocalServer.removeServer(name)  # a socket file left by a killed process
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self.server.listen(name)

    def _on_connection(self) -> None:
        socket = self.server.nextPendingConnection()
        if socket is None:
            return
        socket.waitForReadyRead(TIMEOUT_MS)
        if socket.readAll().data() == RAISE_REQUEST:
            self.activated.emit()
        socket.disconnectFromServer()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()


def hand_over(data_dir: Path) -> bool:
    """Ask the running window to come forward; False when none answers in time. The
    window may still be starting (it listens from its first frame): try again until then."""
    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + TIMEOUT_MS / 1000
    socket = QLocalSocket()
    while True:
        socket.connectToServer(server_name(data_dir))
        if socket.waitForConnected(TIMEOUT_MS):
            break
        if time.monotonic() >= deadline:
            return False
        time.sleep(RETRY_S)
    socket.write(RAISE_REQUEST)
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    return True
