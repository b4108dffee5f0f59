"""Calls with outcomes (app/calls.py): only a reached call is a contact; unanswered calls feed
the chase list through their follow-up; a call-back is a task on the case; bad input is
refused field by field with nothing written."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func
from sqlalchemy import select

from app import clock
from app.calls import CALL_OUTCOMES
from app.calls import CallService
from app.followups import FollowupService
from app.problems import ProblemError
from db.models import Call
from db.models import Case
from db.models import Followup
from db.models import Task
from db.models import TimelineEvent
from tests.app import worklist_data as data
from ui.problem_templates import calls as call_words
from ui.problem_words import say
from ui.timeline_words import event_title

TODAY = data.TODAY  # Wednesday 2026-11-18, clock at NOON (12:00 in China)
UTC = dt.timezone.utc


@pytest.fixture
def world(profile):
    clock.pin(data.NOON)
    ids = data.load(profile)
    profile.store.user_id = ids["me"]
    yield profile, ids, CallService.for_profile(profile), FollowupService(profile)
    profile.store.user_id = None
    clock.pin(None)


def case_of(profile, case_id) -> Case:
    with profile.sessions() as s:  # a fresh session: what the database derived, not a cached object
        return s.get(Case, case_id)


def later(minutes: int) -> None:
    clock.pin(clock.now() + dt.timedelta(minutes=minutes))


def test_an_unreached_call_is_no_contact_and_feeds_the_chase_list(world):
    profile, ids, calls, followups = world
    pid, cid = ids["张三"]
    fid = followups.create(pid, cid, TODAY - dt.timedelta(days=2), "phone", assignee_id=ids["me"])
    assert followups.ids("chase") == []
    first = calls.record(pid, "no_answer", followup_id=fid)
    assert (first.contact, first.followup_status, first.attempts) == (False, "planned", 1)
    assert case_of(profile, cid).last_contact_at is None  # an attempt is not a contact
    assert followups.ids("chase") == [fid]  # tried, not reached and late
    row = followups.rows([fid])[fid]
    assert (row.attempts, row.call_attempts, row.last_attempt_at) == (1, 1, data.NOON)
    assert row.phone == "138****1234"
    later(90)
    calls.record(pid, "switched_off", followup_id=fid)
    later(90)
    third = calls.record(pid, "invalid_number", followup_id=fid)
    # The pathway rules' chase threshold (3), as the calendar's "not reached" uses it.
    assert (third.followup_status, third.attempts) == ("missed", 3)
    row = followups.rows([fid])[fid]
    assert (row.status, row.attempts, row.call_attempts) == ("missed", 3, 3)
    assert row.last_attempt_at == data.NOON + dt.timedelta(minutes=180)
    assert calls.attempts([pid, ids["李四"][0]]) == {pid: (3, row.last_attempt_at), ids["李四"][0]: (0, None)}
    assert case_of(profile, cid).last_contact_at is None
    with profile.sessions() as s:
        event = s.get(TimelineEvent, third.event_id)
        call = s.get(Call, third.id)
    assert (event.kind, event.title, event.title_code, event.title_args) == (
        "call", "", "timeline.call.invalid_number", {"duration_s": None})
    assert (event.ref_table, event.ref_id, event.case_id) == ("calls", call.id, cid)
    assert (call.followup_id, call.case_id, call.caller_id, call.called_at) == (fid, cid, ids["me"], clock.now())
    assert event_title(event, "zh_CN") == "电话：空号"
    assert event_title(event, "en") == "Phone call: number not in use"


def test_a_reached_call_sets_the_last_contact_and_ends_the_run_of_attempts(world):
    profile, ids, calls, followups = world
    pid, cid = ids["李四"]
    calls.record(pid, "no_answer")
    calls.record(pid, "other_person", duration_s=40)  # someone picked up, but not the patient
    assert case_of(profile, cid).last_contact_at is None
    assert calls.attempts([pid])[pid] == (2, data.NOON)
    later(30)
    result = calls.record(pid, "connected", duration_s=185, notes="恢复良好，下周复查")
    assert result.contact and result.followup_status is None
    assert case_of(profile, cid).last_contact_at == clock.now()
    assert calls.attempts([pid])[pid] == (0, clock.now())
    with profile.sessions() as s:
        call = s.get(Call, result.id)
        event = s.get(TimelineEvent, result.event_id)
    assert (call.outcome, call.duration_s, call.notes) == ("connected", 185, "恢复良好，下周复查")
    assert (event.title_args, event.body) == ({"duration_s": 185}, "恢复良好，下周复查")
    assert event_title(event, "zh_CN") == "电话：接通"


def test_a_reached_call_for_a_follow_up_leaves_it_for_its_outcome(world):
    """Completing a follow-up needs its outcome (stable, symptoms …): the calendar asks that."""
    profile, ids, calls, followups = world
    pid, cid = ids["张三"]
    fid = followups.create(pid, cid, TODAY, "phone", assignee_id=ids["me"])
    result = calls.record(pid, "rescheduled", followup_id=fid)
    assert (result.contact, result.followup_status, result.attempts) == (True, "planned", 0)
    with profile.sessions() as s:
        assert s.get(Followup, fid).attempts == 0
    assert case_of(profile, cid).last_contact_at == clock.now()


def test_a_call_back_is_a_task_due_on_that_day_in_china(world):
    profile, ids, calls, _followups = world
    pid, cid = ids["王五"]
    before = case_of(profile, cid).open_tasks
    back = dt.datetime(2026, 11, 18, 17, 0, tzinfo=UTC)  # 01:00 on the 19th in China
    result = calls.record(pid, "no_answer", call_back_at=back, notes="晚上再打")
    assert case_of(profile, cid).open_tasks == before + 1
    with profile.sessions() as s:
        task = s.get(Task, result.task_id)
    assert (task.kind, task.case_id, task.due_date, task.state) == ("call_back", cid, dt.date(2026, 11, 19), "open")
    assert task.args == {"at": "2026-11-18T17:00:00+00:00"}
    assert (task.source_table, task.source_id, task.owner_id) == ("calls", result.id, ids["me"])


def test_bad_input_is_refused_with_its_field_and_nothing_is_written(world):
    profile, ids, calls, _followups = world
    pid, _cid = ids["张三"]
    cases = [
        (dict(outcome=None), "call.outcome_required", "outcome"),
        (dict(outcome="busy"), "field.not_allowed", "outcome"),
        (dict(outcome="no_answer", duration_s=30), "call.duration_unreached", "duration_s"),
        (dict(outcome="connected", duration_s=5 * 3600), "call.duration", "duration_s"),
        (dict(outcome="no_answer", call_back_at=data.NOON - dt.timedelta(minutes=1)), "call.call_back_in_past",
         "call_back_at"),
        (dict(outcome="no_answer", followup_id="00000000-0000-0000-0000-000000000000"), "record.not_found",
         "followup"),
    ]
    for kwargs, code, field in cases:
        with pytest.raises(ProblemError) as refused:
            calls.record(pid, **kwargs)
        assert (refused.value.problem.code, refused.value.problem.field) == (code, field), kwargs
    assert say(ProblemError(refused.value.problem), "zh_CN") != refused.value.problem.code
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Call)) == 0
        assert s.scalar(select(func.count()).select_from(TimelineEvent).where(TimelineEvent.kind == "call")) == 0


def test_a_patient_without_a_phone_cannot_be_called(world):
    profile, ids, calls, _followups = world
    pid, _cid = ids["赵_%六"]
    from db.models import Patient
    with profile.sessions.begin() as s:
        s.get(Patient, pid).phone = None
    with pytest.raises(ProblemError) as refused:
        calls.record(pid, "connected")
    assert (refused.value.problem.code, refused.value.problem.field) == ("call.no_phone", "phone")
    assert say(refused.value, "en") == "This patient has no phone number on record."


def test_every_outcome_has_a_title_in_both_languages():
    for outcome in CALL_OUTCOMES:
        code = f"timeline.call.{outcome}"
        assert code in call_words.ENGLISH
        zh = event_title(TimelineEvent(title="", title_code=code, title_args={"duration_s": None}), "zh_CN")
        assert zh.startswith("电话：") and zh != call_words.ENGLISH[code], outcome
