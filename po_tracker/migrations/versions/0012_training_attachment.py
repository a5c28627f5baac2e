"""a training's attached file

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03

``trainings.attachment``: the stored name of a file kept in the data folder's
attachments (a course certificate, the slides), as certifications and wins already have;
NULL for every existing row. Adding a column keeps the table, so its search and revision
triggers stay as they are. The SQL is written out here, not imported, so this revision
stays what it was.
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE trainings ADD COLUMN attachment VARCHAR(300)")


def downgrade() -> None:
    with op.batch_alter_table("trainings") as batch_op:
        batch_op.drop_column("attachment")
