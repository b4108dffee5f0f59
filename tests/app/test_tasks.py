"""A case holds many tasks (issue 16 item 1): finishing or cancelling one never touches
another; referrals and MDT each keep their own step; the worklist shows the work due first
and how many are open; the case's summary is derived by the database, whatever writes."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app import clock
from app.errors import ValidationError
from app.mdt import MdtService
from app.referrals import ReferralService
from app.tasks import TaskService
from app.worklist import Worklist
from db.models import Task
from tests.app.test_mdt import ALL
from tests.app.test_mdt import request as mdt_request
from tests.app.test_referrals import seed
from tests.app.test_referrals import up_form
from tests.app.work_of import open_tasks
from tests.app.work_of import summary
from ui.work_words import work_summary

TODAY = dt.date(2026, 11, 18)


@pytest.fixture
def world(profile):
    ids = seed(profile)  # clock pinned to Wednesday 2026-11-18, noon in China
    yield profile, ids
    clock.pin(None)


def test_three_tasks_survive_each_others_completion_and_cancellation(world):
    profile, ids = world
    tasks = TaskService(profile.store)
    case_id = ids["王五"][1]
    before = len(open_tasks(profile, case_id))
    a = tasks.add(case_id, "取病理切片会诊结果", TODAY + dt.timedelta(days=2))
    b = tasks.add_step(case_id, "nutrition_assessment", TODAY + dt.timedelta(days=5))
    c = tasks.add(case_id, "联系家属确认住院日期", TODAY + dt.timedelta(days=9))
    assert summary(profile, case_id)[1] == before + 3
    tasks.finish(b)
    with pytest.raises(ValidationError) as exc:  # a reason is asked for a cancellation
        tasks.cancel(a, "  ")
    assert exc.value.field == "close_note"
    tasks.cancel(a, "家属已自行取回")
    still = [w for w, _ in open_tasks(profile, case_id)]
    assert "联系家属确认住院日期" in still and "取病理切片会诊结果" not in still and "营养评估" not in still
    due, count, next_id = summary(profile, case_id)
    assert count == before + 1
    with pytest.raises(ValidationError) as exc:  # a closed task is history
        tasks.finish(a)
    assert exc.value.problem.code == "task.closed"
    with profile.sessions() as s:
        states = {t.id: t.state for t in s.scalars(select(Task).where(Task.id.in_([a, b, c])))}
    assert states == {a: "cancelled", b: "done", c: "open"}


def test_referrals_and_mdt_each_keep_their_own_step(world):
    """The issue's patient: a referral, an MDT booking, a second referral, the duplicate
    cancelled — the first referral's wait and the booked MDT both stay on the worklist."""
    profile, ids = world
    referrals, mdt = ReferralService(profile), MdtService(profile)
    pid, case_id = ids["王五"]
    first = referrals.save(up_form(referrals, ids, "王五"), send=True)
    mid = mdt_request(mdt, ids, checklist=ALL)
    mdt.book(mid, mdt.slots()[0].starts_at)
    second = referrals.save(up_form(referrals, ids, "王五"), send=True)
    referrals.cancel(second, "重复转诊")
    work = [w for w, _ in open_tasks(profile, case_id)]
    assert work.count("等待县肿瘤防治中心预约（24小时内）") == 1, work  # the first referral's, still open
    assert any(w.startswith("参加MDT会诊") for w in work)
    assert not any(w.startswith("转诊未成") for w in work)  # a cancel is the sender's own choice
    with profile.sessions() as s:
        by_source = {t.source_id: t.state for t in s.scalars(select(Task).where(Task.case_id == case_id))}
    assert (by_source[first], by_source[second], by_source[mid]) == ("open", "cancelled", "open")


def test_the_worklist_shows_the_work_due_first_and_how_many_are_open(world):
    profile, ids = world
    tasks = TaskService(profile.store)
    case_id = ids["张三"][1]
    tasks.add(case_id, "复印CT片", TODAY - dt.timedelta(days=30))
    tasks.add(case_id, "预约呼吸科门诊", TODAY + dt.timedelta(days=20))
    row = Worklist(profile.sessions).rows([case_id])[case_id]
    assert row.due_date == TODAY - dt.timedelta(days=30) and row.due_mark(TODAY) == "overdue"
    assert row.open_tasks == 3 and row.next_work.params == {"text": "复印CT片"}
    from ui import problem_words
    problem_words.set_language("zh_CN")
    try:
        assert work_summary(row.next_work, row.open_tasks) == "复印CT片（另2项）"
    finally:
        problem_words.set_language("en")
    assert work_summary(row.next_work, row.open_tasks) == "复印CT片 (+2)"


def test_a_pulled_case_row_cannot_bring_a_wrong_summary(world):
    """A pull writes the server's columns over the case row; the triggers put the summary back."""
    profile, ids = world
    case_id = ids["张三"][1]
    right = summary(profile, case_id)
    with profile.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE cases SET due_date = '2000-01-01', open_tasks = 0, next_task_id = NULL "
                             "WHERE id = ?", (case_id,))
    assert summary(profile, case_id) == right


def test_closing_a_case_cancels_its_tasks_and_refuses_new_ones(world):
    profile, ids = world
    from app.pathway.actions import close_case
    from db.models import Case
    case_id = ids["李四"][1]
    with profile.store.write() as tx:
        close_case(tx, tx.session.get(Case, case_id))
    assert open_tasks(profile, case_id) == [] and summary(profile, case_id)[1] == 0
    with pytest.raises(ValidationError) as exc:
        TaskService(profile.store).add(case_id, "回访", TODAY)
    assert exc.value.problem.code == "task.case_closed"
