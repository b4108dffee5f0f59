"""Referrals: the state machine with its refusals, a timeline event per change, field-level
validation with nothing half-saved, the down-referral's follow-up, and short-code lookup."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func
from sqlalchemy import select

from app import clock
from app.errors import ValidationError
from app.referrals import ReferralService
from app.referrals import states
from db.models import Case
from db.models import Followup
from db.models import OrgUnit
from db.models import OutboxEntry
from db.models import Patient
from db.models import Referral
from db.models import TimelineEvent
from db.models import User
from tests.app import worklist_data as data

NOON = data.NOON  # Wednesday 2026-11-18 12:00 in China
HOUR = dt.timedelta(hours=1)


def seed(profile) -> dict:
    """The worklist caseload, a county centre, a community point; addresses for the slip."""
    clock.pin(NOON)
    ids = data.load(profile)
    with profile.sessions.begin() as s:
        centre = OrgUnit(kind="centre", code="C01", name="县肿瘤防治中心", address="人民路1号", phone="0574-87000001")
        point = OrgUnit(kind="community_point", code="S0-P1", name="金桥社区防治点", parent_id=ids["stations"][0])
        s.add_all([centre, point])
        s.flush()
        doctor = User(username="ward01", display_name="吴医生", role="ward_cm", org_unit_id=centre.id, phone="13811112222")
        s.add(doctor)
        s.flush()
        ids.update(centre=centre.id, point=point.id, ward=doctor.id)
        for n, name in enumerate(("张三", "李四", "王五")):
            p = s.get(Patient, ids[name][0])
            p.community_id, p.address = point.id, f"新城街道金桥社区{n + 1}幢"
        me = s.get(User, ids["me"])
        me.phone = "13900001111"
    profile.store.user_id = ids["me"]
    return ids


@pytest.fixture
def world(profile):
    ids = seed(profile)
    yield profile, ids, ReferralService(profile)
    clock.pin(None)


def up_form(service, ids, name="张三", **changes):
    form, _ = service.prefill(ids[name][0], "up")
    form.reason = "低剂量CT示右肺上叶磨玻璃结节 9 mm"
    for key, value in changes.items():
        setattr(form, key, value)
    return form


def events(profile, rid):
    with profile.sessions() as s:
        return list(s.scalars(select(TimelineEvent).where(TimelineEvent.ref_id == rid)
                              .order_by(TimelineEvent.occurred_at, TimelineEvent.id)))


def get(profile, rid):
    with profile.sessions() as s:
        return s.get(Referral, rid)


def advance(hours: float) -> None:
    clock.pin(clock.now() + dt.timedelta(hours=hours))


def test_prefill_fills_patient_route_summary_and_contact(world):
    profile, ids, service = world
    form, findings = service.prefill(ids["张三"][0], "up")
    assert (form.from_org_id, form.to_org_id) == (ids["stations"][0], ids["centre"])
    assert form.case_id == ids["张三"][1] and form.contact_person == "陈敏 13900001111"
    assert form.clinical_summary.startswith("66岁男，肺癌路径，筛查阶段")
    down, _ = service.prefill(ids["李四"][0], "down")
    assert (down.from_org_id, down.to_org_id) == (ids["centre"], ids["stations"][1])


def test_full_loop_writes_one_timeline_event_per_change(world):
    profile, ids, service = world
    rid = service.save(up_form(service, ids, green_channel=True))
    service.send(rid)
    for step in (service.receive, service.accept):
        advance(1)
        step(rid)
    service.schedule(rid, clock.now() + 20 * HOUR, "一体化门诊3楼")
    service.mark_seen(rid)
    assert service.close(rid) is None  # an up-referral makes no community follow-up
    trail = events(profile, rid)
    assert [e.data["action"] for e in trail] == ["draft", "send", "receive", "accept", "schedule", "seen", "close"]
    assert all(e.kind == "referral" for e in trail)
    assert trail[1].title == "发出上转单：新城街道工作站 → 县肿瘤防治中心（绿色通道）"
    assert trail[4].data["late"] is False and trail[4].data["hours_to_schedule"] == 2.0
    ref = get(profile, rid)
    assert ref.state == "closed" and ref.urgency == "urgent" and ref.closed_at == clock.now()
    with profile.sessions() as s:  # each change went through the store: outbox rows for all
        assert s.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.row_id == rid)) == 7


@pytest.mark.parametrize("state,action,words", [
    ("draft", "receive", "尚未发送"),
    ("sent", "schedule", "尚未接收"),
    ("received", "close", "现在可以：接受、拒绝、取消"),
    ("closed", "cancel", "转诊单已关闭，不能再取消"),
    ("rejected", "accept", "已拒绝"),
])
def test_forbidden_transitions_are_refused_with_the_reason(state, action, words):
    reason = states.refusal(state, action)
    assert reason is not None and words in reason, reason


def test_allowed_transitions_follow_the_issue():
    assert states.actions("draft") == ["send", "cancel"]
    assert states.actions("received") == ["accept", "reject", "cancel"]
    assert states.actions("scheduled") == ["schedule", "seen", "cancel"]
    assert states.actions("closed") == [] and states.actions("cancelled") == []
    assert all("cancel" in states.actions(s) for s in states.OPEN)


def test_a_refused_step_changes_nothing(world):
    profile, ids, service = world
    rid = service.save(up_form(service, ids))
    with pytest.raises(ValidationError) as exc:
        service.mark_seen(rid)
    assert exc.value.field == "state" and "草稿" in str(exc.value)
    assert get(profile, rid).state == "draft" and len(events(profile, rid)) == 1


def test_reject_and_cancel_need_a_reason(world):
    profile, ids, service = world
    rid = service.save(up_form(service, ids), send=True)
    service.receive(rid)
    with pytest.raises(ValidationError) as exc:
        service.reject(rid, "  ")
    assert exc.value.field == "state_reason"
    service.reject(rid, "资料不全，请补充影像报告")
    ref = get(profile, rid)
    assert (ref.state, ref.state_reason) == ("rejected", "资料不全，请补充影像报告")
    with profile.sessions() as s:
        case = s.get(Case, ids["张三"][1])
    assert case.next_action.startswith("转诊未成（资料不全")
    other = service.save(up_form(service, ids))
    service.cancel(other, "患者拒绝转诊")
    assert get(profile, other).state == "cancelled"


@pytest.mark.parametrize("change,field,words", [
    ({"to_org_id": "00000000-0000-7000-8000-000000000000"}, "to_org_id", "未知的接诊机构"),
    ({"to_org_id": None}, "to_org_id", "请选择接诊机构"),
    ({"reason": "   "}, "reason", "请填写转诊原因"),
    ({"direction": "down"}, "to_org_id", "下转应转往社区"),
    ({"findings": ["00000000-0000-7000-8000-000000000001"]}, "findings", "不在该患者的时间线上"),
    ({"reason": "很" * 1001}, "reason", "最多1000字"),
])
def test_bad_fields_get_a_field_level_message_and_nothing_is_saved(world, change, field, words):
    profile, ids, service = world
    form = up_form(service, ids, **change)
    with pytest.raises(ValidationError) as exc:
        service.save(form, send=True)
    assert exc.value.field == field and words in str(exc.value)
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 2  # the caseload's two
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_a_scheduled_date_in_the_past_is_refused_next_to_the_field(world):
    profile, ids, service = world
    rid = service.save(up_form(service, ids), send=True)
    service.receive(rid)
    service.accept(rid)
    for at, place, field in ((clock.now() - HOUR, "门诊", "scheduled_at"), (clock.now() + HOUR, " ", "scheduled_place")):
        with pytest.raises(ValidationError) as exc:
            service.schedule(rid, at, place)
        assert exc.value.field == field
    assert get(profile, rid).state == "accepted"


def test_down_referral_close_creates_the_community_followup(world):
    profile, ids, service = world
    form, _ = service.prefill(ids["李四"][0], "down")
    form.reason = "术后康复期，转社区随访"
    rid = service.save(form, send=True)
    service.receive(rid)
    service.accept(rid)
    service.schedule(rid, clock.now() + 3 * HOUR, "老街街道工作站")
    service.mark_seen(rid)
    fid = service.close(rid, "社区已接收")
    with profile.sessions() as s:
        f = s.get(Followup, fid)
        case = s.get(Case, ids["李四"][1])
        closing = s.scalars(select(TimelineEvent).where(TimelineEvent.ref_id == rid,
                                                        TimelineEvent.title.like("%闭环%"))).one()
    assert f.status == "planned" and f.method == "home" and f.assignee_id == ids["other"]
    assert f.due_date == dt.date(2026, 11, 25)  # a week later, a Wednesday: a working day
    assert (case.next_action, case.due_date) == ("社区首次随访（下转后）", f.due_date)
    assert closing.data["followup_id"] == fid


def test_short_code_lookup_is_local_and_forgiving(world):
    profile, ids, service = world
    rid = service.save(up_form(service, ids), send=True)
    code = get(profile, rid).short_code
    found = service.find_by_code(f" {code[:3].lower()}-{code[3:]} ")
    assert found.id == rid and found.patient_name == "张三" and found.to_org == "县肿瘤防治中心"
    assert service.find_by_code("ZZZZZZ") is None
    with pytest.raises(ValidationError) as exc:
        service.find_by_code("12")
    assert exc.value.field == "code"


def test_only_a_draft_can_be_edited(world):
    profile, ids, service = world
    rid = service.save(up_form(service, ids))
    form = service.get(rid).form()
    form.requested_exams = "增强CT"
    service.save(form, rid)
    assert [e.data["action"] for e in events(profile, rid)] == ["draft", "edit"]
    service.send(rid)
    with pytest.raises(ValidationError):
        service.save(form, rid)


def test_the_shared_rules_hold_a_referral_to_one_step_at_a_time():
    from app import rules
    assert rules.check("referrals", {"state": "draft"}, None) == []
    assert rules.check("referrals", {"state": "sent"}, None) == [
        ("state", "a new referral starts as a draft, not 'sent'")]
    assert rules.check("referrals", {"state": "received"}, {"state": "sent"}) == []
    assert rules.check("referrals", {"state": "scheduled"}, {"state": "scheduled"}) == []  # 改约
    assert rules.check("referrals", {"state": "cancelled"}, {"state": "received"}) == []
    (field, why), = rules.check("referrals", {"state": "scheduled"}, {"state": "sent"})
    assert field == "state" and "接诊机构尚未接收" in why
    (field, why), = rules.check("referrals", {"state": "sent"}, {"state": "closed"})
    assert "cannot change any more" in why
    assert rules.check("referrals", {"reason": "更新"}, {"state": "closed"}) == []  # no state change
