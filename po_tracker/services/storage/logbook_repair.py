"""What ``po-tracker check`` looks at beyond SQLite's own checks, and what ``check --repair``
can rebuild.

SQLite's ``integrity_check`` sees pages and indexes; a later command can still break on
things it does not see: the full-text index out of step with the entries it indexes, or
damaged. It is derived from the entries, so it can be rebuilt from them, after a backup;
dangling references are reported (the entries stay readable and exportable) but never
"repaired" by deleting anything. (The dashboard's kept start view is a cache outside the
logbook, ``start_view``: one that cannot be read is simply computed again.)

The index's layout is read from the logbook's own triggers (``rowid = id * 16 + code``),
so a kind added by a later migration is checked and rebuilt without changing this code.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .integrity import connect_readonly

INDEX = "search_index"
# AFTER INSERT ON <table> ... INSERT INTO search_index(rowid, ...) VALUES (new.id * 16 + <code>
_INDEXED = re.compile(
    r"AFTER\s+INSERT\s+ON\s+(\w+)\s+BEGIN\s+INSERT\s+INTO\s+search_index\s*\(rowid.*?"
    r"VALUES\s*\(\s*new\.id\s*\*\s*16\s*\+\s*(\d+)",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class Finding:
    problem: str
    repairable: bool  # rebuilt by ``check --repair``


def indexed_tables(connection: sqlite3.Connection) -> dict[str, int]:
    """Each table the search index follows, with its code in the index's rowids."""
    found = {}
    for (sql,) in connection.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'"):
        match = _INDEXED.search(sql or "")
        if match:
            found[match.group(1)] = int(match.group(2))
    return found


def find_problems(path: Path) -> list[Finding]:
    """Problems of a logbook that passed SQLite's integrity check."""
    findings = _index_out_of_step(path)
    findings += _index_damaged(path)
    return findings


def _index_out_of_step(path: Path) -> list[Finding]:
    connection = connect_readonly(path)
    try:
        findings = []
        for table, code in sorted(indexed_tables(connection).items()):
            rows = _count(connection, f'SELECT count(*) FROM "{table}"')
            indexed = _count(connection, f"SELECT count(*) FROM {INDEX} WHERE rowid % 16 = {code}")
            if rows != indexed:
                findings.append(
                    Finding(
                        f"the search index is out of step: {table} has {rows} rows,"
                        f" the index {indexed}",
                        True,
                    )
                )
        return findings
    except sqlite3.DatabaseError as error:
        return [Finding(f"the search index cannot be read: {error}", True)]
    finally:
        connection.close()


def _count(connection: sqlite3.Connection, sql: str) -> int:
    return connection.execute(sql).fetchone()[0]


def _index_damaged(path: Path) -> list[Finding]:
    """FTS5's own check. It is a write statement, so it runs in a transaction that is
    rolled back: nothing is written (only called once SQLite's checks passed)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN")
        connection.execute(f"INSERT INTO {INDEX}({INDEX}) VALUES ('integrity-check')")
        return []
    except sqlite3.DatabaseError as error:
        return [Finding(f"the search index is damaged ({error})", True)]
    finally:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        connection.close()


def repair(path: Path) -> list[str]:
    """Rebuilds what ``find_problems`` reports as repairable, in one transaction, after a
    verified backup (which the caller takes). Returns what was done."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        counted = _rebuild_index(connection)
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()
    return [f"rebuilt the search index ({counted} entries)"]


def _rebuild_index(connection: sqlite3.Connection) -> int:
    """Drops the index and lets each table's own update trigger index its rows again: the
    same SQL that indexes a new entry, so the rebuilt index is what it would have been."""
    (create,) = connection.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (INDEX,)
    ).fetchone()
    tables = indexed_tables(connection)
    connection.execute(f"DROP TABLE {INDEX}")
    connection.execute(create)
    for table in tables:
        connection.execute(f'UPDATE "{table}" SET id = id')
    return _count(connection, f"SELECT count(*) FROM {INDEX}")
