"""Alembic environment: always handed an engine by db.migrate.

On SQLite, foreign keys are off while migrations run: a batch migration rebuilds a table
(copy, drop, rename), and with foreign_keys=ON dropping a table that other rows point at fails
on any real profile — empty test databases never showed it (migration 0007 on org_units).
SQLite only lets the pragma change outside a transaction, so it is set on the connection
first; before the migrations commit, foreign_key_check must find nothing broken, or the whole
upgrade rolls back and the profile stays as it was.

On PostgreSQL (the server), the indexes only a desktop's screens read (db/models/base.py
desktop_only) are dropped after the migrations, in their transaction: migrations create
them for both, and a server migrated before they were marked still holds them.
"""
from __future__ import annotations

from alembic import context
from sqlalchemy import text

from db.models import Base
from db.models.base import desktop_only_indexes

config = context.config
engine = config.attributes["engine"]


class BrokenReferences(RuntimeError):
    """A migration left rows pointing at rows that are not there."""


with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()  # SQLAlchemy's own begin; the driver began no transaction for a pragma
    try:
        with connection.begin():
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=sqlite,  # SQLite cannot ALTER most things
                compare_type=True,
            )
            context.run_migrations()
            if not sqlite:
                for index in desktop_only_indexes():
                    connection.execute(text(f'DROP INDEX IF EXISTS "{index.name}"'))
            else:
                broken = connection.execute(text("PRAGMA foreign_key_check")).all()
                if broken:
                    raise BrokenReferences(f"{len(broken)} row(s) point at missing rows after migrating, "
                                           f"e.g. {tuple(broken[0])}")
    finally:
        if sqlite:
            connection.rollback()  # nothing open after a failure
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()
