"""The outbox lists conflicts first, then refused changes, then what is simply waiting
(#17 item 4): the one conflict among hundreds is at the top, not row 677 of 677."""
from __future__ import annotations

from sqlalchemy import update

from app.tasks import TaskService
from db.models import OutboxEntry
from tests.app import worklist_data as data
from ui.sync.outbox_model import OutboxModel


def test_conflicts_then_refused_then_waiting(qtbot, profile, qtmodeltester):
    ids = data.load(profile)
    tasks = TaskService(profile.store)
    for n in range(6):
        tasks.add(ids["张三"][1], f"第{n}项", None)
    with profile.sessions.begin() as s:
        seqs = sorted(s.scalars(OutboxEntry.__table__.select().with_only_columns(OutboxEntry.seq)))
        s.execute(update(OutboxEntry).where(OutboxEntry.seq == seqs[-1]).values(status="conflict"))
        s.execute(update(OutboxEntry).where(OutboxEntry.seq == seqs[-2]).values(status="rejected"))
    model = OutboxModel(profile)
    model.reload()
    qtmodeltester.check(model)
    statuses = [model.item(r).status for r in range(model.rowCount())]
    assert statuses[:2] == ["conflict", "rejected"] and set(statuses[2:]) == {"pending"}
    pending = [model.item(r).seq for r in range(2, model.rowCount())]
    assert pending == sorted(pending)  # oldest first within a kind
