"""Migration 0012 on a logbook written by the previous schema: training gains its
attachment column, every training logged before keeps its fields (and has no
attachment), and no trigger is lost."""

from __future__ import annotations

import sqlite3

from alembic import command

from po_tracker import schema
from po_tracker.db import make_engine


def _logbook_at_0011(path):
    engine = make_engine(path, foreign_keys=False)
    config = schema._alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0011")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO trainings (uuid, title, provider, format, start_date, hours, status,"
            " notes, created_at, updated_at) VALUES ('5a0f6f1e-0000-4000-8000-000000000001',"
            " 'Backlog workshop', 'Agile Academy', 'workshop', '2024-03-01', 6, 'completed',"
            " 'mine', '2024-03-01 00:00:00', '2024-03-01 00:00:00')"
        )


def _triggers(connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    return {row[0] for row in rows}


def test_an_old_logbook_keeps_its_training_and_gains_the_attachment_column(tmp_path):
    path = tmp_path / "old.sqlite3"
    _logbook_at_0011(path)
    with sqlite3.connect(path) as connection:
        triggers_before = _triggers(connection)
    assert schema.ensure_schema(path) is True
    assert schema.current_revision(path) == "0012"
    with sqlite3.connect(path) as connection:
        row = connection.execute(
            "SELECT title, provider, format, hours, notes, attachment FROM trainings"
        ).fetchone()
        triggers_after = _triggers(connection)
        connection.execute("UPDATE trainings SET attachment = 'a.pdf'")  # the column takes a name
    assert row == ("Backlog workshop", "Agile Academy", "workshop", 6, "mine", None)
    assert triggers_after == triggers_before
