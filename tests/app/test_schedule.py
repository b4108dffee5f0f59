"""A clinic visit never lands on a day the clinic is closed: planning, completing with a next
date, rescheduling, a clinic closure and a letter batch all move it to the next working day
and say so; calls and home visits stay where the person put them."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from sqlalchemy import select

from app import clock
from app import rulebook
from app.followups import Completion
from app.followups import FollowupService
from app.letters.batch import print_batch
from app.letters.kinds import KINDS
from app.problems import ProblemError
from db.models import Case
from db.models import Followup
from db.models import OrgUnit
from db.models import Patient
from db.models import TimelineEvent
from db.models import User
from tests.app import worklist_data as data
from tests.app.test_followups import seed
from ui.problem_words import say
from ui.timeline_words import event_title

SATURDAY, SUNDAY, MONDAY = dt.date(2026, 11, 21), dt.date(2026, 11, 22), dt.date(2026, 11, 23)
MAKEUP_SATURDAY = dt.date(2026, 10, 10)  # 调休: a working Saturday after National Day


@pytest.fixture
def world(profile):
    ids = seed(profile)
    yield profile, ids, FollowupService(profile)
    clock.pin(None)


def get(profile, model, row_id):
    with profile.sessions() as s:
        return s.get(model, row_id)


def events_of(profile, fid):
    with profile.sessions() as s:
        return list(s.scalars(select(TimelineEvent).where(TimelineEvent.ref_id == fid)
                              .order_by(TimelineEvent.occurred_at)))


def test_a_clinic_visit_planned_on_a_sunday_lands_on_monday_and_says_so(world):
    profile, ids, service = world
    pid, cid = ids["李四"]
    done = service.schedule(pid, cid, SUNDAY, "clinic")
    assert get(profile, Followup, done.id).due_date == MONDAY and done.placement.moved
    assert say(done.placement.problem, "zh_CN") == "2026-11-22（周日）→ 2026-11-23（周一）（门诊只在工作日）"
    assert say(done.placement.problem, "en") == "2026-11-22 (Sun) → 2026-11-23 (Mon): clinic visits are on working days only"
    [event] = events_of(profile, done.id)
    assert event_title(event, "zh_CN") == "已安排随访：2026-11-23 门诊（2026-11-22 不是工作日）"
    assert get(profile, Case, cid).due_date == dt.date(2026, 11, 20)  # a sooner step of the case stands


def test_holidays_and_make_up_days_come_from_the_holiday_calendar(world):
    profile, ids, service = world
    pid, cid = ids["李四"]
    national_day = service.schedule(pid, cid, dt.date(2026, 10, 2), "clinic")
    assert national_day.placement.date == dt.date(2026, 10, 8)
    assert "国庆节" in say(national_day.placement.problem, "zh_CN")
    makeup = service.schedule(pid, cid, MAKEUP_SATURDAY, "clinic")
    assert makeup.placement.date == MAKEUP_SATURDAY and not makeup.placement.moved


def test_home_visits_and_calls_may_fall_on_a_weekend(world):
    profile, ids, service = world
    pid, cid = ids["李四"]
    home = service.schedule(pid, cid, SATURDAY, "home")
    call = service.schedule(pid, cid, SUNDAY, "phone")
    assert get(profile, Followup, home.id).due_date == SATURDAY and home.placement.problem is None
    assert get(profile, Followup, call.id).due_date == SUNDAY
    # and a home visit rescheduled to a Sunday stays there
    assert service.reschedule(home.id, SUNDAY).date == SUNDAY


def test_the_next_clinic_visit_after_a_completed_follow_up_is_on_a_working_day(world):
    profile, ids, service = world
    pid, cid = ids["李四"]
    fid = service.create(pid, cid, data.TODAY, "phone")
    result = service.complete(fid, Completion("phone", True, "stable", next_date=SUNDAY, next_method="clinic"))
    assert result.next_date == MONDAY and get(profile, Followup, result.next_id).due_date == MONDAY
    assert result.next_placement.moved


def test_rescheduling_a_clinic_visit_to_a_sunday_moves_it_to_monday(world):
    profile, ids, service = world
    pid, cid = ids["李四"]
    fid = service.create(pid, cid, data.TODAY, "clinic")
    placement = service.reschedule(fid, SUNDAY, "患者周末有空")
    assert placement.date == MONDAY and get(profile, Followup, fid).due_date == MONDAY
    [event] = events_of(profile, fid)
    assert event_title(event, "zh_CN") == "门诊随访改期：2026-11-18 → 2026-11-23（2026-11-22 不是工作日）"
    assert event_title(event, "en") == "Clinic follow-up moved: 2026-11-18 → 2026-11-23 (2026-11-22 is not a working day)"
    assert event.body == "患者周末有空"


def test_a_clinic_closure_on_friday_moves_clinic_visits_past_the_weekend(world):
    profile, ids, service = world
    friday = dt.date(2026, 11, 20)
    pid, cid = ids["张三"]  # station 0
    fid = service.create(pid, cid, friday, "clinic")
    n, shift = service.close_day(ids["stations"][0], friday, "停电")
    assert n == 1 and shift.date == MONDAY and get(profile, Followup, fid).due_date == MONDAY
    assert [d.day for d in shift.skipped] == [SATURDAY, SUNDAY]


def test_the_rule_book_still_refuses_a_clinic_visit_written_on_a_sunday(world):
    """Nothing reaches the outbox on a day off, whoever writes: the server runs the same rule."""
    profile, ids, service = world
    pid, cid = ids["李四"]
    with pytest.raises(ProblemError) as err:
        with profile.store.write() as tx:
            tx.add(Followup(patient_id=pid, case_id=cid, due_date=SUNDAY, method="clinic", status="planned"))
    assert [p.code for p in err.value.problems] == ["followup.clinic_on_day_off"]
    with profile.sessions() as s:
        assert rulebook.check("followups", None, {"due_date": SATURDAY, "method": "home", "status": "planned"},
                              None, rulebook.SessionLookup(s)) == []


def sunday_letters(profile) -> tuple[str, str]:
    """A station with a clinic visit on a Sunday (from before the rule, or an older desktop:
    written past the rule book) and a home visit on a Saturday; (clinic id, home id)."""
    with profile.store.write() as tx:
        station = tx.add(OrgUnit(kind="street_station", code="T-J09", name="澄江街道工作站",
                                 address="东陵市澄湾区澄江街道新华路29号", phone="0574-86515441"))
        cm = tx.add(User(username="cm-h2", display_name="何发福", role="community_cm",
                         org_unit_id=station.id, phone="13646064829"))
        clinic_p = tx.add(Patient(name="王秀英", sex="F", birth_date=dt.date(1960, 5, 1), community_id=station.id,
                                  address="东陵市澄湾区梅墟街道祥山社区湾景路134弄29幢504室"))
        home_p = tx.add(Patient(name="李建国", sex="M", birth_date=dt.date(1958, 3, 2), community_id=station.id,
                                address="东陵市澄湾区云林街道西院社区建设路59弄19幢903室"))
        home = tx.add(Followup(patient_id=home_p.id, due_date=SATURDAY, method="home", status="planned",
                               assignee_id=cm.id))
    with profile.sessions.begin() as s:
        clinic = Followup(patient_id=clinic_p.id, due_date=SUNDAY, method="clinic", status="planned",
                          assignee_id=cm.id, version=1)
        s.add(clinic)
        s.flush()
        return clinic.id, home.id


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_a_reminder_batch_prints_a_sunday_clinic_visit_on_monday_and_moves_the_follow_up(profile, tmp_path):
    clock.pin(dt.datetime(2026, 11, 18, 2, 0, tzinfo=dt.timezone.utc))
    try:
        clinic_id, home_id = sunday_letters(profile)
        out = tmp_path / "week.pdf"
        result = print_batch(profile, KINDS["followup_reminder"], out, dt.date(2026, 11, 16), SUNDAY)
        assert len(result.printed) == 2
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        clinic_page, home_page = (text.split("\f")[i] for i in (0, 1)) if "王秀英" in text.split("\f")[0] \
            else (text.split("\f")[i] for i in (1, 0))
        assert "2026年11月23日（星期一）" in clinic_page and "11月22日" not in clinic_page
        assert "2026年11月21日（星期六）" in home_page  # a home visit keeps its Saturday
        [moved] = result.moved
        assert say(moved.problem, "zh_CN") == ("王秀英：门诊复诊 2026-11-22（周日）改印为下一个工作日 2026-11-23（周一），"
                                               "随访随之改期")
        assert get(profile, Followup, clinic_id).due_date == MONDAY  # the calendar says what the letter says
        assert get(profile, Followup, home_id).due_date == SATURDAY
        titles = [event_title(e, "zh_CN") for e in events_of(profile, clinic_id)]
        assert titles == ["提醒按下一个工作日打印：门诊随访 2026-11-22 → 2026-11-23"]
    finally:
        clock.pin(None)


def test_the_demo_profile_has_no_clinic_follow_up_on_a_day_off(tmp_path):
    from app.demo import generate
    from app.pathway import load
    from app.profile import Profile

    profile = Profile.open(tmp_path / "demo")
    try:
        generate(profile, 300, 5, (5, 40), today=dt.date(2026, 11, 18), parallel=False)
        calendar = load().calendar
        with profile.sessions() as s:
            rows = s.execute(select(Followup.due_date, Followup.method, Followup.status)).all()
            cases = s.execute(select(Case.due_date, Followup.due_date).join(
                Followup, Followup.case_id == Case.id).where(Followup.status == "planned")).all()
    finally:
        profile.close()
    clinic = [(day, status) for day, method, status in rows if method == "clinic"]
    assert len(clinic) > 50 and {s for _, s in clinic} >= {"planned", "done"}
    assert [c for c in clinic if not calendar.info(c[0]).working] == []
    # and calls and home visits still fall on any day, as the stations work them
    assert any(not calendar.info(day).working for day, method, _ in rows if method != "clinic")
    # The case's due date is derived from its open work (db/summary.py): never after a planned visit.
    assert cases and all(case_due is not None and case_due <= due for case_due, due in cases)
