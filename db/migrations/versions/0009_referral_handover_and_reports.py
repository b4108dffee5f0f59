"""a 下转 carries its handover; any referral carries attached reports; households and the
examination slot pool of the screening programmes

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

- `referrals.discharge_summary`, `treatment_plan`, `rehab_instructions`: what a down-referral
  hands to the community (required when a 下转 is sent: app/rulebook/referrals.py).
- `referral_attachments`: a report (PDF or image) attached to a referral, synced as a row.
- `attachment_contents`: the attachment's bytes by its id, outside the sync pages: uploaded
  before its row is pushed, fetched after its row is pulled (app/sync/attachments.py). On a
  desktop it lives in the encrypted database.
- `households`, `household_members`: a family served as one, each member's relationship to the
  member it was started from, and its health supervisor.
- `exam_slots`, `slot_bookings`: the slots a hospital publishes for the community stations
  (reference data every desktop pulls) and the residents booked into them.
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


def _synced_columns():
    return [
        sa.Column("id", UUIDStr, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_seq", sa.BigInteger(), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", UUIDStr, nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=True),
    ]


def _screening_network() -> None:
    op.create_table(
        "households",
        sa.Column("patient_id", UUIDStr, nullable=False),
        sa.Column("name", sa.String(length=64), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("supervisor_patient_id", UUIDStr, nullable=True),
        sa.Column("supervisor_name", sa.String(length=64), nullable=True),
        sa.Column("supervisor_phone", sa.String(length=32), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"], name=op.f("fk_households_patient_id_patients")),
        sa.ForeignKeyConstraint(["supervisor_patient_id"], ["patients.id"],
                                name=op.f("fk_households_supervisor_patient_id_patients")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_households")),
    )
    op.create_index(op.f("ix_households_patient_id"), "households", ["patient_id"])
    op.create_index(op.f("ix_households_server_seq"), "households", ["server_seq"])
    op.create_table(
        "household_members",
        sa.Column("household_id", UUIDStr, nullable=False),
        sa.Column("patient_id", UUIDStr, nullable=False),
        sa.Column("relation", sa.String(length=16), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["household_id"], ["households.id"],
                                name=op.f("fk_household_members_household_id_households")),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"], name=op.f("fk_household_members_patient_id_patients")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household_members")),
    )
    op.create_index("ix_household_members_household", "household_members", ["household_id", "patient_id"])
    op.create_index(op.f("ix_household_members_patient_id"), "household_members", ["patient_id"])
    op.create_index(op.f("ix_household_members_server_seq"), "household_members", ["server_seq"])
    op.create_table(
        "exam_slots",
        sa.Column("org_unit_id", UUIDStr, nullable=False),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("starts_at", UTCDateTime(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("place", sa.String(length=120), nullable=True),
        sa.Column("instructions", sa.Text(), nullable=True),
        sa.Column("booked_count", sa.Integer(), server_default="0", nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["org_unit_id"], ["org_units.id"], name=op.f("fk_exam_slots_org_unit_id_org_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exam_slots")),
    )
    op.create_index("ix_exam_slots_modality_time", "exam_slots", ["modality", "starts_at"])
    op.create_index(op.f("ix_exam_slots_server_seq"), "exam_slots", ["server_seq"])
    op.create_table(
        "slot_bookings",
        sa.Column("slot_id", UUIDStr, nullable=False),
        sa.Column("patient_id", UUIDStr, nullable=False),
        sa.Column("case_id", UUIDStr, nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("booked_at", UTCDateTime(), nullable=False),
        sa.Column("booked_by", UUIDStr, nullable=True),
        sa.Column("attended_at", UTCDateTime(), nullable=True),
        sa.Column("state_reason", sa.Text(), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["slot_id"], ["exam_slots.id"], name=op.f("fk_slot_bookings_slot_id_exam_slots")),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"], name=op.f("fk_slot_bookings_patient_id_patients")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_slot_bookings_case_id_cases")),
        sa.ForeignKeyConstraint(["booked_by"], ["users.id"], name=op.f("fk_slot_bookings_booked_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_slot_bookings")),
    )
    op.create_index("ix_slot_bookings_slot_state", "slot_bookings", ["slot_id", "state"])
    op.create_index(op.f("ix_slot_bookings_patient_id"), "slot_bookings", ["patient_id"])
    op.create_index(op.f("ix_slot_bookings_server_seq"), "slot_bookings", ["server_seq"])


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
        *_synced_columns(),
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
    _screening_network()


def downgrade() -> None:
    for table in ("slot_bookings", "exam_slots", "household_members", "households"):
        op.drop_table(table)
    op.drop_table("attachment_contents")
    op.drop_table("referral_attachments")
    with op.batch_alter_table("referrals") as batch:
        batch.drop_column("rehab_instructions")
        batch.drop_column("treatment_plan")
        batch.drop_column("discharge_summary")
