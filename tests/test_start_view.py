"""The start view: what the dashboard showed, kept in the user's cache folder (never in
the logbook) and shown again at the next start only while it is still exactly what the
data gives (same revision, same day, same version)."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import subprocess
import sys
from datetime import date, timedelta

from po_tracker.paths import database_path
from po_tracker.services.logbook import training
from po_tracker.services.logbook.training import TrainingInput
from po_tracker.services.storage import start_view

TODAY = date(2026, 11, 28)
# Tables that are not the user's data (migration 0007 lists the same).
NOT_DATA = {"alembic_version", "data_revision"}


def _revision(db) -> int:
    with db.read() as session:
        return start_view.revision(session)


def _add_training(db, title: str = "Backlog refinement workshop") -> int:
    with db.write() as session:
        return training.create(session, TrainingInput(title, 3.0, TODAY)).id


def _keep(db, name: str, body: bytes = b"{}", **kwargs) -> bool:
    return start_view.save(db, name, _revision(db), TODAY, body, **kwargs)


def test_every_data_table_raises_the_revision_on_each_kind_of_write(db):
    with sqlite3.connect(database_path(db.path.parent)) as connection:
        tables = {
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'"
            )
        } - NOT_DATA
        # A counter could come back to a value it had for other data (restore a backup,
        # then change something else): every trigger sets a new random value.
        triggers = {
            (table, name)
            for name, table, sql in connection.execute(
                "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
            )
            if "SET value = random()" in sql
        }
    assert {"trainings", "journal_entries", "profile", "skills", "settings"} <= tables
    missing = [
        f"{table}_revision_{event}"
        for table in sorted(tables)
        for event in ("insert", "update", "delete")
        if (table, f"{table}_revision_{event}") not in triggers
    ]
    assert missing == []


def test_writes_through_the_services_change_the_revision(db):
    before = _revision(db)
    entry_id = _add_training(db)
    added = _revision(db)
    with db.write() as session:
        training.update(session, entry_id, TrainingInput("Renamed workshop", 3.0, TODAY))
    updated = _revision(db)
    with db.write() as session:
        training.delete(session, entry_id)
    assert len({before, added, updated, _revision(db)}) == 4


def test_a_kept_part_is_shown_on_the_same_day_while_the_data_is_unchanged(db):
    assert _keep(db, "dashboard", b'{"score": "42%"}')
    kept = start_view.load(db.path, TODAY)
    assert kept is not None and kept.parts == {"dashboard": b'{"score": "42%"}'}
    assert kept.revision == _revision(db)


def test_any_change_or_another_day_hides_the_kept_parts(db):
    assert _keep(db, "dashboard")
    assert start_view.load(db.path, TODAY + timedelta(days=1)).parts == {}
    _add_training(db)
    assert start_view.load(db.path, TODAY).parts == {}


def test_a_part_computed_before_a_change_is_not_kept(db):
    revision = _revision(db)
    _add_training(db)
    assert not start_view.save(db, "dashboard", revision, TODAY, b"{}")
    assert start_view.load(db.path, TODAY).parts == {}


def test_a_part_of_another_version_is_not_shown(db, monkeypatch):
    assert _keep(db, "dashboard")
    monkeypatch.setattr(start_view, "FORMAT", "0.0.0/1")
    assert start_view.load(db.path, TODAY).parts == {}


def test_a_chart_at_a_new_size_replaces_the_old_size_only(db):
    assert _keep(db, "chart:radar:400x300@1:light", b'"old"')
    assert _keep(db, "chart:readiness:400x300@1:light", b'"line"')
    assert _keep(db, "chart:radar:500x300@1:light", b'"new"', replaces="chart:radar:")
    assert start_view.load(db.path, TODAY).parts == {
        "chart:radar:500x300@1:light": b'"new"',
        "chart:readiness:400x300@1:light": b'"line"',
    }


def test_keeping_a_part_does_not_change_the_revision(db):
    before = _revision(db)
    assert _keep(db, "dashboard")
    assert _revision(db) == before


def test_nothing_is_loaded_from_a_missing_or_older_file(tmp_path, db):
    assert start_view.load(tmp_path / "missing.sqlite3", TODAY) is None
    with sqlite3.connect(db.path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0003'")
    assert start_view.load(db.path, TODAY) is None


def test_loading_leaves_the_file_byte_for_byte(db):
    assert _keep(db, "dashboard")
    db.close()
    before = db.path.read_bytes()
    assert start_view.load(db.path, TODAY).parts
    assert db.path.read_bytes() == before


def test_loading_imports_nothing_of_sqlalchemy(db):
    """The start view is shown before the ORM is imported: that is its whole point."""
    assert _keep(db, "dashboard")
    code = (
        "import sys, datetime, pathlib\n"
        "from po_tracker.services.storage.start_view import load\n"
        f"kept = load(pathlib.Path({str(db.path)!r}), datetime.date({TODAY.year}, "
        f"{TODAY.month}, {TODAY.day}))\n"
        "assert kept.parts, kept\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_keeping_a_part_leaves_the_logbook_byte_for_byte(db, private_cache):
    """Viewing the dashboard writes nothing into the user's logbook: the view is a cache."""
    revision = _revision(db)
    db.close()
    before = db.path.read_bytes()
    assert start_view.save(db, "dashboard", revision, TODAY, b"{}")
    assert db.path.read_bytes() == before
    kept = start_view.cache_file(db.path)
    assert private_cache in kept.parents
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_a_restored_older_file_never_shows_the_view_of_other_data(db, tmp_path):
    """Restore a backup, then make a different change: the view kept before the restore
    was made from other data and is never shown."""
    db.close()
    shutil.copy2(db.path, tmp_path / "backup.sqlite3")
    _add_training(db, "Workshop A")
    assert _keep(db, "dashboard", b'{"entries": "A"}')
    db.close()
    shutil.copy2(tmp_path / "backup.sqlite3", db.path)
    _add_training(db, "Workshop B")
    assert start_view.load(db.path, TODAY).parts == {}


def test_deleting_or_damaging_the_cache_changes_nothing_but_speed(db, private_cache):
    assert _keep(db, "dashboard")
    shutil.rmtree(private_cache)
    assert start_view.load(db.path, TODAY).parts == {}
    assert _keep(db, "dashboard")
    start_view.cache_file(db.path).write_bytes(b"not a database at all" * 100)
    assert start_view.load(db.path, TODAY).parts == {}


def test_an_unreadable_part_is_never_shown(db):
    assert _keep(db, "dashboard", b'{"stages": ')
    assert start_view.load(db.path, TODAY).parts == {}


def test_each_logbook_has_its_own_cache(tmp_path):
    from po_tracker.services.storage.opening import open_logbook

    first, second = open_logbook(tmp_path / "one"), open_logbook(tmp_path / "two")
    try:
        assert start_view.cache_file(first.path) != start_view.cache_file(second.path)
        assert _keep(first, "dashboard", b'{"who": 1}')
        assert start_view.load(second.path, TODAY).parts == {}
    finally:
        first.close()
        second.close()


def test_the_demo_leaves_no_cache_behind(tmp_path):
    from po_tracker.paths import database_path
    from po_tracker.services.storage.opening import open_logbook
    from po_tracker.ui.demo_mode import remove_folder

    demo = tmp_path / "demo"
    database = open_logbook(demo)
    assert _keep(database, "dashboard")
    database.close()
    remove_folder(demo)
    assert not start_view.cache_file(database_path(demo)).exists()
