"""a server history id for restores, and files published for every desktop

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04

- `server_meta`: the server's own facts, key → JSON. "history" is a random id; `server
  restore` gives a restored database a new one, so desktops that synced with the rewound
  history notice and send again what the server no longer holds.
- `published_files`: rule, risk, holiday and letter-template files an administrator
  published once for every desktop (checked on the server before they are stored).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.types import JSONDoc
from db.types import UTCDateTime
from db.types import UUIDStr

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "server_meta",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", JSONDoc, nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_server_meta")),
    )
    op.create_table(
        "published_files",
        sa.Column("id", UUIDStr, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("published_by", UUIDStr, nullable=False),
        sa.Column("published_at", UTCDateTime(), nullable=False),
        sa.Column("withdrawn_at", UTCDateTime(), nullable=True),
        sa.Column("withdrawn_by", UUIDStr, nullable=True),
        sa.ForeignKeyConstraint(["published_by"], ["users.id"], name=op.f("fk_published_files_published_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_published_files")),
    )
    op.create_index("ix_published_files_kind_name", "published_files", ["kind", "name", "published_at"])


def downgrade() -> None:
    op.drop_index("ix_published_files_kind_name", table_name="published_files")
    op.drop_table("published_files")
    op.drop_table("server_meta")
