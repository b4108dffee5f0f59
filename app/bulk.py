"""Work on many cases at once, from the worklist's selection: hand them to a case manager, or
give each a task. Each is ONE transaction through the write path (every row checked by the
rule book, its outbox entry and audit entry written): all the cases or none. Progress is
reported as (done, total); `should_stop` cancels, leaving nothing."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app.problems import refuse
from app.screening.reader import Cancelled
from app.tasks import open_task
from db.models import Case
from db.models import User

# The case-manager slot a person of each role fills (app/rulebook/cases.py checks it too).
SLOT_OF_ROLE = {"community_cm": "community_cm_id", "clinic_cm": "clinic_cm_id", "ward_cm": "ward_cm_id"}
PROGRESS_EVERY = 50
Progress = Callable[[int, int], None]


def assign(store, case_ids: list[str], user_id: str, progress: Progress | None = None,
           should_stop: Callable[[], bool] | None = None) -> int:
    """Make `user_id` the case manager of every case in `case_ids`, in the slot of their role.
    Returns how many cases changed (a case already theirs is left as it is)."""
    if not case_ids:
        raise refuse("bulk.nothing_selected", "cases")
    changed = 0
    with store.write() as tx:
        person = tx.session.get(User, user_id)
        if person is None or not person.active or person.role not in SLOT_OF_ROLE:
            raise refuse("bulk.not_a_case_manager", "user_id")
        slot = SLOT_OF_ROLE[person.role]
        for n, case_id in enumerate(case_ids, start=1):
            case = _open_case(tx.session, case_id)
            if tx.update(case, note="批量分派个案管理师", **{slot: user_id}):
                changed += 1
            _step(n, len(case_ids), progress, should_stop)
    return changed


def add_task(store, case_ids: list[str], step: str, due: dt.date | None, progress: Progress | None = None,
             should_stop: Callable[[], bool] | None = None) -> int:
    """Give every case in `case_ids` the care step `step` (a task of its own on each)."""
    if not case_ids:
        raise refuse("bulk.nothing_selected", "cases")
    with store.write() as tx:
        for n, case_id in enumerate(case_ids, start=1):
            open_task(tx, _open_case(tx.session, case_id), "care", due, args={"step": step},
                      owner_id=store.user_id)
            _step(n, len(case_ids), progress, should_stop)
    return len(case_ids)


def _open_case(session, case_id: str) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.deleted_at is not None:
        raise refuse("record.not_found", "cases", table="cases")
    if case.closed_at is not None:
        raise refuse("task.case_closed", "cases")
    return case


def _step(n: int, total: int, progress: Progress | None, should_stop) -> None:
    if n % PROGRESS_EVERY and n != total:
        return
    if should_stop is not None and should_stop():
        raise Cancelled.coded("bulk.cancelled")
    if progress is not None:
        progress(n, total)
