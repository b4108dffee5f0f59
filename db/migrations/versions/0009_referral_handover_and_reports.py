"""a 下转 carries its handover; any referral carries attached reports

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

- `referrals.discharge_summary`, `treatment_plan`, `rehab_instructions`: what a down-referral
  hands to the community (required when a 下转 is sent: app/rulebook/referrals.py).
- `referral_attachments`: a report (PDF or image) attached to a referral, synced as a row.
- `attachment_contents`: the attachment's bytes by its id, outside the sync pages: uploaded
  before its row is pushed, fetched after its row is pulled (app/sync/attachments.py). On a
  desktop it lives in the encrypted database.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.types import UTCDateTime
from db.types import UUIDStr

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for column in ("discharge_summary", "treatment_plan", "rehab_instructions"):
        op.add_column("referrals", sa.Column(column, sa.Text(), nullable=True))
    op.create_table(
        "referral_attachments",
        sa.Column("patient_id", UUIDStr, nullable=False),
        sa.Column("referral_id", UUIDStr, nullable=False),
        sa.Column("file_name", sa.String(length=120), nullable=False),
        sa.Column("media_type", sa.String(length=32), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        sa.Column("added_by", UUIDStr, nullable=True),
        sa.Column("id", UUIDStr, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.BigInteger(), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", UUIDStr, nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"],
                                name=op.f("fk_referral_attachments_patient_id_patients")),
        sa.ForeignKeyConstraint(["referral_id"], ["referrals.id"],
                                name=op.f("fk_referral_attachments_referral_id_referrals")),
        sa.ForeignKeyConstraint(["added_by"], ["users.id"], name=op.f("fk_referral_attachments_added_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_attachments")),
    )
    op.create_index(op.f("ix_referral_attachments_patient_id"), "referral_attachments", ["patient_id"])
    op.create_index(op.f("ix_referral_attachments_referral_id"), "referral_attachments", ["referral_id"])
    op.create_index(op.f("ix_referral_attachments_server_seq"), "referral_attachments", ["server_seq"])
    op.create_table(
        "attachment_contents",
        sa.Column("attachment_id", UUIDStr, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("stored_at", UTCDateTime(), nullable=False),
        sa.Column("stored_by", UUIDStr, nullable=True),
        sa.PrimaryKeyConstraint("attachment_id", name=op.f("pk_attachment_contents")),
    )


def downgrade() -> None:
    op.drop_table("attachment_contents")
    op.drop_table("referral_attachments")
    with op.batch_alter_table("referrals") as batch:
        batch.drop_column("rehab_instructions")
        batch.drop_column("treatment_plan")
        batch.drop_column("discharge_summary")
