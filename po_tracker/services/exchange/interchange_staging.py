"""An interchange document on its way in: its top-level fields in memory, its entries in
a private temporary SQLite database, so that a file of any number of entries is checked,
matched and written in bounded memory.

The import's steps keep what they find per entry here too: the entry cleaned into
export form (``clean``), its content key (``keyed``), and the row id it gets or already
has (``ids``). The database lives in the system's temporary folder, is deleted by SQLite
as soon as it is opened (no other process can read it) and is gone when the document is.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..logbook.log_kinds import KINDS
from ..storage.json_stream import stream_object

LISTS = tuple(kind.list_key for kind in KINDS)
BATCH = 1000

_TABLES = """
CREATE TABLE raw (list TEXT, position INTEGER, ref INTEGER, body TEXT,
                  PRIMARY KEY (list, position));
CREATE INDEX raw_ref ON raw (list, ref, position);
CREATE TABLE clean (list TEXT, position INTEGER, ref INTEGER, uuid TEXT, body TEXT,
                    PRIMARY KEY (list, position));
CREATE INDEX clean_uuid ON clean (list, uuid, position);
CREATE INDEX clean_ref ON clean (list, ref);
CREATE TABLE keyed (list TEXT, ref INTEGER, position INTEGER, lookup TEXT, match TEXT,
                    PRIMARY KEY (list, ref));
CREATE TABLE ids (list TEXT, ref INTEGER, position INTEGER, row_id INTEGER, new INTEGER,
                  PRIMARY KEY (list, ref));
"""


class Document:
    """The document: ``head`` holds every top-level field but the lists of entries."""

    def __init__(self, check=None) -> None:
        self.head: dict | object = {}
        # Called with (head, list, position, entry) for each entry before it is kept.
        self.check = check
        self.counts = dict.fromkeys(LISTS, 0)
        # "" is SQLite's private temporary database on disk; its cache is kept to 32 MB.
        self.db = sqlite3.connect("", check_same_thread=False, isolation_level=None)
        self.db.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -32000;"
            + _TABLES
        )
        self._pending: list[tuple] = []

    @classmethod
    def from_dict(cls, document, check=None) -> Document:
        staged = cls(check)
        if not isinstance(document, dict):
            staged.head = document
            return staged
        lists = {key: value for key, value in document.items() if key in LISTS}
        staged.head = {key: value for key, value in document.items() if key not in lists}
        for key, value in lists.items():
            if isinstance(value, list):
                for entry in value:
                    staged._add(key, entry)
            else:
                staged.head[key] = value
        staged._flush()
        return staged

    @classmethod
    def from_file(cls, path: str | Path, *, max_depth: int, check=None) -> Document:
        staged = cls(check)
        lists = frozenset(LISTS)
        for key, index, value in stream_object(path, "file", lists=lists, max_depth=max_depth):
            if key is None:  # the top level is not an object
                staged.head = value
            elif index is None and isinstance(staged.head, dict):
                staged.head[key] = value
            else:
                staged._add(key, value)
        staged._flush()
        return staged

    def _add(self, key: str, entry) -> None:
        if self.check is not None:
            self.check(self.head, key, self.counts[key], entry)
        ref = as_ref(entry.get("ref") if isinstance(entry, dict) else None)
        self._pending.append((key, self.counts[key], ref, json.dumps(entry)))
        self.counts[key] += 1
        if len(self._pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        self.put("INSERT INTO raw VALUES (?, ?, ?, ?)", self._pending)
        self._pending = []

    # -- what the steps read and write ---------------------------------------------------
    def entries(self, key: str, table: str = "raw") -> Iterator[tuple[int, dict]]:
        """``(position, entry)`` of one list in file order, from ``raw`` or ``clean``."""
        rows = self.db.execute(
            f"SELECT position, body FROM {table} WHERE list = ? ORDER BY position", (key,)
        )
        for position, body in rows:
            yield position, json.loads(body)

    def rows(self, sql: str, *args) -> Iterator[tuple]:
        cursor = self.db.execute(sql, args)
        while batch := cursor.fetchmany(BATCH):
            yield from batch

    def value(self, sql: str, *args):
        row = self.db.execute(sql, args).fetchone()
        return row[0] if row else None

    def put(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            self.db.executemany(sql, rows)

    def clear(self, *tables: str) -> None:
        """A step run again (the window checks, then imports) starts afresh."""
        for table in tables:
            self.db.execute(f"DELETE FROM {table}")  # noqa: S608 - the names are ours


class Column:
    """One list's ``ref -> column`` of a step's table, read as a mapping (by SQL, so a
    million refs cost no memory): ``ref in refs`` and ``ids[ref]``."""

    def __init__(self, document: Document, table: str, column: str, key: str):
        self.document = document
        self.sql = f"SELECT {column} FROM {table} WHERE list = ? AND ref = ? LIMIT 1"
        self.key = key

    def get(self, ref, default=None):
        ref = as_ref(ref)
        if ref is None:
            return default
        row = self.document.db.execute(self.sql, (self.key, ref)).fetchone()
        return default if row is None else row[0]

    def __contains__(self, ref) -> bool:
        return self.get(ref, _MISSING) is not _MISSING

    def __getitem__(self, ref):
        value = self.get(ref, _MISSING)
        if value is _MISSING:
            raise KeyError(ref)
        return value


_MISSING = object()


def as_ref(value) -> int | None:
    """A ref as the schema takes it (an integer, 3.0 included), else None."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None
