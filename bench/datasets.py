"""The logbooks the benchmark runs on, made once per run in a temporary folder and reused
by every measurement: the generated logbook of each size, its JSON export (what the app
imports), the same rows as plain table rows (what the insert floor writes) and a new,
empty logbook to import into."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.generate import generate
from bench.processes import child_env, python

# FTS5 keeps its index in these; the insert floor fills them through the same triggers.
_SEARCH_PREFIX = "search_index"
# Inserted first: a journal entry's index row then takes its tags once, where tags added
# after their entry rewrite that row once per tag (trigger search_journal_tags_insert).
_FIRST = ("tags", "journal_entry_tags")


@dataclass(frozen=True)
class Dataset:
    size: int
    data_dir: Path
    export_json: Path  # the interchange document the app imports
    rows_json: Path  # the same entries as table rows, for the insert floor

    @property
    def database(self) -> Path:
        from po_tracker.paths import database_path

        return database_path(self.data_dir)


def prepare(sizes: list[int], root: Path, empty: Path) -> dict[int, Dataset]:
    _new_logbook(empty)
    return {size: _dataset(size, root, empty) for size in sizes}


def _new_logbook(data_dir: Path) -> None:
    from po_tracker.services.storage.opening import open_logbook

    open_logbook(data_dir).close()


def _dataset(size: int, root: Path, empty: Path) -> Dataset:
    data_dir = root / f"logbook-{size}"
    generate(data_dir, size, seed=7)
    dataset = Dataset(size, data_dir, root / f"export-{size}.json", root / f"rows-{size}.json")
    _take_daily_backup(dataset.database)
    _export(data_dir, dataset.export_json)
    _dump_rows(dataset.database, empty, dataset.rows_json)
    return dataset


def _take_daily_backup(path: Path) -> None:
    """The first start of a day copies the whole file in the background, which would
    load the machine during the first timed start; it is taken here, untimed. The
    start-ups measured are the other starts of the day."""
    from po_tracker.services.storage import backup

    backup.maybe_daily_backup(path, datetime.now(UTC))


def forget_start_view(path: Path, env: dict[str, str]) -> None:
    """What the dashboard showed at the last start goes, as after a change to the data
    or on a new day: the next start computes everything. It is a cache outside the
    logbook, so nothing about the logbook changes."""
    from po_tracker.paths import ENV_CACHE_DIR
    from po_tracker.services.storage import start_view

    previous = os.environ.get(ENV_CACHE_DIR)
    os.environ[ENV_CACHE_DIR] = env[ENV_CACHE_DIR]  # the children's cache folder
    try:
        start_view.forget(path)
    finally:
        if previous is None:
            del os.environ[ENV_CACHE_DIR]
        else:
            os.environ[ENV_CACHE_DIR] = previous


def _export(data_dir: Path, target: Path) -> None:
    command = python("-m", "po_tracker", "--data-dir", str(data_dir), "export", "json")
    subprocess.run(
        [*command, str(target)], check=True, capture_output=True, env=child_env({}, target.parent)
    )


def _dump_rows(database: Path, empty: Path, target: Path) -> None:
    """Every row of the tables that a new logbook leaves empty: the entries, their links
    and tags. The framework and profile are already in the new logbook."""
    from po_tracker.paths import database_path

    source = sqlite3.connect(database)
    blank = sqlite3.connect(database_path(empty))
    try:
        tables = {}
        for table in _entry_tables(source, blank):
            cursor = source.execute(f'SELECT * FROM "{table}"')
            columns = [d[0] for d in cursor.description]
            tables[table] = {"columns": columns, "rows": cursor.fetchall()}
    finally:
        source.close()
        blank.close()
    target.write_text(json.dumps(tables), encoding="utf-8")


def _entry_tables(source, blank) -> list[str]:
    names = [
        name
        for (name,) in source.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        if not name.startswith(_SEARCH_PREFIX)
    ]

    def count(connection, name) -> int:
        return connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]

    tables = [n for n in names if count(source, n) and not count(blank, n)]
    return sorted(tables, key=lambda name: name not in _FIRST)


def fresh_copy(empty: Path, target: Path) -> Path:
    """A copy of the new, empty logbook's file for one run of the insert floor."""
    from po_tracker.paths import database_path

    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    copy = target / "floor.sqlite3"
    shutil.copyfile(database_path(empty), copy)
    return copy
