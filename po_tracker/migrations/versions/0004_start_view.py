"""start view: what the dashboard last showed, and a revision counter that dates it

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

``data_revision`` holds one number that triggers on every table of the user's data raise
with each row written, whatever writes it (the window, the command line, an import, a
restore of an older file brings its own). ``start_view`` keeps what the dashboard showed,
with the revision and the day it was computed for; the window shows it at start only
while both still match, so it can never show numbers the data no longer gives.

Note for later revisions: a new table of user data needs the same three triggers
(``create_revision_triggers``); a batch migration that recreates a table drops its
triggers and must create them again. A test checks that every table has them.
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Tables that are not the user's data: the schema's own, the search index (kept by the
# data tables' own triggers) and the two tables below.
NOT_DATA = ("alembic_version", "data_revision", "start_view")
EVENTS = ("INSERT", "UPDATE", "DELETE")


def data_tables(connection) -> list[str]:
    rows = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'search_index%' ORDER BY name"
    )
    return [name for (name,) in rows if name not in NOT_DATA]


def create_revision_triggers(table: str) -> None:
    for event in EVENTS:
        op.execute(
            f"CREATE TRIGGER {table}_revision_{event.lower()} AFTER {event} ON {table}"
            " BEGIN UPDATE data_revision SET value = value + 1; END"
        )


def upgrade() -> None:
    op.execute(
        "CREATE TABLE data_revision ("
        " id INTEGER NOT NULL CONSTRAINT pk_data_revision PRIMARY KEY"
        " CONSTRAINT ck_data_revision_one_row CHECK (id = 1),"
        " value INTEGER NOT NULL)"
    )
    op.execute("INSERT INTO data_revision (id, value) VALUES (1, 0)")
    op.execute(
        "CREATE TABLE start_view ("
        " name TEXT NOT NULL CONSTRAINT pk_start_view PRIMARY KEY,"
        " revision INTEGER NOT NULL,"
        " as_of TEXT NOT NULL,"
        " format TEXT NOT NULL,"
        " body BLOB NOT NULL)"
    )
    for table in data_tables(op.get_bind()):
        create_revision_triggers(table)


def downgrade() -> None:
    for table in data_tables(op.get_bind()):
        for event in EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_revision_{event.lower()}")
    op.execute("DROP TABLE start_view")
    op.execute("DROP TABLE data_revision")
