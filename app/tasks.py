"""A case's open work: tasks (db/models/clinical.py Task) beside its planned follow-ups.

Services open and close tasks inside their own write transaction with `open_task` and
`close_tasks`; a person adds, finishes, cancels, moves and hands over tasks through
`TaskService`. Finishing or cancelling one task never touches another. A task's words are a
code and parameters (`describe`), worded in the reader's language by ui/ ("work.*" problem
templates); a person's own task keeps the words they typed.

The case's summary (earliest due date, the item due first, how many are open) is derived by
the database (db/summary.py), so nothing here writes it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_
from sqlalchemy import or_
from sqlalchemy import select

from app import clock
from app.problems import Problem
from app.problems import refuse
from app.rulebook.work import TASK_KINDS  # noqa: F401 - part of this module's interface
from db.models import Case
from db.models import Followup
from db.models import Task
from db.models import User

OPEN, DONE, CANCELLED = "open", "done", "cancelled"
TITLE_MAX = 200
NOTE_MAX = 2000
FOLLOWUP_OPEN = ("planned",)  # as db/summary.py counts them; a missed one is on the chase list
MISSED = "missed"


@dataclass(frozen=True)
class WorkItem:
    """One piece of open (or closed) work as a list shows it: a task or a follow-up."""
    id: str
    table: str  # "tasks" / "followups"
    case_id: str | None
    kind: str  # a task kind, or "followup"
    code: str  # the words' code (ui/problem_templates/work.py)
    params: dict
    due_date: dt.date | None
    state: str  # open / done / cancelled (a follow-up: planned and missed are open)
    owner: str = ""
    closed_at: dt.datetime | None = None
    note: str = ""

    @property
    def is_open(self) -> bool:
        return self.state == OPEN


def describe(kind: str, title: str, args: dict | None) -> tuple[str, dict]:
    """A task's words as (code, parameters)."""
    args = dict(args or {})
    if kind in ("person", "legacy"):
        return "work.text", {"text": title}
    if kind == "stage":
        return f"work.stage.{args.get('stage')}", args
    if kind == "mdt" and "plan" in args:  # a step of the plan an MDT decided
        return "work.mdt_step", {**args, "step": f"{args['plan']}.{args.get('step', 0)}"}
    return f"work.{kind}" + (f".{args['step']}" if "step" in args else ""), args


def describe_followup(method: str, status: str, attempts: int) -> tuple[str, dict]:
    if status == "missed" or attempts:
        return "work.followup_chase", {"method": method, "attempts": attempts}
    return "work.followup", {"method": method}


def item_of_task(t: Task, owner: str = "") -> WorkItem:
    code, params = describe(t.kind, t.title, t.args)
    return WorkItem(t.id, "tasks", t.case_id, t.kind, code, params, t.due_date, t.state, owner,
                    t.closed_at, t.close_note or "")


def item_of_followup(f: Followup, owner: str = "") -> WorkItem:
    code, params = describe_followup(f.method, f.status, f.attempts or 0)
    state = {"planned": OPEN, "done": DONE, MISSED: MISSED}.get(f.status, CANCELLED)
    return WorkItem(f.id, "followups", f.case_id, "followup", code, params, f.due_date, state, owner,
                    f.completed_at)


# -- inside another service's write transaction ---------------------------------------------

def open_task(tx, case: Case | None, kind: str, due: dt.date | None, *, args: dict | None = None, title: str = "",
              source=None, owner_id: str | None = None, rule_id: str | None = None) -> Task | None:
    """A new open task on `case` (None when the case is closed: it holds no more work).
    `source`: the record that made it (a referral, an MDT request, a call …)."""
    if case is None or case.closed_at is not None or case.deleted_at is not None:
        return None
    return tx.add(Task(patient_id=case.patient_id, case_id=case.id, kind=kind, title=title[:TITLE_MAX],
                       args=args, due_date=due, owner_id=owner_id, rule_id=rule_id, state=OPEN,
                       source_table=source.__tablename__ if source is not None else None,
                       source_id=source.id if source is not None else None))


def close_tasks(tx, *, case_id: str | None = None, source_id: str | None = None,
                kinds: tuple[str, ...] | None = None, state: str = DONE, note: str | None = None) -> int:
    """Close the open tasks of a source (or of a case, of some kinds); returns how many."""
    q = select(Task).where(Task.state == OPEN, Task.deleted_at.is_(None))
    if source_id is not None:
        q = q.where(Task.source_id == source_id)
    if case_id is not None:
        q = q.where(Task.case_id == case_id)
    if kinds is not None:
        q = q.where(Task.kind.in_(kinds))
    n = 0
    for task in tx.session.scalars(q.order_by(Task.id)):
        tx.update(task, state=state, closed_at=clock.now(), close_note=(note or None) and note[:NOTE_MAX])
        n += 1
    return n


def replace_source_task(tx, case: Case | None, source, kind: str, due: dt.date | None, args: dict,
                        owner_id: str | None = None) -> Task | None:
    """The next step of one record (a referral, an MDT request): its earlier step is done."""
    close_tasks(tx, source_id=source.id)
    return open_task(tx, case, kind, due, args=args, source=source, owner_id=owner_id)


def first_invitation_task(patient_id: str, case_id: str, cancer: str, due, owner_id: str | None) -> dict:
    """The values of a newly listed resident's first screening invitation (bulk paths)."""
    return {"patient_id": patient_id, "case_id": case_id, "kind": "screening", "title": "",
            "args": {"cancer": cancer}, "due_date": due.date, "owner_id": owner_id, "state": OPEN,
            "rule_id": due.rule_id or "action-screen"}


# -- a person's own work ---------------------------------------------------------------------

class TaskService:
    def __init__(self, store):
        self.store = store

    def work_of_patient(self, patient_id: str, closed_days: int = 90) -> list[WorkItem]:
        """Every open task and follow-up of the patient's cases, most urgent first, then what
        was closed in the last `closed_days` days (newest first)."""
        since = clock.now() - dt.timedelta(days=closed_days)
        with self.store.sessions() as s:
            owners = dict(s.execute(select(User.id, User.display_name)).all())
            tasks = s.scalars(select(Task).where(
                Task.patient_id == patient_id, Task.deleted_at.is_(None),
                or_(Task.state == OPEN, Task.closed_at >= since)))
            items = [item_of_task(t, owners.get(t.owner_id, "")) for t in tasks]
            followups = s.scalars(select(Followup).where(
                Followup.patient_id == patient_id, Followup.deleted_at.is_(None),
                or_(Followup.status.in_(FOLLOWUP_OPEN), Followup.completed_at >= since,
                    and_(Followup.status == MISSED, Followup.updated_at >= since))))
            items += [item_of_followup(f, owners.get(f.assignee_id, "")) for f in followups]
        open_items = sorted((i for i in items if i.is_open),
                            key=lambda i: (i.due_date is None, i.due_date or dt.date.max, i.id))
        closed = sorted((i for i in items if not i.is_open),
                        key=lambda i: i.closed_at or clock.now(), reverse=True)
        return open_items + closed

    def add(self, case_id: str, title: str, due: dt.date | None, owner_id: str | None = None) -> str:
        title = (title or "").strip()
        if not title:
            raise refuse("field.required", "title")
        if len(title) > TITLE_MAX:
            raise refuse("field.too_long", "title", max=TITLE_MAX)
        with self.store.write() as tx:
            case = self._case(tx.session, case_id)
            task = open_task(tx, case, "person", due, title=title, owner_id=owner_id or self.store.user_id)
            assert task is not None  # _case refused a closed case
            return task.id

    def add_step(self, case_id: str, step: str, due: dt.date | None, owner_id: str | None = None) -> str:
        """A common care step (work.care.<step>) as a task."""
        with self.store.write() as tx:
            case = self._case(tx.session, case_id)
            task = open_task(tx, case, "care", due, args={"step": step}, owner_id=owner_id or self.store.user_id)
            assert task is not None  # _case refused a closed case
            return task.id

    def finish(self, task_id: str, note: str = "") -> None:
        self._close(task_id, DONE, note)

    def cancel(self, task_id: str, note: str) -> None:
        if not (note or "").strip():
            raise refuse("field.required", "close_note")
        self._close(task_id, CANCELLED, note)

    def move(self, task_id: str, due: dt.date | None) -> None:
        with self.store.write() as tx:
            task = self._open_task(tx.session, task_id)
            tx.update(task, due_date=due)

    def hand_over(self, task_id: str, owner_id: str | None) -> None:
        with self.store.write() as tx:
            task = self._open_task(tx.session, task_id)
            tx.update(task, owner_id=owner_id)

    def _close(self, task_id: str, state: str, note: str) -> None:
        note = (note or "").strip()
        if len(note) > NOTE_MAX:
            raise refuse("field.too_long", "close_note", max=NOTE_MAX)
        with self.store.write() as tx:
            task = self._open_task(tx.session, task_id)
            tx.update(task, state=state, closed_at=clock.now(), close_note=note or None)

    @staticmethod
    def _open_task(session, task_id: str) -> Task:
        task = session.get(Task, task_id)
        if task is None or task.deleted_at is not None:
            raise refuse("record.not_found", "task", table="tasks")
        if task.state != OPEN:
            raise refuse("task.closed", "state", state=task.state)
        return task

    @staticmethod
    def _case(session, case_id: str) -> Case:
        case = session.get(Case, case_id)
        if case is None or case.deleted_at is not None:
            raise refuse("record.not_found", "case", table="cases")
        if case.closed_at is not None:
            raise refuse("task.case_closed", "case")
        return case


__all__ = ["CANCELLED", "DONE", "OPEN", "Problem", "TaskService", "WorkItem", "close_tasks", "describe",
           "describe_followup", "item_of_followup", "item_of_task", "open_task", "replace_source_task"]
