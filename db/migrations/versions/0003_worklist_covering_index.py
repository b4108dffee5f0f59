"""worklist covering index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

The worklist's default query (open cases by due date, undated last) and its quick
filters read only this index; the old (closed_at, due_date) index could not order
undated cases last and sent every row back to the table.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS: list[str | sa.TextClause] = ["closed_at", "deleted_at", sa.text("(due_date IS NULL)"), "due_date", "stage", "cancer_type",
           "station_id", "community_cm_id", "clinic_cm_id", "ward_cm_id", "patient_id", "id"]


def upgrade() -> None:
    op.drop_index("ix_cases_open_due", table_name="cases")
    op.create_index("ix_cases_worklist", "cases", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_cases_worklist", table_name="cases")
    op.create_index("ix_cases_open_due", "cases", ["closed_at", "due_date"])
