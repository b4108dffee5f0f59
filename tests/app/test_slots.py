"""The slot pool's service on a real profile: the hospital publishes a series and registers who
came, a community case manager books (a full slot refused here with alternatives), a no-show
becomes the community case manager's task, and the words of every slot code in both languages."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app import clock
from app.problems import ProblemError
from app.slots import SlotService
from app.slots import china
from db.models import OrgUnit
from db.models import OutboxEntry
from db.models import Patient
from db.models import SlotBooking
from db.models import Task
from db.models import User
from tests.app import worklist_data as data
from ui import problem_words
from ui.problem_templates import slot as slot_words

NOON = data.NOON  # Wednesday 2026-11-18 12:00 in China
MONDAY = dt.date(2026, 11, 23)


@pytest.fixture
def world(profile):
    clock.pin(NOON)
    ids = data.load(profile)
    with profile.sessions.begin() as s:
        hospital = OrgUnit(kind="partner_hospital", code="P01", name="市胸科医院")
        s.add(hospital)
        s.flush()
        nurse = User(username="ct01", display_name="胸科护士", role="clinic_cm", org_unit_id=hospital.id)
        s.add(nurse)
        s.flush()
        for name in ("张三", "张珊珊", "赵_%六"):
            s.get_one(Patient, ids[name][0]).community_id = ids["stations"][0]
        ids.update(hospital=hospital.id, nurse=nurse.id)
    yield profile, ids, SlotService(profile)
    clock.pin(None)


def as_(profile, user_id):
    profile.store.user_id = user_id


def test_a_series_of_weekday_mornings(world):
    profile, ids, service = world
    as_(profile, ids["nurse"])
    assert service.hospitals()[0] == (ids["hospital"], "市胸科医院")
    made = service.publish_series(ids["hospital"], "ldct", MONDAY, MONDAY + dt.timedelta(days=6),
                                  dt.time(8), dt.time(11, 30), 30, 2, place="CT室", instructions="带身份证")
    assert len(made) == 5 * 7  # Monday to Friday, 8:00 to 11:00
    [(first, bookings)] = service.day(MONDAY, ids["hospital"])[:1]
    assert (first.starts_at.hour, first.starts_at.minute, first.capacity, first.free) == (8, 0, 2, 2) and bookings == []
    assert service.day(MONDAY + dt.timedelta(days=5), ids["hospital"]) == []  # Saturday
    with pytest.raises(ProblemError) as exc:
        service.publish_series(ids["hospital"], "ldct", MONDAY, MONDAY, dt.time(8), dt.time(8, 10), 30, 2)
    assert exc.value.problem.code == "slot.series_empty"
    as_(profile, ids["me"])  # a community case manager does not publish
    with pytest.raises(ProblemError) as exc:
        service.publish(ids["hospital"], "ldct", NOON + dt.timedelta(days=3), 2)
    assert exc.value.problem.code == "slot.not_your_hospital"


def test_booking_the_last_place_then_a_full_slot_is_refused_with_alternatives(world):
    profile, ids, service = world
    as_(profile, ids["nurse"])
    full, spare = service.publish_series(ids["hospital"], "ldct", MONDAY, MONDAY, dt.time(8), dt.time(9), 30, 1)
    as_(profile, ids["me"])
    assert [v.id for v in service.free_slots("ldct")] == [full, spare]
    booked = service.book(full, ids["张三"][0], ids["张三"][1])
    assert service.booking(booked).status == "tentative"  # in the outbox until the server has it
    assert [v.id for v in service.free_slots("ldct")] == [spare]
    with pytest.raises(ProblemError) as exc:
        service.book(full, ids["张珊珊"][0])
    problem = exc.value.problem
    assert problem.code == "slot.full" and problem.params["alternatives"] == [spare]
    assert "2026-11-23 08:30" in problem_words.words(problem, "en")
    assert "低剂量CT号源已约满" in problem_words.words(problem, "zh_CN")
    with profile.sessions() as s:  # nothing of the refused booking was written
        assert s.scalar(select(SlotBooking.id).where(SlotBooking.patient_id == ids["张珊珊"][0])) is None
    as_(profile, ids["nurse"])
    with pytest.raises(ProblemError) as exc:
        service.withdraw(full)
    assert exc.value.problem.code == "slot.withdraw_booked"
    with pytest.raises(ProblemError) as exc:
        service.change(full, capacity=0)
    assert exc.value.problem.code == "slot.capacity"
    service.withdraw(spare)
    assert service.free_slots("ldct") == []


def test_a_no_show_is_a_task_for_the_community_case_manager_closed_by_the_next_booking(world):
    profile, ids, service = world
    as_(profile, ids["nurse"])
    slot, later = service.publish_series(ids["hospital"], "gastroscopy", dt.date(2026, 11, 19), dt.date(2026, 11, 19),
                                         dt.time(8), dt.time(9), 30, 3)
    as_(profile, ids["me"])
    booking = service.book(slot, ids["张三"][0])
    as_(profile, ids["nurse"])
    with pytest.raises(ProblemError) as exc:
        service.no_show(booking)
    assert exc.value.problem.code == "slot.not_begun"  # tomorrow's examination
    clock.pin(NOON + dt.timedelta(days=1))  # Thursday noon: the slot was at 8:00
    task_id = service.no_show(booking, "电话未接")
    with profile.sessions() as s:
        task = s.get_one(Task, task_id)
        assert (task.owner_id, task.case_id, task.kind, task.args["step"]) == (
            ids["me"], ids["张三"][1], "care", "book_exam")
        assert task.source_table == "slot_bookings" and task.source_id == booking
    view = service.booking(booking)
    assert view.state == "no_show" and view.state_reason == "电话未接"
    as_(profile, ids["me"])
    with pytest.raises(ProblemError):
        service.attended(booking)  # the community does not register attendance (and no_show is final)
    clock.pin(NOON - dt.timedelta(days=1))  # a later slot is booked (the clock back: the series' only other slot)
    service.book(later, ids["张三"][0])
    with profile.sessions() as s:
        assert s.get_one(Task, task_id).state == "done"


def test_the_hospital_registers_attendance_and_finds_a_booking_by_its_slip_code(world):
    profile, ids, service = world
    as_(profile, ids["nurse"])
    [slot] = service.publish_series(ids["hospital"], "ldct", dt.date(2026, 11, 19), dt.date(2026, 11, 19),
                                    dt.time(8), dt.time(8, 30), 30, 3)
    as_(profile, ids["me"])
    booking = service.book(slot, ids["张三"][0])
    code = service.booking(booking).code
    clock.pin(NOON + dt.timedelta(days=1))
    as_(profile, ids["nurse"])
    assert service.find(code.lower()).id == booking
    service.attended(booking)
    [(slot_view, [b])] = service.day(dt.date(2026, 11, 19))
    assert b.state == "attended" and slot_view.held == 1 and china(NOON).hour == 12


def test_a_refused_booking_shows_its_alternatives_and_is_rebooked_into_one(world):
    profile, ids, service = world
    as_(profile, ids["nurse"])
    full, spare = service.publish_series(ids["hospital"], "ldct", MONDAY, MONDAY, dt.time(8), dt.time(9), 30, 1)
    as_(profile, ids["me"])
    booking = service.book(full, ids["张三"][0])
    with profile.sessions.begin() as s:  # as the sync records the server's refusal
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == booking)).one()
        entry.status = "rejected"
        entry.server_detail = {"problems": [{"code": "slot.full", "field": "slot_id", "params": {
            "capacity": 1, "modality": "ldct", "alternatives": [spare], "times": "2026-11-23 08:30"}}]}
    view = service.booking(booking)
    assert view.status == "refused" and [a.id for a in view.alternatives] == [spare]
    assert [b.id for b in service.refused()] == [booking]
    # The server said the first is full: this desktop takes its word (it cannot count other stations' bookings).
    assert [v.id for v in service.free_slots("ldct")] == [spare]
    service.rebook(booking, spare)
    view = service.booking(booking)
    assert view.status == "tentative" and view.slot.id == spare and view.problems == []
    with pytest.raises(ProblemError):
        service.rebook(booking, full)


def test_every_slot_code_and_term_has_chinese():
    zh = problem_words.catalogue("zh_CN", "slot")
    for english in [*slot_words.ENGLISH.values(), *slot_words.TERMS.values()]:
        assert english in zh, english
