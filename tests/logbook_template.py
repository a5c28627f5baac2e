"""Fresh logbooks in milliseconds: one logbook is migrated and seeded (as open_logbook
leaves a new folder) once per test session, and each test gets a copy of its file.

Running the migrations takes about a hundred times longer than copying the file, and it
is the same work every time. Tests of the migrations themselves open an empty folder with
open_logbook instead (the ``migrated_db`` fixture), so that the real path stays tested.
"""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from contextlib import closing
from functools import cache
from pathlib import Path

from po_tracker.db import Database, create_private_file
from po_tracker.paths import database_path, ensure_private_dir
from po_tracker.services.storage.opening import open_logbook


@cache
def template_path() -> Path:
    """The session's template database, built on first use and removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="po-template-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    open_logbook(folder).close()
    path = database_path(folder)
    # Everything into the main file, so that copying that one file copies the logbook.
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def copy_logbook(data_dir: Path) -> Database:
    """A logbook in ``data_dir`` as open_logbook would create it there: private folder,
    private file, current schema, default framework."""
    ensure_private_dir(data_dir)
    target = database_path(data_dir)
    create_private_file(target)  # copyfile then writes into it and keeps its mode
    shutil.copyfile(template_path(), target)
    # A new logbook draws its own random data revision (migration 0007); copies of one
    # template would otherwise all share the template's.
    with closing(sqlite3.connect(target)) as connection, connection:
        connection.execute("UPDATE data_revision SET value = random()")
    return open_logbook(data_dir)
