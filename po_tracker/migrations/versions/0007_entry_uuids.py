"""a UUID for every logged entry, and what the last calendar export said

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-03

Each kind of entry gets a ``uuid`` column, filled here for the rows already logged: the
calendar export takes its event UIDs from it and the JSON interchange carries it, so an
entry keeps one identity across exports and logbooks. The column is added in place
(``ALTER TABLE ... ADD COLUMN``; no table is recreated), so the search-index and
data-revision triggers of these tables stay as they are. ``calendar_events`` is a new
table and gets the three data-revision triggers (see the note in 0004).
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None

ENTRY_TABLES = (
    "certifications",
    "contacts",
    "experience_entries",
    "goals",
    "journal_entries",
    "networking_events",
    "skill_ratings",
    "trainings",
)
EVENTS = ("INSERT", "UPDATE", "DELETE")


def upgrade() -> None:
    connection = op.get_bind()
    for table in ENTRY_TABLES:
        with op.batch_alter_table(table, recreate="never") as batch:
            batch.add_column(sa.Column("uuid", sa.String(length=36), nullable=True))
        ids = [row[0] for row in connection.exec_driver_sql(f"SELECT id FROM {table}")]
        if ids:
            connection.exec_driver_sql(
                f"UPDATE {table} SET uuid = ? WHERE id = ?",
                [(str(uuid.uuid4()), row_id) for row_id in ids],
            )
        op.create_index(f"ix_{table}_uuid", table, ["uuid"], unique=True)
    op.create_table(
        "calendar_events",
        sa.Column("uid", sa.String(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("content", sa.String(length=64), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("cancelled_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_calendar_events")),
    )
    for event in EVENTS:
        op.execute(
            f"CREATE TRIGGER calendar_events_revision_{event.lower()} AFTER {event}"
            " ON calendar_events BEGIN UPDATE data_revision SET value = value + 1; END"
        )


def downgrade() -> None:
    op.drop_table("calendar_events")  # its triggers go with it
    for table in ENTRY_TABLES:
        op.drop_index(f"ix_{table}_uuid", table_name=table)
        # SQLite 3.35+ drops a column in place, keeping the table's triggers.
        op.execute(f"ALTER TABLE {table} DROP COLUMN uuid")
