"""patient search indexes

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22

The worklist's search box on 100,000 patients: two pinyin letters ("zh") matched 16,000
patients through indexes on the pinyin alone, then read each one's wide row for its id
(~70 ms); the pinyin indexes now cover the id. "name contains" scanned the wide patient
rows (~20 ms through SQLCipher); it now scans a narrow covering index (~7 ms). A phone or
ID tail of four or more characters looks up its last four in an expression index instead
of scanning every row with LIKE.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for column in ("name_initials", "name_pinyin"):
        op.drop_index(f"ix_patients_{column}", table_name="patients")
    op.create_index("ix_patients_initials_search", "patients", ["name_initials", "deleted_at", "id"])
    op.create_index("ix_patients_pinyin_search", "patients", ["name_pinyin", "deleted_at", "id"])
    op.create_index("ix_patients_name_search", "patients", ["name", "deleted_at", "id"])
    op.create_index("ix_patients_phone_tail", "patients", [sa.func.substr(sa.text("phone"), -4)])
    op.create_index("ix_patients_id_tail", "patients", [sa.func.substr(sa.text("id_number"), -4)])


def downgrade() -> None:
    # if_exists: a server does not keep these (db/models/base.py desktop_only)
    op.drop_index("ix_patients_id_tail", table_name="patients", if_exists=True)
    op.drop_index("ix_patients_phone_tail", table_name="patients", if_exists=True)
    op.drop_index("ix_patients_name_search", table_name="patients", if_exists=True)
    op.drop_index("ix_patients_pinyin_search", table_name="patients", if_exists=True)
    op.drop_index("ix_patients_initials_search", table_name="patients", if_exists=True)
    for column in ("name_initials", "name_pinyin"):
        op.create_index(f"ix_patients_{column}", "patients", [column])
