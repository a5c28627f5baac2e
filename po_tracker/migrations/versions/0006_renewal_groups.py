"""renewal groups, renewal history and renewal fees; leading requirements of a stage

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

Two new tables (renewal groups in the catalog; the renewals the user logged) with the
three revision triggers each, and new columns added in place with ALTER TABLE ADD
COLUMN, so that no table is recreated and no search or revision trigger is lost.

An existing logbook gets the shipped catalog's renewal facts for the credentials it
still has under their shipped slugs: the Scrum Alliance and SAFe groups, the add-on
SEUs, the renewal fees left empty so far, and PMI's cycle end and suspension year. A
value the user set is never overwritten (only empty ones are filled). The values are
written out here, not read from the catalog file, so this revision stays what it was.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

EVENTS = ("INSERT", "UPDATE", "DELETE")
GROUPS = (
    # slug, name, body, renews, pooled, notes
    ("scrum-alliance", "Scrum Alliance", "Scrum Alliance", "group", 1,
     "One renewal for every Scrum Alliance certification held."),
    ("scaled-agile", "SAFe", "Scaled Agile", "track", 0,
     "One renewal fee covers every SAFe certification held."),
)  # fmt: skip
# slug: (renewal group, add-on credits, fee amount, fee currency, renewable days,
#        ends the day before the anniversary)
CREDENTIALS = {
    "cspo": ("scrum-alliance", 10, None, None, 0, 0),
    "a-cspo": ("scrum-alliance", 15, None, None, 0, 0),
    "csp-po": ("scrum-alliance", 20, None, None, 0, 0),
    "csm": ("scrum-alliance", 10, None, None, 0, 0),
    "a-csm": ("scrum-alliance", 15, 175, "USD", 0, 0),
    "csp-sm": ("scrum-alliance", 20, 250, "USD", 0, 0),
    "safe-popm": ("scaled-agile", None, 295, "USD", 0, 0),
    "pmi-acp": (None, None, 150, "USD", 365, 1),
    "pmp": (None, None, 150, "USD", 365, 1),
}


# A stage's requirements of leading people and products (0: none asked).
STAGE_COLUMNS = ("team_size", "products_owned", "ceremonies_facilitated")


def _revision_triggers(table: str) -> None:
    for event in EVENTS:
        op.execute(
            f"CREATE TRIGGER {table}_revision_{event.lower()} AFTER {event} ON {table}"
            " BEGIN UPDATE data_revision SET value = value + 1; END"
        )


def upgrade() -> None:
    op.create_table(
        "renewal_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("body", sa.String(length=200), nullable=False),
        sa.Column("renews", sa.String(length=20), nullable=False),
        sa.Column("pooled", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.CheckConstraint("renews IN ('group', 'track')", name=op.f("ck_renewal_groups_renews")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_renewal_groups")),
        sa.UniqueConstraint("name", name=op.f("uq_renewal_groups_name")),
        sa.UniqueConstraint("slug", name=op.f("uq_renewal_groups_slug")),
    )
    op.create_table(
        "certification_renewals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("certification_id", sa.Integer(), nullable=False),
        sa.Column("renewed_on", sa.Date(), nullable=False),
        sa.Column("previous_expires_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("credits_used", sa.Float(), nullable=True),
        sa.Column("fee_amount", sa.Float(), nullable=True),
        sa.Column("fee_currency", sa.String(length=3), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "credits_used IS NULL OR credits_used >= 0",
            name=op.f("ck_certification_renewals_credits"),
        ),
        sa.CheckConstraint(
            "fee_amount IS NULL OR fee_amount >= 0", name=op.f("ck_certification_renewals_fee")
        ),
        sa.ForeignKeyConstraint(
            ["certification_id"],
            ["certifications.id"],
            name=op.f("fk_certification_renewals_certification_id_certifications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certification_renewals")),
    )
    op.create_index(
        "ix_certification_renewals_certification_id",
        "certification_renewals",
        ["certification_id"],
        unique=False,
    )
    for table in ("renewal_groups", "certification_renewals"):
        _revision_triggers(table)
    _add_columns()
    _seed_catalog()


def _add_columns() -> None:
    for sql in (
        "ALTER TABLE credentials ADD COLUMN renewal_group VARCHAR(80)",
        "ALTER TABLE credentials ADD COLUMN addon_credits FLOAT",
        "ALTER TABLE credentials ADD COLUMN renewable_days INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE credentials ADD COLUMN ends_day_before BOOLEAN NOT NULL DEFAULT 0",
        "ALTER TABLE certifications ADD COLUMN renewal_fee_amount FLOAT"
        " CONSTRAINT ck_certifications_renewal_fee"
        " CHECK (renewal_fee_amount IS NULL OR renewal_fee_amount >= 0)",
        "ALTER TABLE certifications ADD COLUMN renewal_fee_currency VARCHAR(3)",
        *(
            f"ALTER TABLE stages ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0"
            f" CONSTRAINT ck_stages_{column} CHECK ({column} >= 0)"
            for column in STAGE_COLUMNS
        ),
    ):
        op.execute(sql)


def _seed_catalog() -> None:
    bind = op.get_bind()
    if bind.exec_driver_sql("SELECT count(*) FROM credentials").scalar() == 0:
        return  # a new logbook: the catalog file brings everything
    for position, (slug, name, body, renews, pooled, notes) in enumerate(GROUPS):
        bind.exec_driver_sql(
            "INSERT OR IGNORE INTO renewal_groups"
            " (slug, name, body, renews, pooled, notes, position, retired)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
            (slug, name, body, renews, pooled, notes, position),
        )
    for slug, (group, addon, fee, currency, renewable, day_before) in CREDENTIALS.items():
        bind.exec_driver_sql(
            "UPDATE credentials SET"
            " renewal_group = coalesce(renewal_group, ?),"
            " addon_credits = coalesce(addon_credits, ?),"
            " renewable_days = max(renewable_days, ?),"
            " ends_day_before = (ends_day_before OR ?)"
            " WHERE slug = ?",
            (group, addon, renewable, day_before, slug),
        )
        if fee is not None:
            bind.exec_driver_sql(
                "UPDATE credentials SET fee_amount = ?, fee_currency = ?"
                " WHERE slug = ? AND fee_amount IS NULL",
                (fee, currency, slug),
            )


def downgrade() -> None:
    with op.batch_alter_table("stages") as batch_op:
        for column in STAGE_COLUMNS:
            batch_op.drop_constraint(f"ck_stages_{column}", type_="check")
            batch_op.drop_column(column)
    with op.batch_alter_table("certifications") as batch_op:
        batch_op.drop_constraint("ck_certifications_renewal_fee", type_="check")
        batch_op.drop_column("renewal_fee_currency")
        batch_op.drop_column("renewal_fee_amount")
    with op.batch_alter_table("credentials") as batch_op:
        for column in ("ends_day_before", "renewable_days", "addon_credits", "renewal_group"):
            batch_op.drop_column(column)
    op.drop_index("ix_certification_renewals_certification_id", "certification_renewals")
    op.drop_table("certification_renewals")
    op.drop_table("renewal_groups")
