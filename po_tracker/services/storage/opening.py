"""Opening the user's logbook: the data folder, the schema, and the default framework."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ...db import Database, make_engine
from ...files import guard
from ...models import Setting
from ...paths import database_path, ensure_private_dir
from ...schema import create_logbook, ensure_schema
from ..framework import document as framework_io

SEEDED_KEY = "framework_seeded"


def open_logbook(data_dir: Path) -> Database:
    """Create or open the logbook in ``data_dir``, migrated and seeded, ready to use."""
    data_dir = Path(data_dir)
    guard(data_dir)  # from now on, no export of this process may land in it
    ensure_private_dir(data_dir)
    path = database_path(data_dir)
    if path.exists() or path.is_symlink():
        ensure_schema(path)  # refuses a file that is not a PO Tracker logbook
    else:
        create_logbook(path)
    database = Database(path, make_engine(path))
    _seed_framework_once(database)
    return database


def _seed_framework_once(database: Database) -> None:
    """Load the shipped framework the first time only: a user who later removes every
    stage does not get the defaults back behind their back."""
    with database.read() as session:
        if session.get(Setting, SEEDED_KEY) is not None:
            return
    with database.write(user_change=False) as session:
        if session.scalars(select(Setting).where(Setting.key == SEEDED_KEY)).first():
            return
        framework_io.load_document(session, framework_io.default_document())
        session.add(Setting(key=SEEDED_KEY, value="1"))
