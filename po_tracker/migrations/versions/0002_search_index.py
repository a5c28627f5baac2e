"""full-text search index over every log

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

One FTS5 table indexes every kind of entry, kept in step by triggers. Its rowid encodes
the entry: ``id * 16 + kind code``, so a trigger updates one row by rowid instead of
scanning the index. The SQL is written out here, not imported, so that this revision
stays what it was when later code changes.

Note for later revisions: a batch migration that recreates one of these tables drops its
triggers with it; such a revision must run ``create_triggers`` for that kind again.
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JOURNAL_TAGS = (
    "(SELECT coalesce(group_concat(t.name, ' '), '') FROM journal_entry_tags j"
    " JOIN tags t ON t.id = j.tag_id WHERE j.entry_id = {row}.id)"
)

# kind: (code, table, title, body, tags, date); "{row}" is new or old.
KINDS = {
    "certification": (
        1,
        "certifications",
        "coalesce({row}.custom_name, (SELECT name || ' ' || full_name FROM credentials"
        " WHERE id = {row}.credential_id), '')",
        "{row}.issuer || ' ' || {row}.credential_number || ' ' || {row}.notes",
        "''",
        "coalesce({row}.earned_on, '')",
    ),
    "training": (
        2,
        "trainings",
        "{row}.title",
        "{row}.provider || ' ' || {row}.format || ' ' || {row}.notes",
        "''",
        "{row}.start_date",
    ),
    "event": (
        3,
        "networking_events",
        "{row}.title",
        "{row}.event_type || ' ' || {row}.location || ' ' || {row}.takeaways || ' ' || {row}.notes",
        "''",
        "{row}.event_date",
    ),
    "contact": (
        4,
        "contacts",
        "{row}.name",
        "{row}.organization || ' ' || {row}.role || ' ' || {row}.notes",
        "''",
        "''",
    ),
    "rating": (
        5,
        "skill_ratings",
        "(SELECT name FROM skills WHERE id = {row}.skill_id)",
        "{row}.note",
        "''",
        "{row}.rated_on",
    ),
    "experience": (
        6,
        "experience_entries",
        "{row}.role",
        "{row}.organization || ' ' || {row}.notes",
        "''",
        "{row}.start_date",
    ),
    "journal": (
        7,
        "journal_entries",
        "{row}.title",
        "{row}.prompt || ' ' || {row}.body",
        JOURNAL_TAGS,
        "{row}.entry_date",
    ),
    "goal": (8, "goals", "{row}.text", "{row}.notes", "''", "coalesce({row}.target_date, '')"),
}


def _insert(kind: str, row: str) -> str:
    code, _table, title, body, tags, day = KINDS[kind]
    values = ", ".join(
        part.format(row=row) for part in (f"{{row}}.id * 16 + {code}", title, body, tags, day)
    )
    return f"INSERT INTO search_index(rowid, title, body, tags, entry_date) VALUES ({values});"


def _delete(kind: str, row: str) -> str:
    code = KINDS[kind][0]
    return f"DELETE FROM search_index WHERE rowid = {row}.id * 16 + {code};"


def create_triggers(kind: str) -> None:
    table = KINDS[kind][1]
    op.execute(
        f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN {_insert(kind, 'new')} END"
    )
    op.execute(
        f"CREATE TRIGGER search_{table}_au AFTER UPDATE ON {table} BEGIN"
        f" {_delete(kind, 'old')} {_insert(kind, 'new')} END"
    )
    op.execute(
        f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN {_delete(kind, 'old')} END"
    )


def _refresh_tags(row: str) -> str:
    tags = JOURNAL_TAGS.replace("{row}.id", f"{row}.entry_id")
    return f"UPDATE search_index SET tags = {tags} WHERE rowid = {row}.entry_id * 16 + 7;"


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "title, body, tags, entry_date UNINDEXED,"
        " tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    for kind in KINDS:
        create_triggers(kind)
    for when, row in (("INSERT", "new"), ("DELETE", "old")):
        op.execute(
            f"CREATE TRIGGER search_journal_tags_{when.lower()} AFTER {when}"
            f" ON journal_entry_tags BEGIN {_refresh_tags(row)} END"
        )
    # Renaming a skill or a credential renames what its entries are found by.
    op.execute(
        "CREATE TRIGGER search_skills_rename AFTER UPDATE OF name ON skills BEGIN"
        " UPDATE search_index SET title = new.name WHERE rowid IN"
        " (SELECT id * 16 + 5 FROM skill_ratings WHERE skill_id = new.id); END"
    )
    op.execute(
        "CREATE TRIGGER search_credentials_rename AFTER UPDATE OF name, full_name"
        " ON credentials BEGIN"
        " UPDATE search_index SET title = new.name || ' ' || new.full_name WHERE rowid IN"
        " (SELECT id * 16 + 1 FROM certifications"
        "  WHERE credential_id = new.id AND custom_name IS NULL); END"
    )


def downgrade() -> None:
    names = [f"search_{KINDS[k][1]}_{s}" for k in KINDS for s in ("ai", "au", "ad")]
    names += ["search_journal_tags_insert", "search_journal_tags_delete"]
    names += ["search_skills_rename", "search_credentials_rename"]
    for name in names:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE search_index")
