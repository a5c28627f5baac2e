"""Fresh logbooks in milliseconds (a copy of one migrated, seeded template), and the
document helpers the interchange tests share."""

from __future__ import annotations

import copy
import json
import sqlite3
import tempfile
from functools import cache
from pathlib import Path

from po_tracker.paths import database_path
from po_tracker.services.exchange import interchange
from po_tracker.services.storage.opening import open_logbook


@cache
def _template() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="po-template-"))
    open_logbook(folder).close()
    return database_path(folder)


def fresh_logbook(folder: Path | None = None):
    """An empty, seeded logbook in a new folder; migrating each one would take ~0.5 s."""
    folder = folder or Path(tempfile.mkdtemp(prefix="po-test-"))
    folder.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(_template())
    target = sqlite3.connect(database_path(folder))
    with target:
        source.backup(target)
    source.close()
    target.close()
    return open_logbook(folder)


@cache
def _base() -> dict:
    database = fresh_logbook()
    with database.read() as session:
        document = interchange.export_document(session)
    database.close()
    return document


def base_document() -> dict:
    """The export of an empty logbook: default framework, default profile, no entries."""
    return copy.deepcopy(_base())


def snapshot(database) -> dict:
    with database.read() as session:
        document = interchange.export_document(session)
    document.pop("exported_at")
    return document


def write_json(path: Path, document) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path
