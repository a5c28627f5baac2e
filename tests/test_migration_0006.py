"""Migration 0006 on a logbook written by the previous schema: the shipped renewal facts
arrive for the shipped credentials, nothing the user set or logged is changed, and no
trigger is lost."""

from __future__ import annotations

import sqlite3

from alembic import command

from po_tracker import schema
from po_tracker.db import make_engine

CREDENTIALS = (
    # slug, name, fee_amount (a user's value is kept), validity
    ("cspo", "CSPO", 100, 24),
    ("a-csm", "A-CSM", None, 24),
    ("csp-sm", "CSP-SM", 240, 24),
    ("pmp", "PMP", None, 36),
)


def _logbook_at_0004(path):
    engine = make_engine(path, foreign_keys=False)
    config = schema._alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        for position, (slug, name, fee, validity) in enumerate(CREDENTIALS):
            connection.execute(
                "INSERT INTO credentials (slug, name, full_name, body, validity_months,"
                " grace_days, fee_amount, notes, position, retired)"
                " VALUES (?, ?, '', '', ?, 0, ?, '', ?, 0)",
                (slug, name, validity, fee, position),
            )
        connection.execute(
            "INSERT INTO certifications (credential_id, issuer, status, earned_on,"
            " credential_number, verification_url, notes, created_at, updated_at)"
            " VALUES (1, '', 'earned', '2024-01-01', '', '', 'mine', '2024-01-01 00:00:00',"
            " '2024-01-01 00:00:00')"
        )


def test_an_old_logbook_gets_the_renewal_facts_and_keeps_its_own(tmp_path):
    path = tmp_path / "old.sqlite3"
    _logbook_at_0004(path)
    with sqlite3.connect(path) as connection:
        triggers_before = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        )}  # fmt: skip
    assert schema.ensure_schema(path) is True
    assert schema.current_revision(path) == schema.SCHEMA_HEAD
    with sqlite3.connect(path) as connection:
        rows = {
            row[0]: row[1:]
            for row in connection.execute(
                "SELECT slug, renewal_group, addon_credits, fee_amount, renewable_days,"
                " ends_day_before FROM credentials"
            )
        }
        groups = [
            row[0]
            for row in connection.execute("SELECT slug FROM renewal_groups ORDER BY position")
        ]
        notes = connection.execute("SELECT notes FROM certifications").fetchall()
        triggers_after = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        )}  # fmt: skip
    assert groups == ["scrum-alliance", "scaled-agile"]
    assert rows["cspo"] == ("scrum-alliance", 10, 100, 0, 0)
    assert rows["a-csm"] == ("scrum-alliance", 15, 175, 0, 0)  # an empty fee is filled
    assert rows["csp-sm"] == ("scrum-alliance", 20, 240, 0, 0)  # the user's fee is kept
    assert rows["pmp"] == (None, None, 150, 365, 1)
    assert notes == [("mine",)]
    assert triggers_before < triggers_after  # none lost; the new tables' added
