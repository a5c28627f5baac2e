"""application id: the logbook names itself in its header

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

``PRAGMA application_id`` is a 32-bit number in the SQLite header that says which program
a file belongs to (``file`` prints it). From this revision on every logbook carries
PO Tracker's, and the app refuses an SQLite file that carries another program's.
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

APPLICATION_ID = 0x504F5452  # "POTR"; po_tracker.schema.APPLICATION_ID, fixed forever


def upgrade() -> None:
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    op.execute("PRAGMA application_id = 0")
