"""wins and feedback: the evidence a promotion case is built from

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03

Six new tables (wins with their skills, requirements and people; feedback with the
skills it speaks to; a win and a feedback carry a UUID like every entry, see 0008), each with the three revision triggers (a random token, as 0007 made
them); wins and feedback join the full-text index (kind codes 9 and 10, see 0002), and a
renamed contact renames the feedback they gave in the index. Journal entries may now
link to wins and feedback: ``journal_links`` is recreated for its wider CHECK, and gets
its revision triggers back.
The SQL is written out here, not imported, so this revision stays what it was.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

EVENTS = ("INSERT", "UPDATE", "DELETE")
NEW_TABLES = (
    "wins", "feedback", "win_contacts", "win_requirements", "win_skills", "feedback_skills",
)  # fmt: skip
OLD_LINK_KINDS = (
    "certification", "training", "event", "contact", "rating", "experience", "journal",
    "goal",
)  # fmt: skip
LINK_KINDS = OLD_LINK_KINDS + ("win", "feedback")
GIVER = "coalesce((SELECT name FROM contacts WHERE id = {row}.contact_id), '')"
# kind: (code, table, title, body, date); "{row}" is new or old.
SEARCHED = {
    "win": (
        9,
        "wins",
        "{row}.title",
        "{row}.description || ' ' || {row}.impact || ' ' || {row}.metric_name"
        " || ' ' || {row}.notes",
        "{row}.win_date",
    ),
    "feedback": (
        10,
        "feedback",
        GIVER + " || ' (' || {row}.giver_role || ')'",
        "{row}.quote || ' ' || {row}.notes",
        "{row}.given_on",
    ),
}


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _revision_triggers(table: str) -> None:
    for event in EVENTS:
        op.execute(
            f"CREATE TRIGGER {table}_revision_{event.lower()} AFTER {event} ON {table}"
            " BEGIN UPDATE data_revision SET value = random(); END"
        )


def _search_triggers(kind: str) -> None:
    code, table, title, body, day = SEARCHED[kind]

    def insert(row: str) -> str:
        values = ", ".join(
            part.format(row=row) for part in (f"{{row}}.id * 16 + {code}", title, body, "''", day)
        )
        return f"INSERT INTO search_index(rowid, title, body, tags, entry_date) VALUES ({values});"

    def delete(row: str) -> str:
        return f"DELETE FROM search_index WHERE rowid = {row}.id * 16 + {code};"

    op.execute(
        f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN {insert('new')} END"
    )
    op.execute(
        f"CREATE TRIGGER search_{table}_au AFTER UPDATE ON {table} BEGIN"
        f" {delete('old')} {insert('new')} END"
    )
    op.execute(
        f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN {delete('old')} END"
    )


def _link_kinds(kinds: tuple[str, ...]) -> None:
    with op.batch_alter_table("journal_links", recreate="always") as batch_op:
        batch_op.drop_constraint(op.f("ck_journal_links_target_kind"), type_="check")
        batch_op.create_check_constraint("target_kind", f"target_kind IN {_in(kinds)}")
    _revision_triggers("journal_links")


def upgrade() -> None:
    op.create_table(
        "wins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("win_date", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("impact", sa.Text(), nullable=False),
        sa.Column("metric_name", sa.String(length=200), nullable=False),
        sa.Column("metric_before", sa.Float(), nullable=True),
        sa.Column("metric_after", sa.Float(), nullable=True),
        sa.Column("metric_unit", sa.String(length=40), nullable=False),
        sa.Column("attachment", sa.String(length=300), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wins")),
    )
    with op.batch_alter_table("wins", schema=None) as batch_op:
        batch_op.create_index("ix_wins_win_date", ["win_date"], unique=False)
        batch_op.create_index("ix_wins_uuid", ["uuid"], unique=True)

    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("giver_role", sa.String(length=20), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=True),
        sa.CheckConstraint(
            "giver_role IN ('manager', 'peer', 'stakeholder', 'report', 'mentor', 'customer')",
            name=op.f("ck_feedback_giver_role"),
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_feedback_contact_id_contacts"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
    )
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.create_index("ix_feedback_contact_id", ["contact_id"], unique=False)
        batch_op.create_index("ix_feedback_given_on", ["given_on"], unique=False)
        batch_op.create_index("ix_feedback_uuid", ["uuid"], unique=True)

    op.create_table(
        "win_contacts",
        sa.Column("win_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_win_contacts_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["win_id"], ["wins.id"], name=op.f("fk_win_contacts_win_id_wins"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("win_id", "contact_id", name=op.f("pk_win_contacts")),
    )
    with op.batch_alter_table("win_contacts", schema=None) as batch_op:
        batch_op.create_index("ix_win_contacts_contact_id", ["contact_id"], unique=False)

    op.create_table(
        "win_requirements",
        sa.Column("win_id", sa.Integer(), nullable=False),
        sa.Column("requirement", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "requirement IN ('years_experience', 'sprints_as_po', 'people_mentored', 'team_size',"
            " 'products_owned', 'ceremonies_facilitated', 'training_hours_12m', 'events_12m')",
            name=op.f("ck_win_requirements_requirement"),
        ),
        sa.ForeignKeyConstraint(
            ["win_id"],
            ["wins.id"],
            name=op.f("fk_win_requirements_win_id_wins"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("win_id", "requirement", name=op.f("pk_win_requirements")),
    )
    op.create_table(
        "win_skills",
        sa.Column("win_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skills.id"],
            name=op.f("fk_win_skills_skill_id_skills"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["win_id"], ["wins.id"], name=op.f("fk_win_skills_win_id_wins"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("win_id", "skill_id", name=op.f("pk_win_skills")),
    )
    with op.batch_alter_table("win_skills", schema=None) as batch_op:
        batch_op.create_index("ix_win_skills_skill_id", ["skill_id"], unique=False)

    op.create_table(
        "feedback_skills",
        sa.Column("feedback_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "level IS NULL OR level BETWEEN 1 AND 5", name=op.f("ck_feedback_skills_level")
        ),
        sa.ForeignKeyConstraint(
            ["feedback_id"],
            ["feedback.id"],
            name=op.f("fk_feedback_skills_feedback_id_feedback"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skills.id"],
            name=op.f("fk_feedback_skills_skill_id_skills"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("feedback_id", "skill_id", name=op.f("pk_feedback_skills")),
    )
    with op.batch_alter_table("feedback_skills", schema=None) as batch_op:
        batch_op.create_index("ix_feedback_skills_skill_id", ["skill_id"], unique=False)

    for table in NEW_TABLES:
        _revision_triggers(table)
    for kind in SEARCHED:
        _search_triggers(kind)
    # A renamed contact: the feedback they gave is found by the new name.
    op.execute(
        "CREATE TRIGGER search_contacts_rename_feedback AFTER UPDATE OF name ON contacts BEGIN"
        " UPDATE search_index SET title = new.name || ' ('"
        " || (SELECT giver_role FROM feedback WHERE id = search_index.rowid / 16) || ')'"
        " WHERE rowid IN (SELECT id * 16 + 10 FROM feedback WHERE contact_id = new.id); END"
    )
    _link_kinds(LINK_KINDS)


def downgrade() -> None:
    op.execute("DELETE FROM journal_links WHERE target_kind IN ('win', 'feedback')")
    _link_kinds(OLD_LINK_KINDS)
    op.execute("DROP TRIGGER IF EXISTS search_contacts_rename_feedback")
    op.execute("DELETE FROM search_index WHERE rowid % 16 IN (9, 10)")
    for table in ("feedback_skills", "win_skills", "win_requirements", "win_contacts"):
        op.drop_table(table)
    op.drop_table("feedback")
    op.drop_table("wins")
