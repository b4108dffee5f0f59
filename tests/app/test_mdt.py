"""MDT requests: readiness, slots on working days with capacity, the decision's follow-on
actions on the case, and a timeline event for each change."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app import clock
from app.errors import CaseDeskError
from app.errors import ValidationError
from app.mdt import MdtService
from db.models import Case
from db.models import TimelineEvent
from tests.app.test_referrals import seed
from tests.app.work_of import open_tasks
from ui import problem_words
from ui.timeline_words import event_title

ALL = {k: True for k in ("pathology", "imaging", "staging", "labs", "consent")}


@pytest.fixture
def world(profile):
    ids = seed(profile)  # clock pinned to Wednesday 2026-11-18, noon in China
    yield profile, ids, MdtService(profile)
    clock.pin(None)


def request(service, ids, name="王五", checklist=None):
    pid, cid = ids[name]
    return service.request(pid, "胃窦癌 cT3N1M0，是否新辅助化疗后手术？", ["胃肠外科", "肿瘤内科", "影像科"],
                           checklist, case_id=cid)


def trail(profile, mid):
    with profile.sessions() as s:
        return [e.data["action"] for e in s.scalars(select(TimelineEvent).where(TimelineEvent.ref_id == mid)
                                                    .order_by(TimelineEvent.occurred_at, TimelineEvent.id))]


def test_request_is_checked_field_by_field(world):
    profile, ids, service = world
    pid, cid = ids["王五"]
    for question, specialties, field in (("  ", ["胃肠外科", "肿瘤内科"], "question"), ("分期？", ["胃肠外科"], "specialties")):
        with pytest.raises(ValidationError) as exc:
            service.request(pid, question, specialties, case_id=cid)
        assert exc.value.field == field
    with pytest.raises(ValidationError) as exc:
        service.request(pid, "分期？", ["胃肠外科", "肿瘤内科"], {"biopsy": True})
    assert exc.value.field == "checklist"


def test_readiness_gates_booking(world):
    profile, ids, service = world
    mid = request(service, ids, checklist={"pathology": True, "imaging": True})
    assert service.get(mid).missing == ["staging", "labs", "consent"]
    slot = service.slots()[0]
    with pytest.raises(ValidationError) as exc:
        service.book(mid, slot.starts_at)
    assert exc.value.field == "checklist" and "分期、化验、知情同意" in problem_words.say(exc.value, "zh_CN")
    assert service.update_checklist(mid, ALL) == "ready"
    service.book(mid, slot.starts_at)
    assert service.get(mid).state == "booked"
    assert trail(profile, mid) == ["request", "checklist", "book"]


def test_slots_follow_the_plan_on_working_days(world):
    profile, ids, service = world
    starts = [s.starts_at.astimezone() for s in service.slots(days=14)]
    assert {(d.isoweekday(), d.strftime("%H:%M")) for d in starts} == {(2, "14:00"), (4, "14:30")}
    assert starts[0].date() == dt.date(2026, 11, 19)  # Thursday: the next session after Wednesday noon
    clock.pin(dt.datetime(2026, 9, 29, 4, tzinfo=dt.timezone.utc))  # the National Day week
    october = [s.starts_at.astimezone().date() for s in service.slots(days=10)]
    assert dt.date(2026, 10, 1) not in october and dt.date(2026, 10, 6) not in october


def test_a_full_session_refuses_the_next_booking(world):
    profile, ids, service = world
    slot = next(s for s in service.slots() if s.online)  # capacity 4
    for _ in range(slot.capacity):
        service.book(request(service, ids, checklist=ALL), slot.starts_at)
    assert next(s for s in service.slots() if s.starts_at == slot.starts_at).free == 0
    extra = request(service, ids, "张三", checklist=ALL)
    with pytest.raises(ValidationError) as exc:
        service.book(extra, slot.starts_at)
    assert exc.value.field == "slot" and "已满" in problem_words.say(exc.value, "zh_CN")
    assert service.get(extra).state == "ready"
    with pytest.raises(ValidationError):
        service.book(extra, slot.starts_at + dt.timedelta(minutes=5))  # not a session


def test_decision_opens_a_task_for_each_step_of_the_plan(world):
    profile, ids, service = world
    mid = request(service, ids, checklist=ALL)
    session_at = service.slots()[0].starts_at
    service.book(mid, session_at)
    with pytest.raises(ValidationError) as exc:
        service.decide(mid, "homeopathy")
    assert exc.value.field == "plan"
    with pytest.raises(ValidationError) as exc:  # the panel has not met yet
        service.decide(mid, "neoadjuvant_then_surgery", "建议新辅助治疗")
    assert exc.value.problem.code == "mdt.decided_before_session" and service.get(mid).state == "booked"
    clock.pin(session_at + dt.timedelta(hours=1))
    actions = service.decide(mid, "neoadjuvant_then_surgery", "建议新辅助化疗联合免疫治疗2周期后再评估手术")
    assert [a for a, _ in actions] == ["新辅助化疗联合免疫治疗第1周期", "新辅助治疗2周期后影像评估", "外科评估并安排手术"]
    assert session_at.astimezone().date() == dt.date(2026, 11, 19)
    assert actions[0][1] == dt.date(2026, 11, 26)  # a week after the session
    with profile.sessions() as s:
        case = s.get(Case, ids["王五"][1])
        event = s.scalars(select(TimelineEvent).where(TimelineEvent.ref_id == mid,
                                                      TimelineEvent.data["action"].as_string() == "decide")).one()
    # Every step of the plan is a task of its own; attending the meeting is done.
    plan = [w for w, _ in open_tasks(profile, case.id) if w.startswith("MDT")]
    assert plan == ["MDT方案：新辅助化疗联合免疫治疗第1周期", "MDT方案：新辅助治疗2周期后影像评估",
                    "MDT方案：外科评估并安排手术"]
    assert ("MDT plan: first cycle of neoadjuvant chemo-immunotherapy", dt.date(2026, 11, 26)) in open_tasks(
        profile, case.id, "en")
    assert event.kind == "mdt" and event.data["plan"] == "neoadjuvant_then_surgery"
    # The panel typed its decision: the title shows it, the words around it are the reader's.
    assert (event.title_code, event.title_args["plan"]) == ("timeline.mdt.decided_text", "neoadjuvant_then_surgery")
    assert event_title(event, "zh_CN") == "MDT讨论：建议新辅助化疗联合免疫治疗2周期后再评估手术"
    assert event_title(event, "en") == "MDT decision: 建议新辅助化疗联合免疫治疗2周期后再评估手术"
    assert [a["text"] for a in event.data["actions"]][-1] == "外科评估并安排手术"
    view = service.get(mid)
    assert view.state == "decided" and view.decided_at == clock.now()
    with pytest.raises(ValidationError):
        service.cancel(mid, "重复")


def test_cancel_needs_a_reason(world):
    profile, ids, service = world
    mid = request(service, ids)
    with pytest.raises(ValidationError) as exc:
        service.cancel(mid, "")
    assert exc.value.field == "reason"
    service.cancel(mid, "患者选择外院治疗")
    assert service.get(mid).state == "cancelled" and trail(profile, mid) == ["request", "cancel"]


def test_a_broken_session_plan_is_told_in_the_readers_language(world):
    profile, ids, service = world
    plan = profile.path / "rules" / "mdt_sessions.toml"
    plan.parent.mkdir(exist_ok=True)
    plan.write_text('[[session]]\nweekday = 9\ntime = "14:00"\ncapacity = 6\nplace = "MDT门诊"\n', encoding="utf-8")
    with pytest.raises(CaseDeskError) as exc:
        service.slots()
    assert exc.value.problem.code == "mdt.sessions_file_invalid"
    assert problem_words.say(exc.value, "en") == (
        f"{plan}: every MDT session needs a weekday from 1 to 7 and a capacity of at least 1, and the plan at "
        "least one session.")
    assert problem_words.say(exc.value, "zh_CN").startswith(f"{plan}：MDT时段文件有误")
    plan.write_text("[[session]\n", encoding="utf-8")
    with pytest.raises(CaseDeskError) as exc:
        service.slots()
    assert exc.value.problem.code == "mdt.sessions_file_unreadable"
    assert " / " not in problem_words.say(exc.value, "en") and "MDT时段文件无法读取" in problem_words.say(exc.value, "zh_CN")
