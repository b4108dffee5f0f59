"""Follow-up work: completing with the next date proposed, outcomes that act (referral
draft, closing the case), attempts and the chase list, refused dates, rescheduling."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func
from sqlalchemy import select

from app import clock
from app.errors import ValidationError
from app.followups import Completion
from app.followups import FollowupService
from app.followups import Scope
from db.models import Case
from db.models import Followup
from db.models import OrgUnit
from db.models import OutboxEntry
from db.models import Referral
from db.models import TimelineEvent
from tests.app import worklist_data as data
from tests.app.work_of import open_tasks
from ui import due_words
from ui.timeline_words import event_body
from ui.timeline_words import event_title

TODAY = data.TODAY  # Wednesday 2026-11-18


def seed(profile) -> dict:
    """The worklist caseload plus the county centre referrals go to; clock pinned to TODAY."""
    clock.pin(data.NOON)
    ids = data.load(profile)
    with profile.sessions.begin() as s:
        centre = OrgUnit(kind="centre", code="C01", name="县肿瘤防治中心")
        s.add(centre)
        s.flush()
        ids["centre"] = centre.id
    profile.store.user_id = ids["me"]
    return ids


@pytest.fixture
def world(profile):
    ids = seed(profile)
    yield profile, ids, FollowupService(profile)
    clock.pin(None)


def planned(service, ids, name, day, method="phone"):
    pid, cid = ids[name]
    return service.create(pid, cid, day, method, assignee_id=ids["me"])


def get(profile, model, row_id):
    with profile.sessions() as s:
        return s.get(model, row_id)


def test_completing_proposes_the_next_date_from_the_schedule(world):
    profile, ids, service = world
    fid = planned(service, ids, "李四", TODAY)  # colorectal, rehab
    proposal = service.propose(fid, "stable")
    assert proposal.rule_id == "rehab-colorectal" and "rehab-colorectal v2026.1" in due_words.explain(proposal, "zh_CN")
    result = service.complete(fid, Completion(method="phone", reached=True, outcome="stable", notes="恢复良好"))
    assert result.status == "done" and result.next_date == proposal.date
    done, nxt = get(profile, Followup, fid), get(profile, Followup, result.next_id)
    assert (done.status, done.outcome, done.reached, done.attempts) == ("done", "stable", True, 1)
    assert nxt.status == "planned" and nxt.rule_id == "rehab-colorectal" and nxt.due_date > TODAY
    case = get(profile, Case, ids["李四"][1])
    # The next follow-up is the case's open work beside its earlier care step, not in its place.
    assert ("康复期随访" not in [w for w, _ in open_tasks(profile, case.id)]) and case.open_tasks == 2
    assert case.due_date == min(nxt.due_date, open_tasks(profile, case.id)[0][1]) and case.last_contact_at is not None
    with profile.sessions() as s:
        (event,) = s.scalars(select(TimelineEvent).where(TimelineEvent.ref_id == fid)).all()
    assert (event.title_code, event.title_args) == ("timeline.followup.done", {
        "method": "phone", "outcome": "stable", "label": "病情稳定"})
    assert event_title(event, "zh_CN") == "电话随访：病情稳定"
    assert event_title(event, "en") == "Follow-up by phone: stable"


def test_the_person_may_change_the_proposed_date(world):
    profile, ids, service = world
    fid = planned(service, ids, "李四", TODAY)
    chosen = dt.date(2027, 1, 20)
    result = service.complete(fid, Completion("clinic", True, "stable", next_date=chosen, next_method="home"))
    nxt = get(profile, Followup, result.next_id)
    # The notes stay the person's; the completion's event says the date was theirs, in the reader's words.
    assert (nxt.due_date, nxt.method) == (chosen, "home") and nxt.notes is None
    with profile.sessions() as s:
        (event,) = s.scalars(select(TimelineEvent).where(TimelineEvent.ref_id == fid)).all()
    proposed = event.data["proposed_date"]
    assert event.data["next_date"] == "2027-01-20" and proposed != "2027-01-20" and event.body is None
    assert event_body(event, "zh_CN") == f"下次随访 2027-01-20，由本人手动设定（规则建议 {proposed}）"
    assert event_body(event, "en") == f"Next follow-up on 2027-01-20, a date set by hand (the rules proposed {proposed})"


def test_an_unreached_call_writes_no_words_of_the_software_into_the_notes(world):
    profile, ids, service = world
    fid = planned(service, ids, "李四", TODAY)
    service.complete(fid, Completion("phone", False))
    service.complete(fid, Completion("phone", False, notes="空号？"))
    f = get(profile, Followup, fid)
    assert (f.attempts, f.notes) == (2, "空号？")  # the attempts are counted, and on the timeline


def test_recurrence_suspected_opens_a_referral_draft(world):
    profile, ids, service = world
    profile.store.user_id = ids["other"]  # 李四 is at the other station: its case manager drafts from there
    fid = planned(service, ids, "李四", TODAY)
    result = service.complete(fid, Completion("phone", True, "recurrence_suspected", notes="CEA升高，腹部不适"))
    referral = get(profile, Referral, result.referral_id)
    assert referral.state == "draft" and referral.direction == "up" and referral.green_channel
    assert (referral.from_org_id, referral.to_org_id) == (ids["stations"][1], ids["centre"])
    assert referral.clinical_summary == "CEA升高，腹部不适" and len(referral.short_code) == 6
    nxt = get(profile, Followup, result.next_id)
    assert nxt.method == "clinic" and nxt.due_date == result.proposal.date
    assert ("疑似复发：审核并发送转诊单", TODAY) in open_tasks(profile, ids["李四"][1])


def test_deceased_closes_the_case_and_cancels_what_was_planned(world):
    profile, ids, service = world
    fid = planned(service, ids, "李四", TODAY)
    later = planned(service, ids, "李四", dt.date(2027, 2, 1))
    assert service.propose(fid, "deceased") is None
    result = service.complete(fid, Completion("home", True, "deceased"))
    assert result.case_closed and result.next_id is None
    assert get(profile, Case, ids["李四"][1]).closed_at is not None
    assert get(profile, Followup, later).status == "cancelled"


def test_unanswered_attempts_lead_to_the_chase_list(world):
    profile, ids, service = world
    fid = planned(service, ids, "张三", TODAY - dt.timedelta(days=2))
    for n in (1, 2):
        result = service.complete(fid, Completion("phone", reached=False, notes=f"第{n}次无人接听"))
        assert (result.status, result.attempts) == ("planned", n)
    assert service.ids("chase") == [fid]  # tried, not reached and late
    result = service.complete(fid, Completion("phone", reached=False))
    assert (result.status, result.attempts) == ("missed", 3)
    assert service.rows([fid])[fid].attempts == 3
    with profile.sessions() as s:
        calls = s.scalars(select(TimelineEvent).where(TimelineEvent.ref_id == fid)
                          .order_by(TimelineEvent.occurred_at, TimelineEvent.id)).all()
    assert [e.title_code for e in calls] == ["timeline.followup.unreached"] * 2 + ["timeline.followup.unreached_chase"]
    assert event_title(calls[1], "zh_CN") == "电话随访未联系上（第2次）"
    assert event_title(calls[1], "en") == "Follow-up by phone: not reached (attempt 2)"
    assert event_title(calls[2], "zh_CN") == "电话随访未联系上（第3次），转主动追踪"
    assert calls[0].body == "第1次无人接听"  # what the person typed stays as typed
    # A later follow-up that reached the patient takes it off the list.
    other = planned(service, ids, "张三", TODAY)
    service.complete(other, Completion("phone", True, "stable"))
    assert service.ids("chase") == []


def test_dates_before_birth_or_more_than_ten_years_ahead_are_refused_at_the_field(world):
    profile, ids, service = world
    pid, cid = ids["张三"]  # born 1960-05-17
    with pytest.raises(ValidationError) as err:
        service.create(pid, cid, dt.date(1960, 5, 16))
    assert err.value.field == "due_date"
    with pytest.raises(ValidationError) as err:
        service.create(pid, cid, dt.date(2036, 11, 19))
    assert err.value.field == "due_date"
    assert service.create(pid, cid, dt.date(2036, 11, 18))  # exactly ten years is fine
    fid = planned(service, ids, "张三", TODAY)
    with pytest.raises(ValidationError) as err:
        service.complete(fid, Completion("phone", True, "stable", next_date=dt.date(1950, 1, 1)))
    assert err.value.field == "next_date"
    assert get(profile, Followup, fid).status == "planned"  # nothing of the completion was written
    with pytest.raises(ValidationError) as err:
        service.reschedule(fid, dt.date(2040, 1, 1))
    assert err.value.field == "due_date"


def test_reschedule_moves_the_date_and_records_it(world):
    profile, ids, service = world
    fid = planned(service, ids, "张三", TODAY)
    service.reschedule(fid, dt.date(2026, 11, 25), "患者外出")
    assert get(profile, Followup, fid).due_date == dt.date(2026, 11, 25)
    with profile.sessions() as s:
        event = s.scalars(select(TimelineEvent).where(TimelineEvent.ref_id == fid)).one()
    assert (event.title_code, event.title_args) == ("timeline.followup.moved", {"old": "2026-11-18", "new": "2026-11-25"})
    assert event_title(event, "zh_CN") == "随访改期：2026-11-18 → 2026-11-25" and event.body == "患者外出"
    assert event_title(event, "en") == "Follow-up moved: 2026-11-18 → 2026-11-25"


def test_a_closed_clinic_moves_its_day_to_the_next_working_day_in_one_transaction(world):
    profile, ids, service = world
    day = dt.date(2026, 9, 30)  # the day before 国庆
    mine = [planned(service, ids, name, day) for name in ("张三", "张珊珊", "赵_%六")]  # station 0
    other = planned(service, ids, "李四", day)  # station 1
    published = []
    profile.bus.subscribe(published.append)
    with profile.sessions() as s:
        before = s.scalar(select(func.count()).select_from(OutboxEntry))
    n, shift = service.close_day(ids["stations"][0], day, "停电")
    assert n == 3 and shift.date == dt.date(2026, 10, 8)
    assert {get(profile, Followup, f).due_date for f in mine} == {dt.date(2026, 10, 8)}
    assert get(profile, Followup, other).due_date == day
    assert len(published) == 1  # one commit
    with profile.sessions() as s:
        events = [event_title(e, "zh_CN") for e in s.scalars(
            select(TimelineEvent).where(TimelineEvent.ref_id.in_(mine)))]
        after = s.scalar(select(func.count()).select_from(OutboxEntry))
    assert events == ["停诊顺延：2026-09-30 → 2026-10-08"] * 3 and after - before == 6
    with pytest.raises(ValidationError) as err:
        service.close_day(ids["stations"][0], day, " ")
    assert err.value.field == "reason"


def test_month_counts_by_day_and_method_in_a_scope(world):
    profile, ids, service = world
    d1, d2 = dt.date(2026, 11, 20), dt.date(2026, 11, 23)
    planned(service, ids, "张三", d1)
    planned(service, ids, "张珊珊", d1, "clinic")
    lisi = planned(service, ids, "李四", d1, "home")
    done = planned(service, ids, "张三", d2)
    service.complete(done, Completion("phone", True, "stable", next_date=dt.date(2027, 2, 18)))
    counts = service.month_counts(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert counts[d1].planned == {"phone": 1, "clinic": 1, "home": 1} and counts[d2].done == 1
    station = service.month_counts(dt.date(2026, 11, 1), dt.date(2026, 11, 30), Scope(station_id=ids["stations"][0]))
    assert station[d1].planned == {"phone": 1, "clinic": 1} and station[d1].open == 2
    assert service.ids("day", Scope(station_id=ids["stations"][1]), d1) == [lisi]
    assert service.ids("day", Scope(user_id=ids["me"]), d1)[1] == lisi  # clinic, home, phone


def test_explain_date_names_the_rule_and_the_calendar(world):
    from ui import due_words  # the reasons are data; ui words them in the reader's language

    profile, ids, service = world
    fid = planned(service, ids, "李四", TODAY)
    result = service.complete(fid, Completion("phone", True, "stable"))
    text = due_words.lines(service.date_reasons(result.next_id), "zh_CN")
    assert "rehab-colorectal v2026.1" in text and "节假日数据" in text
    english = due_words.lines(service.date_reasons(result.next_id), "en")
    assert "Planned by rule rehab-colorectal" in english and "holiday data" in english
