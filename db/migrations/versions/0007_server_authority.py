"""the server is the authority: security log, login throttle, device codes, server stamps

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

- `security_events`: the server's security event log, append-only (PostgreSQL refuses
  UPDATE and TRUNCATE, and DELETE of an event younger than 180 days).
- `login_throttle`: failures per account name and per client address (a slow-down, not a lock).
- `duplicate_reviews`: possible duplicate registrations for an administrator to review.
- `devices.code` (the network-unique prefix of a desktop's referral short codes),
  `devices.clock_skew_s`, `devices.revoked_at`.
- `audit_entries.received_at` / `clock_skew_s`: the server's clock beside the desktop's.
- `letters.printed_at_desktop`: the desktop's print time kept beside the server's.
- `timeline_events.title_code` / `title_args`: titles written by the software as a code and
  parameters, worded at display time.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.types import JSONDoc
from db.types import UTCDateTime
from db.types import UUIDStr

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

RETENTION_DAYS = 180


def upgrade() -> None:
    op.create_table(
        "security_events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("code", sa.String(64), nullable=True),
        sa.Column("user_id", UUIDStr, nullable=True),
        sa.Column("username", sa.String(64), nullable=True),
        sa.Column("device_id", sa.String(64), nullable=True),
        sa.Column("client_addr", sa.String(64), nullable=True),
        sa.Column("detail", JSONDoc, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_security_events")),
    )
    op.create_index("ix_security_events_at", "security_events", ["at"])
    op.create_index("ix_security_events_user_at", "security_events", ["user_id", "at"])
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(160), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", UTCDateTime(), nullable=True),
        sa.Column("blocked_until", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_throttle")),
    )
    op.create_table(
        "duplicate_reviews",
        sa.Column("id", UUIDStr, nullable=False),
        sa.Column("patient_id", UUIDStr, nullable=False),
        sa.Column("other_patient_id", UUIDStr, nullable=False),
        sa.Column("user_id", UUIDStr, nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("detected_at", UTCDateTime(), nullable=False),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_reviews")),
    )
    op.create_index("ix_duplicate_reviews_patient_id", "duplicate_reviews", ["patient_id"])
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("code", sa.String(8), nullable=True))
        batch.add_column(sa.Column("clock_skew_s", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("revoked_at", UTCDateTime(), nullable=True))
        batch.create_unique_constraint("uq_devices_code", ["code"])
    with op.batch_alter_table("audit_entries") as batch:
        batch.add_column(sa.Column("received_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("clock_skew_s", sa.Integer(), nullable=True))
    with op.batch_alter_table("letters") as batch:
        batch.add_column(sa.Column("printed_at_desktop", UTCDateTime(), nullable=True))
    with op.batch_alter_table("timeline_events") as batch:
        batch.add_column(sa.Column("title_code", sa.String(48), nullable=True))
        batch.add_column(sa.Column("title_args", JSONDoc, nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION security_events_kept() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' AND OLD.at < now() - interval '{RETENTION_DAYS} days' THEN
                    RETURN OLD;
                END IF;
                RAISE EXCEPTION 'security events are append-only and kept {RETENTION_DAYS} days: % refused', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END $$""")
        op.execute("CREATE TRIGGER security_events_no_change BEFORE UPDATE OR DELETE ON security_events "
                   "FOR EACH ROW EXECUTE FUNCTION security_events_kept()")
        op.execute("CREATE TRIGGER security_events_no_truncate BEFORE TRUNCATE ON security_events "
                   "FOR EACH STATEMENT EXECUTE FUNCTION security_events_kept()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER security_events_no_truncate ON security_events")
        op.execute("DROP TRIGGER security_events_no_change ON security_events")
        op.execute("DROP FUNCTION security_events_kept()")
    with op.batch_alter_table("timeline_events") as batch:
        batch.drop_column("title_args")
        batch.drop_column("title_code")
    with op.batch_alter_table("letters") as batch:
        batch.drop_column("printed_at_desktop")
    with op.batch_alter_table("audit_entries") as batch:
        batch.drop_column("clock_skew_s")
        batch.drop_column("received_at")
    with op.batch_alter_table("devices") as batch:
        batch.drop_constraint("uq_devices_code", type_="unique")
        batch.drop_column("revoked_at")
        batch.drop_column("clock_skew_s")
        batch.drop_column("code")
    op.drop_index("ix_duplicate_reviews_patient_id", table_name="duplicate_reviews")
    op.drop_table("duplicate_reviews")
    op.drop_table("login_throttle")
    op.drop_index("ix_security_events_user_at", table_name="security_events")
    op.drop_index("ix_security_events_at", table_name="security_events")
    op.drop_table("security_events")
