"""Files are the owner's alone, and the tests themselves cannot reach the network."""

from __future__ import annotations

import socket
import stat
from pathlib import Path

import network_guard
import pytest
from safety_helpers import add_entries

from po_tracker.services.exchange import csv_export
from po_tracker.services.storage import backup
from po_tracker.services.storage.opening import open_logbook
from po_tracker.services.storage.writer_lock import instance_lock


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_everything_the_app_writes_is_private(data_dir, tmp_path):
    db = open_logbook(data_dir)
    add_entries(db, 1)
    with instance_lock(data_dir, timeout_s=0) as lock:
        assert mode(lock.path) == 0o600
    saved = backup.take_backup(db.path)
    with db.read() as session:
        exported = csv_export.export_csv(session, tmp_path / "export")
    files = [db.path, Path(f"{db.path}-wal"), Path(f"{db.path}-shm"), saved, *exported]
    files.append(saved.parent / "manifest.json")
    db.close()
    assert {str(p): mode(p) for p in files if p.exists()} == {
        str(p): 0o600 for p in files if p.exists()
    }
    assert mode(data_dir) == mode(saved.parent) == mode(tmp_path / "export") == 0o700


def test_the_guard_blocks_the_network_and_allows_loopback():
    with network_guard.guarded():
        with pytest.raises(network_guard.NetworkBlocked), socket.socket() as client:
            client.settimeout(0.5)
            client.connect(("192.0.2.1", 80))  # TEST-NET-1: never reachable anyway
        with pytest.raises(network_guard.NetworkBlocked):
            socket.create_connection(("192.0.2.1", 80), timeout=0.5)
        with (
            pytest.raises(network_guard.NetworkBlocked),
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp,
        ):
            udp.sendto(b"x", ("192.0.2.1", 53))
        assert len(network_guard.take_attempts()) == 3
        with socket.socket() as server:
            server.bind(("127.0.0.1", 0))
            server.listen()
            with socket.create_connection(server.getsockname(), timeout=2):
                pass
        assert network_guard.take_attempts() == []


@pytest.mark.skipif(
    not network_guard.active(),
    reason="enable it for every test: pytest_plugins = ['network_guard'] in tests/conftest.py",
)
def test_the_guard_is_on_for_the_whole_session():
    assert network_guard.active()
