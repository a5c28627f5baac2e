"""A pytest plugin that fails any test reaching for the network.

PO Tracker promises no network connection of any kind, so for the whole session
``socket.socket.connect``/``connect_ex``/``sendto`` and ``socket.create_connection`` refuse
any address that is not local (a Unix socket, 127.0.0.0/8, ::1, or ``localhost``). The
refusal is a ``NetworkBlocked`` error, not an ``OSError``, so code that quietly handles
connection errors cannot swallow it; and an attempt is also recorded, so a test that
catches everything still fails. Child processes are not covered (they do not load the
plugin); the tests that start children run only this app's code.

Enable it in tests/conftest.py with: ``pytest_plugins = ["tests.network_guard"]``.
"""

from __future__ import annotations

import ipaddress
import socket
from contextlib import contextmanager

import pytest

_ORIGINAL = {
    "connect": socket.socket.connect,
    "connect_ex": socket.socket.connect_ex,
    "sendto": socket.socket.sendto,
    "create_connection": socket.create_connection,
}
_attempts: list[str] = []
_depth = 0


class NetworkBlocked(RuntimeError):
    pass


def is_local(address) -> bool:
    if isinstance(address, str | bytes):  # AF_UNIX path (or abstract name)
        return True
    if not isinstance(address, tuple) or not address:
        return False
    host = address[0]
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:  # a host name other than localhost: resolving it is traffic too
        return False


def _refuse(address) -> None:
    if not is_local(address):
        _attempts.append(repr(address))
        raise NetworkBlocked(f"tests may not use the network (tried to reach {address!r})")


def _connect(self, address):
    if self.family != getattr(socket, "AF_UNIX", None):
        _refuse(address)
    return _ORIGINAL["connect"](self, address)


def _connect_ex(self, address):
    if self.family != getattr(socket, "AF_UNIX", None):
        _refuse(address)
    return _ORIGINAL["connect_ex"](self, address)


def _sendto(self, data, *args):
    address = args[-1]
    if self.family != getattr(socket, "AF_UNIX", None):
        _refuse(address)
    return _ORIGINAL["sendto"](self, data, *args)


def _create_connection(address, *args, **kwargs):
    _refuse(address)
    return _ORIGINAL["create_connection"](address, *args, **kwargs)


def install() -> None:
    """Idempotent and nestable: the guard stays until every install is undone."""
    global _depth
    _depth += 1
    socket.socket.connect = _connect
    socket.socket.connect_ex = _connect_ex
    socket.socket.sendto = _sendto
    socket.create_connection = _create_connection


def uninstall() -> None:
    global _depth
    _depth = max(_depth - 1, 0)
    if _depth == 0:
        for name in ("connect", "connect_ex", "sendto"):
            setattr(socket.socket, name, _ORIGINAL[name])
        socket.create_connection = _ORIGINAL["create_connection"]


def active() -> bool:
    return socket.socket.connect is _connect


def take_attempts() -> list[str]:
    """The refused attempts so far, forgotten once taken (for a test that expects one)."""
    taken = list(_attempts)
    _attempts.clear()
    return taken


@contextmanager
def guarded():
    install()
    try:
        yield
    finally:
        uninstall()


def pytest_configure(config) -> None:
    install()


def pytest_unconfigure(config) -> None:
    uninstall()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    _attempts.clear()
    result = yield
    attempts = take_attempts()
    if attempts:
        raise NetworkBlocked(f"{item.nodeid} tried to use the network: {', '.join(attempts)}")
    return result
