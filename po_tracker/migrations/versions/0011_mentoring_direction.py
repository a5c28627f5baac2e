"""which way a mentoring event went

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03

``networking_events.mentoring``: for an event of type mentoring, "gave" (you mentored the
people met) or "received" (they mentored you); NULL for every existing row. The people
you mentored count toward a stage's "people mentored". Adding a column keeps the table,
so its search and revision triggers stay as they are. The SQL is written out here, not
imported, so this revision stays what it was.
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "ALTER TABLE networking_events ADD COLUMN mentoring VARCHAR(10)"
        " CONSTRAINT ck_networking_events_mentoring"
        " CHECK (mentoring IS NULL OR mentoring IN ('gave', 'received'))"
    )


def downgrade() -> None:
    with op.batch_alter_table("networking_events") as batch_op:
        batch_op.drop_column("mentoring")
