"""Every logged entry carries a UUID: older logbooks get one per row when they are
upgraded, new entries get one when they are written, and no two rows share one."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date

from alembic import command

from po_tracker import schema
from po_tracker.db import make_engine
from po_tracker.paths import database_path
from po_tracker.services.logbook import contacts, events, goals
from po_tracker.services.logbook.events import EventInput
from po_tracker.services.logbook.goals import GoalInput
from po_tracker.services.search import full_text as search
from po_tracker.services.storage.opening import open_logbook

STAMP = "2026-01-01 10:00:00"


def _logbook_at_0004(path):
    config = schema._alembic_config()
    engine = make_engine(path, foreign_keys=False)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
        for text in ("Run a backlog workshop", "Earn the A-CSPO"):
            connection.exec_driver_sql(
                "INSERT INTO goals (text, status, notes, created_at, updated_at)"
                " VALUES (?, 'open', '', ?, ?)",
                (text, STAMP, STAMP),
            )
        connection.exec_driver_sql(
            "INSERT INTO contacts (name, organization, role, notes, created_at, updated_at)"
            " VALUES ('Ann', '', '', '', ?, ?)",
            (STAMP, STAMP),
        )
    engine.dispose()


def test_upgrade_gives_each_existing_entry_its_own_uuid(tmp_path):
    path = tmp_path / "old.sqlite3"
    _logbook_at_0004(path)
    assert schema.ensure_schema(path) is True
    with sqlite3.connect(path) as connection:
        found = [u for (u,) in connection.execute("SELECT uuid FROM goals UNION ALL "
                                                  "SELECT uuid FROM contacts")]  # fmt: skip
    assert len(found) == 3
    assert len(set(found)) == 3
    assert all(uuid.UUID(value).version == 4 for value in found)


def test_an_upgraded_logbook_names_itself_in_its_header(tmp_path):
    path = tmp_path / "old.sqlite3"
    _logbook_at_0004(path)
    assert path.read_bytes()[68:72] == bytes(4)  # written before the id was
    assert schema.ensure_schema(path) is True
    assert path.read_bytes()[68:72] == b"POTR"  # where `file` and other tools read it
    assert schema.identify(path) == schema.SCHEMA_HEAD


def test_upgraded_entries_stay_searchable_and_editable(tmp_path):
    # The column is added in place: the search and revision triggers must survive it.
    path = database_path(tmp_path / "data")
    path.parent.mkdir()
    _logbook_at_0004(path)
    database = open_logbook(path.parent)
    try:
        with database.write() as session:
            goal = goals.list_all(session)[0]
            goals.update(session, goal.id, GoalInput("Run a refinement workshop"))
        with database.read() as session:
            assert [hit.title for hit in search.search(session, "refinement")] == [
                "Run a refinement workshop"
            ]
    finally:
        database.close()


def test_new_entries_get_a_distinct_uuid(db):
    with db.write() as session:
        first = goals.create(session, GoalInput("One", date(2027, 1, 1)))
        second = goals.create(session, GoalInput("Two", date(2027, 1, 1)))
    with sqlite3.connect(db.path) as connection:
        rows = dict(connection.execute("SELECT id, uuid FROM goals"))
    assert rows[first.id] and rows[second.id]
    assert rows[first.id] != rows[second.id]


def test_two_rows_cannot_share_a_uuid(db):
    with db.write() as session:
        goals.create(session, GoalInput("One"))
    with sqlite3.connect(db.path) as connection:
        (taken,) = connection.execute("SELECT uuid FROM goals").fetchone()
        try:
            connection.execute(
                "INSERT INTO goals (text, status, notes, created_at, updated_at, uuid)"
                " VALUES ('Two', 'open', '', ?, ?, ?)",
                (STAMP, STAMP, taken),
            )
        except sqlite3.IntegrityError as error:
            assert "uuid" in str(error)
        else:
            raise AssertionError("a second row took the same uuid")


def test_people_logged_before_the_upgrade_are_matched_by_any_spelling(tmp_path):
    path = database_path(tmp_path / "data")
    path.parent.mkdir()
    _logbook_at_0004(path)
    database = open_logbook(path.parent)
    try:
        with database.write() as session:
            event = events.create(
                session, EventInput("Forum", "forum", date(2026, 5, 1), contacts=("ANN",))
            )
            assert event.contacts == ("Ann",)
            assert [c.name for c in contacts.list_all(session)] == ["Ann"]
    finally:
        database.close()


def test_every_kind_of_entry_carries_a_uuid(db):
    """Each log's table, those added later too (wins, feedback), names its entries by UUID."""
    from po_tracker.services.exchange.interchange_export import SPECS

    with sqlite3.connect(db.path) as connection:
        for spec in SPECS:
            table = spec.model.__tablename__
            columns = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
            assert "uuid" in columns, table


def test_a_win_and_a_feedback_keep_their_uuid_through_an_export(db, tmp_path):
    from po_tracker.services.exchange import interchange
    from po_tracker.services.logbook import feedback_entries, wins

    with db.write() as session:
        win = wins.create(session, wins.WinInput("Cut lead time", date(2026, 3, 1)))
        said = feedback_entries.create(
            session,
            feedback_entries.FeedbackInput("Clear goals", "Ann Lee", "manager", date(2026, 3, 2)),
        )
    with sqlite3.connect(db.path) as connection:
        query = "SELECT uuid FROM {} WHERE id = ?"
        stored = {
            table: connection.execute(query.format(table), (row,)).fetchone()[0]
            for table, row in (("wins", win.id), ("feedback", said.id))
        }
    assert all(uuid.UUID(value) for value in stored.values())
    with db.read() as session:
        document = interchange.export_document(session)
    assert document["wins"][0]["uuid"] == stored["wins"]
    assert document["feedback"][0]["uuid"] == stored["feedback"]
