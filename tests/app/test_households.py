"""Households: start one from a patient, add relatives, name a health supervisor, read the
household as a family doctor sees it, plan one call or visit for all, and the rule book's
refusals (one household per patient, "self" is the anchor, who may)."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app import clock
from app.households import HouseholdService
from app.households import first_degree_relatives
from app.households import relatives_with_cancer
from app.problems import ProblemError
from db.models import Case
from db.models import Followup
from db.models import Household
from db.models import OrgUnit
from db.models import OutboxEntry
from db.models import Patient
from db.models import TimelineEvent
from db.models import User
from tests.app import worklist_data as data

NOON = data.NOON  # Wednesday 2026-11-18 12:00 in China
TODAY = data.TODAY


@pytest.fixture
def world(profile):
    clock.pin(NOON)
    ids = data.load(profile)
    with profile.sessions.begin() as s:
        point = OrgUnit(kind="community_point", code="S0-P1", name="金桥社区防治点", parent_id=ids["stations"][0])
        far = OrgUnit(kind="community_point", code="S1-P1", name="老街社区防治点", parent_id=ids["stations"][1])
        s.add_all([point, far])
        s.flush()
        doctor = User(username="fd01", display_name="何医生", role="family_doctor", org_unit_id=point.id)
        s.add(doctor)
        s.flush()
        ids.update(point=point.id, far=far.id, doctor=doctor.id)
        for name in ("张三", "张珊珊", "赵_%六"):
            s.get(Patient, ids[name][0]).community_id = point.id
        for name in ("李四", "王五"):
            s.get(Patient, ids[name][0]).community_id = far.id
        # a son with no case yet
        son = Patient(name="张小明", sex="M", birth_date=dt.date(1990, 3, 3), community_id=point.id)
        s.add(son)
        s.flush()
        ids["son"] = son.id
    profile.store.user_id = ids["me"]  # a community case manager of station 0
    yield profile, ids, HouseholdService(profile.store)
    clock.pin(None)


def pid(ids, name):
    return ids[name][0]


def codes(exc: pytest.ExceptionInfo) -> list[str]:
    return [p.code for p in exc.value.problems]


def family(ids, service):
    hid = service.start(pid(ids, "张三"), name="张家")
    service.add_member(hid, pid(ids, "张珊珊"), "spouse")
    service.add_member(hid, ids["son"], "child")
    return hid


def test_household_view_shows_members_with_their_cases_and_next_work(world):
    profile, ids, service = world
    hid = family(ids, service)
    service.set_supervisor(hid, ids["son"], phone_number="138 1234 5678")
    view = service.of_patient(pid(ids, "张珊珊"))
    assert view is not None and view.id == hid and view.name == "张家"
    assert [(m.name, m.relation) for m in view.members] == [("张三", "self"), ("张珊珊", "spouse"), ("张小明", "child")]
    zs, wife, son = view.members
    assert zs.age == 66 and zs.sex == "M" and zs.open_cases == (("lung", "screen"),) and zs.confirmed == ()
    assert wife.confirmed == ("breast",)  # in treatment: diagnosed
    assert zs.next_work is not None and zs.next_work.due == TODAY - dt.timedelta(days=3)
    assert son.open_cases == () and son.next_work is None
    assert (view.supervisor_patient_id, view.supervisor_name, view.supervisor_phone) == (ids["son"], "张小明", "13812345678")
    with profile.sessions() as s:  # every row went through the write path into the outbox
        tables = {e.table_name for e in s.scalars(select(OutboxEntry))}
    assert {"households", "household_members"} <= tables


def test_relatives_follow_the_household(world):
    profile, ids, service = world
    family(ids, service)
    with profile.sessions() as s:
        assert first_degree_relatives(s, ids["son"]) == [(pid(ids, "张三"), "parent")]
        assert first_degree_relatives(s, pid(ids, "张三")) == [(ids["son"], "child")]
        # his mother's breast cancer is not his relative's: she is the anchor's spouse, and the
        # table does not say she is his mother
        assert relatives_with_cancer(s, ids["son"]) == []


def test_a_mothers_confirmed_cancer_is_a_first_degree_relatives(world):
    profile, ids, service = world
    hid = service.start(pid(ids, "张珊珊"))  # in treatment for breast cancer
    service.add_member(hid, ids["son"], "child")
    with profile.sessions() as s:
        assert relatives_with_cancer(s, ids["son"]) == [(pid(ids, "张珊珊"), "parent", "breast")]
        assert relatives_with_cancer(s, pid(ids, "张珊珊")) == []  # her son has no cancer


def test_a_patient_is_in_one_household_and_self_is_the_anchor(world):
    _profile, ids, service = world
    hid = family(ids, service)
    other = service.start(pid(ids, "赵_%六"))
    with pytest.raises(ProblemError) as exc:
        service.add_member(other, ids["son"], "child")
    assert codes(exc) == ["household.in_another"]
    with pytest.raises(ProblemError) as exc:
        service.start(ids["son"])
    assert codes(exc) == ["household.in_another"]
    with pytest.raises(ProblemError) as exc:
        service.set_relation(hid, ids["son"], "self")
    assert codes(exc) == ["household.self_is_anchor"]
    with pytest.raises(ProblemError) as exc:
        service.set_relation(hid, ids["son"], "cousin")
    assert [(p.code, p.field) for p in exc.value.problems] == [("field.not_allowed", "relation")]
    service.set_relation(hid, ids["son"], "grandchild")
    assert service.view(hid).member(ids["son"]).relation == "grandchild"


def test_supervisor_is_a_member_or_a_named_person_with_a_valid_phone(world):
    profile, ids, service = world
    hid = family(ids, service)
    with pytest.raises(ProblemError) as exc:
        service.set_supervisor(hid, pid(ids, "赵_%六"))
    assert codes(exc) == ["household.supervisor_not_member"]
    with pytest.raises(ProblemError) as exc:
        service.set_supervisor(hid, name="张阿姨")
    assert codes(exc) == ["household.supervisor_phone_required"]
    with pytest.raises(ProblemError) as exc:
        service.set_supervisor(hid, name="张阿姨", phone_number="12345")
    assert codes(exc) == ["household.supervisor_phone_invalid"]
    with pytest.raises(ProblemError) as exc:  # the rule itself, for a number not in the stored form
        with profile.store.write() as tx:
            tx.update(tx.session.get(Household, hid), supervisor_name="张阿姨", supervisor_phone="0574 8765 4321")
    assert codes(exc) == ["household.supervisor_phone_invalid"]
    service.set_supervisor(hid, name="张阿姨", phone_number="0574 8765 4321")
    view = service.view(hid)
    assert (view.supervisor_patient_id, view.supervisor_name, view.supervisor_phone) == (None, "张阿姨", "0574-87654321")


def test_removing_members_the_anchor_last_and_the_supervisor_with_them(world):
    _profile, ids, service = world
    hid = family(ids, service)
    service.set_supervisor(hid, ids["son"])
    with pytest.raises(ProblemError) as exc:
        service.remove_member(hid, pid(ids, "张三"))
    assert [(p.code, dict(p.params)) for p in exc.value.problems] == [("household.anchor_last", {"count": 2})]
    assert service.remove_member(hid, ids["son"]) is False
    assert service.view(hid).supervisor_patient_id is None
    service.remove_member(hid, pid(ids, "张珊珊"))
    assert service.remove_member(hid, pid(ids, "张三")) is True
    assert service.of_patient(pid(ids, "张三")) is None
    service.start(pid(ids, "张三"))  # free to join a household again


def test_who_may_keep_a_household(world):
    profile, ids, service = world
    with pytest.raises(ProblemError) as exc:  # 李四 lives in the other station's community
        service.start(pid(ids, "李四"))
    assert codes(exc) == ["household.not_your_patient"]
    hid = service.start(pid(ids, "张三"))
    with pytest.raises(ProblemError) as exc:
        service.add_member(hid, pid(ids, "李四"), "sibling")
    assert codes(exc) == ["household.not_your_patient"]
    profile.store.user_id = ids["doctor"]
    assert service.may_keep(pid(ids, "张珊珊")).code == "household.not_your_contracted_patient"
    with pytest.raises(ProblemError) as exc:
        service.start(pid(ids, "张珊珊"))
    assert codes(exc) == ["household.not_your_contracted_patient"]
    with profile.sessions.begin() as s:
        p = s.get(Patient, pid(ids, "张珊珊"))
        p.family_doctor_id, p.contract_signed = ids["doctor"], True
    assert service.may_keep(pid(ids, "张珊珊")) is None
    service.start(pid(ids, "张珊珊"))
    profile.store.user_id = ids["other"]  # a clinic case manager: network-wide
    service.add_member(hid, pid(ids, "李四"), "sibling")


def test_plan_a_household_visit_one_followup_per_member_with_a_case(world):
    profile, ids, service = world
    hid = family(ids, service)
    with profile.sessions.begin() as s:  # 张三 missed a call last week: the visit chases it
        zs_case = s.get(Case, ids["张三"][1])
        s.add(Followup(patient_id=zs_case.patient_id, case_id=zs_case.id, due_date=TODAY - dt.timedelta(days=7),
                       method="phone", status="missed", attempts=2))
    day = TODAY + dt.timedelta(days=2)
    plan = service.plan_visit(hid, day, "home", notes="家庭随访")
    assert plan.moved == (pid(ids, "张三"),)
    assert plan.created == (pid(ids, "张珊珊"),)
    assert plan.without_case == (ids["son"],)
    with profile.sessions() as s:
        fs = list(s.scalars(select(Followup).where(Followup.due_date == day)))
        assert sorted((f.patient_id, f.method, f.status) for f in fs) == sorted(
            [(pid(ids, "张三"), "home", "planned"), (pid(ids, "张珊珊"), "home", "planned")])
        planned = s.scalars(select(TimelineEvent).where(TimelineEvent.title_code == "schedule.timeline_planned")).one()
        assert planned.patient_id == pid(ids, "张珊珊") and planned.data["household_id"] == hid
    again = service.plan_visit(hid, day, "home")  # both already on the day: nothing new
    assert again.created == () and set(again.moved) == {pid(ids, "张三"), pid(ids, "张珊珊")}
    with pytest.raises(ProblemError) as exc:
        service.plan_visit(hid, day, "clinic")
    assert codes(exc) == ["household.bad_method"]
    alone = service.start(pid(ids, "赵_%六"))
    with profile.sessions.begin() as s:
        s.get(Case, ids["赵_%六"][1]).closed_at = NOON
    with pytest.raises(ProblemError) as exc:
        service.plan_visit(alone, day, "phone")
    assert codes(exc) == ["household.nothing_to_plan"]
