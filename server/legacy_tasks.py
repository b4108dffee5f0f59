"""A case's old "next action", pushed by a desktop still on schema 0007 (or queued on an 0008
desktop before its upgrade), kept as the case's legacy task (db/legacy_tasks.py).

From 0008 a case holds tasks; its `next_action` / `due_date` are no longer sent by an 0008
desktop. What an older desktop still sends there becomes the task with the id derived from
the case's — the same row migration 0008 made — so desktops on 0008 see the step as open
work: created when missing, rewritten when the step changes (and reopened), cancelled when
the step is emptied or the case is closed ("已结案…").

The task is the server's own write for the pusher: a change stamped with a sequence number
like the pushed row's (server/sequence.py), for the same patient and so within the same scope.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.sync.scope import Scope
from db.legacy_tasks import task_id
from db.legacy_tasks import task_values
from db.models import Followup
from db.models import Task

FIELDS = ("next_action", "due_date")  # the case's fields a desktop before 0008 sends
KEPT = ("patient_id", "kind", "title", "args", "due_date", "rule_id", "state", "closed_at")


def follow(session: Session, rows: dict, scope: Scope, case, before: dict | None, values: dict,
           user_id: str, device_id: str, now) -> list[tuple]:
    """The legacy task's change for a `cases` row just written from `values` (`before`: its
    columns before, None for an insert): [] or [(task, "tasks", fields, version)].
    `rows` is the batch's (table, id) → row map; a task made here joins it."""
    if not any(f in values and (before is None or before.get(f) != values[f]) for f in FIELDS):
        return []
    tid = task_id(case.id)
    task = rows.get(("tasks", tid))
    if task is None or task not in session:  # not made or loaded yet, or gone with a savepoint
        task = session.get(Task, tid, with_for_update=True)
    if task is not None and not scope.allows_patient(session, task.patient_id):
        return []  # a task of a patient out of the pusher's scope is not theirs to change
    wanted = None
    if case.closed_at is None and case.deleted_at is None:
        wanted = task_values(case.id, case.patient_id, case.next_action, case.due_date, _planned_days(session, case.id))
    if task is None:
        if wanted is None:
            return []
        task = Task(**wanted, closed_at=None, version=1, updated_at=now, updated_by=user_id, device_id=device_id)
        session.add(task)
        rows[("tasks", tid)] = task
        return [(task, "tasks", sorted(f for f in wanted if f != "id"), 1)]
    if wanted is not None:
        target = {**{f: wanted[f] for f in KEPT if f in wanted}, "state": "open", "closed_at": None}
    elif task.state == "open":
        target = {"state": "cancelled", "closed_at": now}
    else:
        return []  # nothing to carry over, and the task is already done or cancelled
    changed = sorted(f for f, v in target.items() if getattr(task, f) != v)
    if not changed:
        return []
    for field in changed:
        setattr(task, field, target[field])
    task.version += 1
    task.updated_at, task.updated_by, task.device_id = now, user_id, device_id
    return [(task, "tasks", changed, task.version)]


def _planned_days(session: Session, case_id: str) -> set:
    """The days of the case's follow-ups still planned: a step restating one is not copied."""
    return set(session.scalars(select(Followup.due_date).where(
        Followup.case_id == case_id, Followup.status.in_(("planned", "missed")), Followup.deleted_at.is_(None))))
