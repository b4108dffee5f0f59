"""What a case's open work looks like to a reader: for tests of the services that open tasks."""
from __future__ import annotations

from sqlalchemy import select

from app.problems import Problem
from app.tasks import describe
from db.models import Case
from db.models import Task
from ui.problem_words import words


def open_tasks(profile, case_id: str, lang: str = "zh_CN") -> list[tuple[str, object]]:
    """(words, due date) of the case's open tasks, due first."""
    with profile.sessions() as s:
        tasks = s.scalars(select(Task).where(Task.case_id == case_id, Task.state == "open",
                                             Task.deleted_at.is_(None)))
        out = [(words(Problem(*describe(t.kind, t.title, t.args)[:1], None,
                              describe(t.kind, t.title, t.args)[1]), lang), t.due_date) for t in tasks]
    return sorted(out, key=lambda x: (x[1] is None, x[1] or 0, x[0]))


def summary(profile, case_id: str) -> tuple:
    """The case's derived summary: (earliest due date, open count, id of the item due first)."""
    with profile.sessions() as s:
        c = s.get(Case, case_id)
        return c.due_date, c.open_tasks, c.next_task_id
