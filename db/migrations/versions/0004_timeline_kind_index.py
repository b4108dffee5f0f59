"""timeline kind index

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22

The dashboard counts milestones per case by event kind (screened, examined, diagnosed,
treated); without this index every figure scanned all timeline events.
"""
from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_timeline_events_kind_case_time", "timeline_events", ["kind", "case_id", "occurred_at"])


def downgrade() -> None:
    op.drop_index("ix_timeline_events_kind_case_time", table_name="timeline_events")
