"""a UUID for every logged entry, what the last calendar export said, and the key
people are matched by

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03

Each kind of entry gets a ``uuid`` column, filled here for the rows already logged: the
calendar export takes its event UIDs from it and the JSON interchange carries it, so an
entry keeps one identity across exports and logbooks. The column is added in place
(``ALTER TABLE ... ADD COLUMN``; no table is recreated), so the search-index and
data-revision triggers of these tables stay as they are. ``calendar_events`` is a new
table and gets the three data-revision triggers (see the note in 0007).
``contacts.name_key`` is the name folded for matching (``po_tracker.names.name_key``, as
it is today: a revision keeps its own copy of the rule), filled in for every contact.
"""

import unicodedata
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
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


def _name_key(name: str) -> str:
    folded = unicodedata.normalize("NFC", name).casefold()
    return " ".join(unicodedata.normalize("NFC", folded).split())


def _add_name_keys(connection) -> None:
    with op.batch_alter_table("contacts", recreate="never") as batch:
        batch.add_column(sa.Column("name_key", sa.String(length=200), nullable=True))
    rows = connection.exec_driver_sql("SELECT id, name FROM contacts").fetchall()
    if rows:
        connection.exec_driver_sql(
            "UPDATE contacts SET name_key = ? WHERE id = ?",
            [(_name_key(name), row_id) for row_id, name in rows],
        )
    op.create_index("ix_contacts_name_key", "contacts", ["name_key"], unique=False)


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
    _add_name_keys(connection)
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
            " ON calendar_events BEGIN UPDATE data_revision SET value = random(); END"
        )


def downgrade() -> None:
    op.drop_table("calendar_events")  # its triggers go with it
    op.drop_index("ix_contacts_name_key", table_name="contacts")
    op.execute("ALTER TABLE contacts DROP COLUMN name_key")
    for table in ENTRY_TABLES:
        op.drop_index(f"ix_{table}_uuid", table_name=table)
        # SQLite 3.35+ drops a column in place, keeping the table's triggers.
        op.execute(f"ALTER TABLE {table} DROP COLUMN uuid")
