"""start view out of the logbook: the dashboard's kept view moves to the user's cache
folder, and the data revision becomes a random token

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03

What the dashboard showed is a cache, not the user's data: it now lives in the user's
cache folder (``services.storage.start_view``), so viewing the dashboard never writes into
the logbook and backups no longer carry it. The cache is matched to the logbook by
``data_revision``, which every write to a data table now sets to a new random value
instead of raising by one: a counter could come back to a value it had before for
different data (restore a backup, then make other changes), a random 64-bit token
virtually cannot, so the kept view is shown only for exactly the data it was made from.

Note for later revisions: a new table of user data needs the same three triggers, with
``random()``; a test checks every table.
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

NOT_DATA = ("alembic_version", "data_revision", "start_view")
EVENTS = ("INSERT", "UPDATE", "DELETE")


def _data_tables() -> list[str]:
    rows = op.get_bind().exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'search_index%' ORDER BY name"
    )
    return [name for (name,) in rows if name not in NOT_DATA]


def _set_revision_triggers(new_value: str) -> None:
    for table in _data_tables():
        for event in EVENTS:
            name = f"{table}_revision_{event.lower()}"
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
            op.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON {table}"
                f" BEGIN UPDATE data_revision SET value = {new_value}; END"
            )


def upgrade() -> None:
    op.execute("DROP TABLE start_view")
    _set_revision_triggers("random()")
    op.execute("UPDATE data_revision SET value = random()")


def downgrade() -> None:
    _set_revision_triggers("value + 1")
    op.execute(
        "CREATE TABLE start_view ("
        " name TEXT NOT NULL CONSTRAINT pk_start_view PRIMARY KEY,"
        " revision INTEGER NOT NULL,"
        " as_of TEXT NOT NULL,"
        " format TEXT NOT NULL,"
        " body BLOB NOT NULL)"
    )
