"""Alembic environment. Migrations run from code (``po_tracker.schema``), which hands
over an open connection inside a transaction; the command line ``alembic`` is only for
writing new revisions during development."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from po_tracker.models import Base

target_metadata = Base.metadata
config = context.config


def include_object(obj, name, type_, reflected, compare_to):
    # The full-text index and its shadow tables are created by hand-written SQL.
    return not (type_ == "table" and name.startswith("search_index"))


def run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///po-tracker-dev.sqlite3"
    with create_engine(url).begin() as dev_connection:
        run_migrations(dev_connection)
