"""Referrals: the state machine with its refusals, a timeline event per change, field-level
validation with nothing half-saved, the down-referral's follow-up, and short-code lookup."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func
from sqlalchemy import select

from app import clock
from app import rulebook
from app.errors import ValidationError
from app.problems import Problem
from app.referrals import ReferralService
from app.referrals import states
from app.rulebook import referrals as referral_rules
from db.models import Case
from db.models import Followup
from db.models import OrgUnit
from db.models import OutboxEntry
from db.models import Patient
from db.models import Referral
from db.models import TimelineEvent
from db.models import User
from tests.app import worklist_data as data
from tests.app.work_of import open_tasks
from ui import problem_words
from ui.timeline_words import event_title

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


class acting_as:  # noqa: N801 - reads as a statement: `with acting_as(profile, ids["ward"]):`
    """The receiving side's steps are taken by someone who works there (the rule book checks)."""

    def __init__(self, profile, user_id):
        self.store, self.user_id = profile.store, user_id

    def __enter__(self):
        self.before, self.store.user_id = self.store.user_id, self.user_id

    def __exit__(self, *exc):
        self.store.user_id = self.before


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
    with acting_as(profile, ids["ward"]):  # the county centre receives and gives the date
        for step in (service.receive, service.accept):
            advance(1)
            step(rid)
        service.schedule(rid, clock.now() + 20 * HOUR, "一体化门诊3楼")
        service.mark_seen(rid)
    assert service.close(rid) is None  # an up-referral makes no community follow-up
    trail = events(profile, rid)
    assert [e.data["action"] for e in trail] == ["draft", "send", "receive", "accept", "schedule", "seen", "close"]
    assert all(e.kind == "referral" for e in trail)
    sent = trail[1]
    assert (sent.title_code, sent.title_args) == ("timeline.referral.sent_green", {
        "direction": "up", "from_org": "新城街道工作站", "to_org": "县肿瘤防治中心"})
    assert event_title(sent, "zh_CN") == "发出上转单：新城街道工作站 → 县肿瘤防治中心（绿色通道）"
    assert event_title(sent, "en") == "Up-referral sent: 新城街道工作站 → 县肿瘤防治中心 (green channel)"
    # Every step's title is a code: the English window shows no Chinese words, only names.
    names = ("新城街道工作站", "县肿瘤防治中心", "一体化门诊3楼")
    for e in trail:
        assert e.title == "" and e.title_code.startswith("timeline.referral.")
        english = event_title(e, "en")
        for name in names:
            english = english.replace(name, "")
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in english), english
    schedule = trail[4]
    assert schedule.title_code == "timeline.referral.scheduled" and schedule.title_args["place"] == "一体化门诊3楼"
    assert event_title(schedule, "zh_CN").startswith("预约就诊：")
    assert event_title(trail[-1], "en") == "Up-referral closed: the referral loop is complete"
    assert event_title(trail[-1], "zh_CN") == "上转闭环：转诊已关闭"
    assert trail[4].data["late"] is False and trail[4].data["hours_to_schedule"] == 2.0
    ref = get(profile, rid)
    assert ref.state == "closed" and ref.urgency == "urgent" and ref.closed_at == clock.now()
    with profile.sessions() as s:  # each change went through the store: outbox rows for all
        assert s.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.row_id == rid)) == 7


@pytest.mark.parametrize("state,action,code,zh", [
    ("draft", "receive", "referral.step_first", "请先发送"),
    ("sent", "schedule", "referral.step_first", "请先接收"),
    ("received", "close", "referral.step_order", "现在可以：接受、拒绝、取消"),
    ("closed", "cancel", "referral.final", "转诊单已是「已关闭」，不能再取消"),
    ("rejected", "accept", "referral.final", "已拒绝"),
])
def test_forbidden_transitions_are_refused_with_the_reason(state, action, code, zh):
    problem = referral_rules.refusal(state, action)
    assert problem is not None and problem.code == code and problem.field == "state"
    assert zh in problem_words.words(problem, "zh_CN")
    english = problem_words.words(problem, "en")
    assert action in english and not any("\u4e00" <= ch <= "\u9fff" for ch in english)


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
    assert exc.value.field == "state" and exc.value.problem.code == "referral.step_order"
    assert "草稿" in problem_words.say(exc.value, "zh_CN")
    assert get(profile, rid).state == "draft" and len(events(profile, rid)) == 1


def test_reject_and_cancel_need_a_reason(world):
    profile, ids, service = world
    rid = service.save(up_form(service, ids), send=True)
    with acting_as(profile, ids["ward"]):
        service.receive(rid)
        with pytest.raises(ValidationError) as exc:
            service.reject(rid, "  ")
        assert exc.value.field == "state_reason"
        service.reject(rid, "资料不全，请补充影像报告")
    ref = get(profile, rid)
    assert (ref.state, ref.state_reason) == ("rejected", "资料不全，请补充影像报告")
    with profile.sessions() as s:
        case = s.get(Case, ids["张三"][1])
    assert [w for w, _ in open_tasks(profile, case.id) if w.startswith("转诊")] == [
        "转诊未成（资料不全，请补充影像报告），请重新安排"]  # the wait for booking is over
    other = service.save(up_form(service, ids))
    service.cancel(other, "患者拒绝转诊")
    assert get(profile, other).state == "cancelled"


@pytest.mark.parametrize("change,field,code,zh", [
    ({"to_org_id": "00000000-0000-7000-8000-000000000000"}, "to_org_id", "referral.unknown_org", "不在本机的机构目录中"),
    ({"to_org_id": None}, "to_org_id", "referral.choose_org", "请选择接诊机构"),
    ({"reason": "   "}, "reason", "referral.reason_required", "请填写转诊原因"),
    ({"direction": "down"}, "to_org_id", "referral.direction_level", "下转应转往社区"),
    ({"findings": ["00000000-0000-7000-8000-000000000001"]}, "findings", "referral.finding_not_on_timeline",
     "不在该患者的时间线上"),
    ({"reason": "很" * 1001}, "reason", "field.too_long", "最多 1000 个字"),
])
def test_bad_fields_get_a_field_level_message_and_nothing_is_saved(world, change, field, code, zh):
    profile, ids, service = world
    form = up_form(service, ids, **change)
    with pytest.raises(ValidationError) as exc:
        service.save(form, send=True)
    problem = next(p for p in exc.value.problems if p.field == field)
    assert problem.code == code and zh in problem_words.words(problem, "zh_CN")
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 2  # the caseload's two
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_a_scheduled_date_in_the_past_is_refused_next_to_the_field(world):
    profile, ids, service = world
    rid = service.save(up_form(service, ids), send=True)
    with acting_as(profile, ids["ward"]):
        service.receive(rid)
        service.accept(rid)
        for at, place, field in ((clock.now() - HOUR, "门诊", "scheduled_at"),
                                 (clock.now() + HOUR, " ", "scheduled_place")):
            with pytest.raises(ValidationError) as exc:
                service.schedule(rid, at, place)
            assert exc.value.field == field
    assert get(profile, rid).state == "accepted"


def test_down_referral_close_creates_the_community_followup(world):
    profile, ids, service = world
    profile.store.user_id = ids["ward"]  # the county centre sends the patient home (下转)
    form, _ = service.prefill(ids["李四"][0], "down")
    form.reason = "术后康复期，转社区随访"
    form.discharge_summary, form.rehab_instructions = "术后第7天出院", "每日步行30分钟"
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
                                                        TimelineEvent.title_code == "timeline.referral.closed_note")).one()
    assert f.status == "planned" and f.method == "home" and f.assignee_id == ids["other"]
    assert f.due_date == dt.date(2026, 11, 25)  # a week later, a Wednesday: a working day
    assert case.open_tasks == 2 and case.due_date <= f.due_date  # the home visit joins the case's work
    assert closing.data["followup_id"] == fid
    assert (closing.title_args["direction"], closing.title_args["note"]) == ("down", "社区已接收")
    assert event_title(closing, "zh_CN") == "下转闭环：转诊已关闭（社区已接收）"
    assert event_title(closing, "en") == "Down-referral closed: the referral loop is complete (社区已接收)"


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
    form.requested_exams = "PET-CT"
    with pytest.raises(ValidationError) as exc:
        service.save(form, rid)
    assert exc.value.problem.code == "referral.not_a_draft"


class NoLookup:
    def org(self, unit_id):
        return None

    def events_of_patient(self, patient_id, ids):
        return set()

    def now(self):
        return clock.now()


def test_the_rule_book_holds_a_referral_to_one_step_at_a_time():
    base = {"direction": "up", "urgency": "routine", "reason": "结节", "from_org_id": None, "to_org_id": None}

    def codes(before, after):
        found = referral_rules.check(before, after, None, NoLookup())
        return [p.code for p in found if p.code not in ("referral.unknown_org", "referral.choose_org")]

    assert codes(None, {**base, "state": "draft"}) == []
    assert codes(None, {**base, "state": "sent"}) == ["referral.starts_as_draft"]
    assert codes({**base, "state": "sent"}, {**base, "state": "received"}) == []
    assert codes({**base, "state": "received"}, {**base, "state": "cancelled", "state_reason": "x"}) == []
    assert codes({**base, "state": "sent"}, {**base, "state": "scheduled"}) == ["referral.step_first"]
    assert codes({**base, "state": "closed"}, {**base, "state": "sent"}) == ["referral.final"]
    assert codes({**base, "state": "closed"}, {**base, "state": "closed", "reason": "更新"}) == ["referral.not_a_draft"]


def test_the_issues_referral_passes_no_longer():
    """The issue's example: `rules.check` once found nothing wrong; the form refused all four."""
    problems = rulebook.check("referrals", None, {"direction": "down", "green_channel": True, "reason": "",
                                                  "urgency": "whatever", "state": "draft"}, None, NoLookup())
    assert {(p.code, p.field) for p in problems} >= {
        ("field.not_allowed", "urgency"), ("referral.reason_required", "reason"),
        ("referral.choose_org", "from_org_id"), ("referral.choose_org", "to_org_id")}


def test_the_receiving_side_receives_and_the_sending_side_sends(world):
    profile, ids, service = world
    rid = service.save(up_form(service, ids), send=True)  # the street station sends up
    assert service.allowed_actions(rid) == ["cancel"]  # the station cannot receive its own referral
    with pytest.raises(ValidationError) as exc:
        service.receive(rid)
    assert exc.value.problem == Problem("referral.not_your_side", "state", {"action": "receive", "side": "to"})
    assert "只有接诊机构可以接收" in problem_words.say(exc.value, "zh_CN")
    with acting_as(profile, ids["ward"]):
        assert service.allowed_actions(rid) == ["receive", "cancel"]
        service.receive(rid)
    assert get(profile, rid).state == "received"


def test_a_community_case_manager_cannot_send_from_the_hospital(world):
    profile, ids, service = world
    form, _ = service.prefill(ids["李四"][0], "down")  # from the centre: not this person's to send
    form.reason = "术后康复"
    with pytest.raises(ValidationError) as exc:
        service.save(form, send=True)
    assert exc.value.problem.code == "referral.not_your_side" and exc.value.field == "from_org_id"
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_coded_findings_are_worded_in_the_detail_and_in_chinese_in_the_summary(world):
    profile, ids, service = world
    pid = ids["张三"][0]
    with profile.sessions.begin() as s:
        event = TimelineEvent(patient_id=pid, kind="screening", occurred_at=clock.now(), title="",
                              title_code="timeline.screening.risk", title_args={"cancer": "lung", "level": "high"})
        s.add(event)
        s.flush()
        eid = event.id
    form, found = service.prefill(pid, "up", words=lambda f: event_title(f, "zh_CN"))
    assert eid in form.findings and "肺癌风险评估：高危" in form.clinical_summary
    assert [event_title(f, "en") for f in found if f.event_id == eid] == ["Lung cancer risk assessment: high risk"]
    form.reason = "筛查高危"
    rid = service.save(form)
    (finding,) = [f for f in service.get(rid).findings if f.event_id == eid]
    assert event_title(finding, "en") == "Lung cancer risk assessment: high risk"
    assert event_title(finding, "zh_CN") == "肺癌风险评估：高危"
    assert eid in service.get(rid).form().findings
