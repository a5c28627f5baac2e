"""One window per data folder. The first start holds a QLockFile beside the database
(the command line's writes respect the same lock; see services/single_instance.py) and
listens on a local socket; a second start hands its request to the first and exits."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ..services.single_instance import lock_path

RAISE_REQUEST = b"show\n"
TIMEOUT_MS = 1500


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
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not self.lock.tryLock(0):
            return False
        name = server_name(self.data_dir)
        QLocalServer.removeServer(name)  # a socket file left by a killed process
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self.server.listen(name)
        return True

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
    """Ask the running window to come forward; False when none answers."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write(RAISE_REQUEST)
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    return True
