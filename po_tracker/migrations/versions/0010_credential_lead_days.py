"""a credential's own renewal lead time

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03

``credentials.renewal_lead_days``: how many days before its last valid day the calendar
places a credential's renewal (time to earn the last credits and pay the fee). NULL,
the value of every existing row, means "the lead time set in Preferences".
Adding a nullable column needs no table copy, so the revision triggers stay as they are.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("credentials", sa.Column("renewal_lead_days", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("credentials") as batch_op:
        batch_op.drop_column("renewal_lead_days")
