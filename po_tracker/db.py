"""Opening the logbook: the SQLite engine, its pragmas, and sessions for reading and writing.

Every connection runs in WAL mode with ``synchronous=FULL`` (a committed entry survives a
power cut) and foreign keys on. pysqlite's own transaction handling is switched off and
``BEGIN`` is emitted here instead, so that DDL is transactional (the SQLAlchemy recipe
for pysqlite) and writers take the write lock up front (``BEGIN IMMEDIATE``) rather than
failing half-way when another writer got there first.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from . import commits

BUSY_TIMEOUT_MS = 5000


def create_private_file(path: Path) -> None:
    """Create ``path`` readable by the owner only, if it does not exist yet. SQLite gives
    its -wal and -shm side files the same permissions as the database."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)


def make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        # Straight to the driver: SQLAlchemy's statement layer cost a third of an empty
        # transaction, which every read and every search as the user types pays.
        connection.connection.driver_connection.execute(f"BEGIN {mode}")

    return engine


def make_read_only_engine(path: Path) -> Engine:
    """An engine that only reads, for a logbook in a folder that cannot be written (see
    ``read_only``): no pragma that writes, and SQLite refuses any write."""
    from . import read_only

    engine = create_engine(
        "sqlite://", creator=lambda: read_only.connect(path, check_same_thread=False), future=True
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN")

    return engine


class Database:
    """The open logbook. Callers own one session per user action."""

    def __init__(self, path: Path, engine: Engine):
        self.path = path
        self.engine = engine
        self._readers = sessionmaker(engine, expire_on_commit=False)
        self._writers = sessionmaker(
            engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._readers() as session, session.begin():
            yield session

    @contextmanager
    def write(self, *, user_change: bool = True) -> Iterator[Session]:
        """One transaction: everything inside commits together, or nothing does.
        ``user_change=False`` for the app's own set-up of a new logbook, which is not a
        change the user made (see ``commits``)."""
        with self._writers() as session, session.begin():
            yield session
        if user_change:
            commits.record()

    def close(self) -> None:
        self.engine.dispose()


def connection_of(session: Session) -> sqlite3.Connection:
    """The ``sqlite3`` connection under a SQLAlchemy session, inside the session's
    transaction, so plain SQL there reads what the session's own queries read. Pending
    changes are flushed first, as the session does before a query."""
    session.flush()
    driver = session.connection().connection.driver_connection
    if not isinstance(driver, sqlite3.Connection):  # the logbook is always SQLite's
        raise TypeError(f"not a SQLite connection: {driver!r}")
    return driver
