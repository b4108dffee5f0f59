"""a case holds many tasks; calls are recorded with their outcome

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

- `tasks`: open work on a case (chase a result, attend an MDT, call back …), any number per
  case, each with its due date, owner, source and state.
- `calls`: one telephone call with its outcome (connected, no answer, switched off …),
  duration and call-back time. Append-only.
- `ix_followups_case_open`: a case's open follow-ups, which the summary triggers read.
- `cases.next_task_id`, `cases.open_tasks`: with `cases.due_date`, the case's summary of its
  open tasks and follow-ups, derived on each desktop by triggers (db/summary.py); the
  server's PostgreSQL gets the columns but no triggers.
- The one next step each open case held becomes a task (db/legacy_tasks.py). The server
  stamps its copies with sequence numbers so every desktop pulls them; a desktop's own copy
  (same id, version 0) shows them before that pull and is replaced by it.
"""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

from db import summary
from db.legacy_tasks import task_values
from db.types import JSONDoc
from db.types import UTCDateTime
from db.types import UUIDStr

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BATCH = 2000


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


def upgrade() -> None:
    op.create_table(
        "tasks",
        sa.Column("patient_id", UUIDStr, nullable=False),
        sa.Column("case_id", UUIDStr, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("args", JSONDoc, nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("owner_id", UUIDStr, nullable=True),
        sa.Column("source_table", sa.String(length=32), nullable=True),
        sa.Column("source_id", UUIDStr, nullable=True),
        sa.Column("rule_id", sa.String(length=64), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        sa.Column("close_note", sa.Text(), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_tasks_case_id_cases")),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_tasks_owner_id_users")),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"], name=op.f("fk_tasks_patient_id_patients")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
    )
    op.create_index("ix_tasks_case_open", "tasks", ["case_id", "state", "due_date"])
    op.create_index("ix_tasks_source", "tasks", ["source_id"])
    op.create_index(op.f("ix_tasks_patient_id"), "tasks", ["patient_id"])
    op.create_index(op.f("ix_tasks_owner_id"), "tasks", ["owner_id"])
    op.create_index(op.f("ix_tasks_server_seq"), "tasks", ["server_seq"])
    op.create_table(
        "calls",
        sa.Column("patient_id", UUIDStr, nullable=False),
        sa.Column("case_id", UUIDStr, nullable=True),
        sa.Column("followup_id", UUIDStr, nullable=True),
        sa.Column("called_at", UTCDateTime(), nullable=False),
        sa.Column("caller_id", UUIDStr, nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("duration_s", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("call_back_at", UTCDateTime(), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_calls_case_id_cases")),
        sa.ForeignKeyConstraint(["caller_id"], ["users.id"], name=op.f("fk_calls_caller_id_users")),
        sa.ForeignKeyConstraint(["followup_id"], ["followups.id"], name=op.f("fk_calls_followup_id_followups")),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"], name=op.f("fk_calls_patient_id_patients")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calls")),
    )
    op.create_index("ix_calls_patient_time", "calls", ["patient_id", "called_at"])
    op.create_index("ix_calls_followup", "calls", ["followup_id"])
    op.create_index(op.f("ix_calls_server_seq"), "calls", ["server_seq"])
    op.create_index("ix_followups_case_open", "followups", ["case_id", "status", "due_date"])
    op.add_column("cases", sa.Column("next_task_id", UUIDStr, nullable=True))
    op.add_column("cases", sa.Column("open_tasks", sa.Integer(), server_default="0", nullable=False))
    bind = op.get_bind()
    _carry_over_next_actions(bind)
    if bind.dialect.name == "sqlite":
        summary.install(bind)


def _carry_over_next_actions(bind) -> None:
    server = bind.dialect.name != "sqlite"
    now = dt.datetime.now(dt.timezone.utc)
    cases = sa.table("cases", sa.column("id"), sa.column("patient_id"), sa.column("next_action"),
                     sa.column("due_date", sa.Date()), sa.column("closed_at"), sa.column("deleted_at"))
    followups = sa.table("followups", sa.column("case_id"), sa.column("due_date", sa.Date()),
                         sa.column("status"), sa.column("deleted_at"))
    tasks = sa.table("tasks", *(sa.column(c) for c in (
        "id", "patient_id", "case_id", "kind", "title", "due_date", "owner_id", "source_table", "source_id",
        "rule_id", "state", "version", "server_seq", "updated_at")), sa.column("args", JSONDoc))
    planned: dict[str, set] = {}
    for case_id, day in bind.execute(sa.select(followups.c.case_id, followups.c.due_date).where(
            followups.c.status.in_(("planned", "missed")), followups.c.deleted_at.is_(None))):
        planned.setdefault(case_id, set()).add(day)
    rows = []
    for case_id, patient_id, text, due in bind.execute(
            sa.select(cases.c.id, cases.c.patient_id, cases.c.next_action, cases.c.due_date)
            .where(cases.c.closed_at.is_(None), cases.c.deleted_at.is_(None), cases.c.next_action.is_not(None))
            .order_by(cases.c.id)):
        values = task_values(case_id, patient_id, text, due, planned.get(case_id, set()))
        if values is not None:
            rows.append({**values, "version": 1 if server else 0, "server_seq": None, "updated_at": now})
    if not rows:
        return
    if server:
        _stamp(bind, rows, now)
    for i in range(0, len(rows), BATCH):
        bind.execute(sa.insert(tasks), rows[i:i + BATCH])


def _stamp(bind, rows: list[dict], now) -> None:
    """The server's copies get sequence numbers and change-log entries, as server/sequence.py
    gives any row the server writes, so desktops pull them."""
    top = bind.execute(sa.text("UPDATE seq_counter SET value = value + :n WHERE id = 1 RETURNING value"),
                       {"n": len(rows)}).scalar()
    if top is None:  # a server database without its counter: nothing was ever synced
        bind.execute(sa.text("INSERT INTO seq_counter (id, value) VALUES (1, :n)"), {"n": len(rows)})
        top = len(rows)
    first = top - len(rows) + 1
    fields = sorted(k for k in rows[0] if k not in ("id", "version", "server_seq", "updated_at"))
    log = sa.table("change_log", sa.column("server_seq"), sa.column("table_name"), sa.column("row_id"),
                   sa.column("version"), sa.column("fields", JSONDoc), sa.column("user_id"),
                   sa.column("device_id"), sa.column("at", UTCDateTime()))
    entries = []
    for seq, row in enumerate(rows, start=first):
        row["server_seq"] = seq
        entries.append({"server_seq": seq, "table_name": "tasks", "row_id": row["id"], "version": 1,
                        "fields": fields, "user_id": None, "device_id": None, "at": now})
    for i in range(0, len(entries), BATCH):
        bind.execute(sa.insert(log), entries[i:i + BATCH])


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        summary.drop(bind)
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+): a batch copy of `cases` would lose its
    # expression indexes, which earlier downgrades drop by name.
    op.drop_column("cases", "open_tasks")
    op.drop_column("cases", "next_task_id")
    op.drop_index("ix_followups_case_open", table_name="followups")
    op.drop_table("calls")
    op.drop_table("tasks")
