"""The slot pool over sync, against a real server process on PostgreSQL: two offline desktops
book the last place of a slot — exactly one is confirmed by the server, the other refused with
the nearest free slots and kept on its desktop until rebooked; concurrent pushes never book a
slot beyond its capacity (the slot's row is locked while its bookings are counted)."""
from __future__ import annotations

import datetime as dt
import threading
import time
import uuid

import httpx
from sqlalchemy import select

from app import clock
from app.rulebook.slots import CHINA
from app.slots import SlotService
from db import migrate
from db.ids import uuid7
from db.models import Case
from db.models import SlotBooking
from db.models import Task


def pool(fleet, capacity: int, slots: int):
    """A clinic desktop publishes `slots` LDCT slots at the centre, three days from now."""
    hospital = fleet("hospital", "clinic_cm", 0)
    hospital.client.cycle()
    [(centre,)] = fleet.sql("SELECT id FROM org_units WHERE kind = 'centre'")
    day = (clock.now().astimezone(CHINA) + dt.timedelta(days=3)).date()
    made = SlotService(hospital.profile).publish_series(
        centre, "ldct", day, day, dt.time(8), dt.time(8 + slots // 2, 30 * (slots % 2)), 30, capacity,
        place="CT室（门诊楼二楼）", instructions="带身份证和医保卡", weekdays=range(7), working_days_only=False)
    assert len(made) == slots
    assert hospital.client.cycle().pushed == {"applied": slots}
    return hospital, made


def test_two_offline_desktops_book_the_last_place_one_is_confirmed_the_other_refused_and_rebooked(fleet):
    hospital, (last, spare, later) = pool(fleet, capacity=1, slots=3)
    a = fleet("a", "community_cm", 0)
    b = fleet("b", "community_cm", 1)
    a.client.cycle()
    b.client.cycle()
    mine, theirs = SlotService(a.profile), SlotService(b.profile)
    assert [v.id for v in mine.free_slots("ldct")] == [v.id for v in theirs.free_slots("ldct")] == [last, spare, later]
    # Both offline: each desktop sees the place free and books it.
    booked_a = mine.book(last, a.patient_ids()[0])
    booked_b = theirs.book(last, b.patient_ids()[0])
    assert mine.booking(booked_a).status == theirs.booking(booked_b).status == "tentative"

    assert a.client.cycle().pushed == {"applied": 1}
    assert b.client.cycle().pushed == {"rejected": 1}
    assert mine.booking(booked_a).status == "confirmed"
    refused = theirs.booking(booked_b)
    assert refused.status == "refused" and refused.slot.id == last  # still on its desktop, nothing lost
    [problem] = refused.problems
    assert problem.code == "slot.full" and problem.params["alternatives"] == [spare, later]
    assert [v.id for v in refused.alternatives] == [spare, later]
    assert fleet.sql("SELECT id, booked_by FROM slot_bookings WHERE slot_id = :s", s=last) == [
        (booked_a, a.profile.store.user_id)]  # stamped by the server
    # A station's desktop holds its own residents' bookings only: the hospital's holds them all.
    hospital.client.cycle()
    assert [v.id for v in SlotService(hospital.profile).free_slots("ldct")] == [spare, later]

    theirs.rebook(booked_b, refused.alternatives[0].id)
    assert theirs.booking(booked_b).status == "tentative"
    assert b.client.cycle().pushed == {"applied": 1}
    confirmed = theirs.booking(booked_b)
    assert (confirmed.status, confirmed.slot.id, confirmed.state) == ("confirmed", spare, "booked")
    assert fleet.sql("SELECT slot_id, patient_id FROM slot_bookings WHERE id = :b", b=booked_b) == [
        (spare, b.patient_ids()[0])]
    assert not b.outbox()  # the refused entry went with the rebooking
    hospital.client.cycle()
    assert [(v.id, v.free) for v in SlotService(hospital.profile).free_slots("ldct")] == [(later, 1)]


def test_concurrent_pushes_never_book_a_slot_beyond_its_capacity(fleet):
    hospital, [slot] = pool(fleet, capacity=3, slots=1)
    url = fleet.server.url
    login = httpx.post(f"{url}/auth/login", json={"username": hospital.username,
                                                  "password": f"{hospital.username}-demo",
                                                  "device_id": str(uuid.uuid4())}, timeout=30)
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    patients = [r[0] for r in fleet.sql("SELECT id FROM patients ORDER BY id LIMIT 10")]
    start = threading.Barrier(len(patients))
    answers: list[dict] = []

    def push(patient_id: str) -> None:
        body = {"schema_version": migrate.head(), "mutations": [{
            "mutation_id": str(uuid7()), "table": "slot_bookings", "row_id": str(uuid7()), "op": "insert",
            "base_version": 0, "changes": {k: [None, v] for k, v in {
                "slot_id": slot, "patient_id": patient_id, "state": "booked",
                "booked_at": clock.now().isoformat()}.items()}}]}
        start.wait()
        r = httpx.post(f"{url}/sync/push", json=body, headers=headers, timeout=60)
        assert r.status_code == 200, r.text
        answers.append(r.json()["results"][0])

    threads = [threading.Thread(target=push, args=(p,)) for p in patients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(a["status"] for a in answers) == ["applied"] * 3 + ["rejected"] * 7
    assert {p["code"] for a in answers if a["status"] == "rejected" for p in a["problems"]} == {"slot.full"}
    assert fleet.sql("SELECT count(*) FROM slot_bookings WHERE slot_id = :s", s=slot) == [(3,)]
    hospital.client.cycle()
    with hospital.session() as s:
        assert len(list(s.scalars(select(SlotBooking).where(SlotBooking.slot_id == slot)))) == 3
    assert SlotService(hospital.profile).free_slots("ldct") == []


def test_a_no_show_registered_at_the_hospital_is_a_task_on_the_stations_desktop(fleet):
    hospital = fleet("hospital", "clinic_cm", 0)
    station = fleet("station", "community_cm", 0)
    hospital.client.cycle()
    station.client.cycle()
    [(centre,)] = fleet.sql("SELECT id FROM org_units WHERE kind = 'centre'")
    starts = clock.now() + dt.timedelta(seconds=6)  # a slot that begins during the test
    slot = SlotService(hospital.profile).publish(centre, "colonoscopy", starts, 1, place="内镜中心")
    hospital.client.cycle()
    station.client.cycle()
    with station.session() as s:
        case = s.scalars(select(Case).where(Case.closed_at.is_(None), Case.deleted_at.is_(None),
                                            Case.community_cm_id.is_not(None)).order_by(Case.id)).first()
        patient_id, case_id, owner = case.patient_id, case.id, case.community_cm_id
    booking = SlotService(station.profile).book(slot, patient_id, case_id)
    assert station.client.cycle().pushed == {"applied": 1}
    hospital.client.cycle()
    time.sleep(max(0.0, (starts - clock.now()).total_seconds()) + 0.5)
    task_id = SlotService(hospital.profile).no_show(booking, "未到检，电话未接通")
    assert task_id is not None
    assert hospital.client.cycle().pushed == {"applied": 2}  # the booking's state and the task
    station.client.cycle()
    assert SlotService(station.profile).booking(booking).state == "no_show"
    task = station.get(Task, task_id)
    assert (task.owner_id, task.case_id, task.state, task.args["step"]) == (owner, case_id, "open", "book_exam")
    assert fleet.sql("SELECT state, state_reason FROM slot_bookings WHERE id = :b", b=booking) == [
        ("no_show", "未到检，电话未接通")]


def test_two_batches_booking_the_same_slots_in_opposite_orders_both_apply_at_once(fleet):
    """The server locks a batch's slots in one order before applying it: two offline desktops'
    batches that book the same slots in opposite orders wait for each other instead of
    deadlocking (PostgreSQL would abort one after a second and the push be retried)."""
    hospital, slots = pool(fleet, capacity=10, slots=6)
    url = fleet.server.url
    login = httpx.post(f"{url}/auth/login", json={"username": hospital.username,
                                                  "password": f"{hospital.username}-demo",
                                                  "device_id": str(uuid.uuid4())}, timeout=30)
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    patients = [r[0] for r in fleet.sql("SELECT id FROM patients ORDER BY id LIMIT 2")]
    answers: list[dict] = []
    took: list[float] = []
    start = threading.Barrier(2)

    def push(patient_id: str, order: list[str]) -> None:
        body = {"schema_version": migrate.head(), "mutations": [{
            "mutation_id": str(uuid7()), "table": "slot_bookings", "row_id": str(uuid7()), "op": "insert",
            "base_version": 0, "changes": {"slot_id": [None, slot], "patient_id": [None, patient_id],
                                           "state": [None, "booked"], "booked_at": [None, clock.now().isoformat()]}}
            for slot in order]}
        start.wait()
        began = time.monotonic()
        r = httpx.post(f"{url}/sync/push", json=body, headers=headers, timeout=60)
        took.append(time.monotonic() - began)
        assert r.status_code == 200, r.text
        answers.extend(r.json()["results"])

    threads = [threading.Thread(target=push, args=(patients[0], slots)),
               threading.Thread(target=push, args=(patients[1], slots[::-1]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [a["status"] for a in answers] == ["applied"] * 12
    assert fleet.sql("SELECT count(*) FROM slot_bookings") == [(12,)]
    assert max(took) < 1.0, took  # no deadlock detected (deadlock_timeout is 1 s) and retried


def test_another_stations_bookings_count_on_every_desktop_after_a_pull(fleet):
    hospital, [slot] = pool(fleet, capacity=2, slots=1)
    a = fleet("a", "community_cm", 0)
    b = fleet("b", "community_cm", 1)
    a.client.cycle()
    b.client.cycle()
    theirs = SlotService(b.profile)
    assert [(v.id, v.free) for v in theirs.free_slots("ldct")] == [(slot, 2)]
    booked = SlotService(a.profile).book(slot, a.patient_ids()[0])
    assert a.client.cycle().pushed == {"applied": 1}
    # Station b never holds station a's resident's booking, but the server's count of the
    # slot's held places arrives with its next pull.
    b.client.cycle()
    assert b.get(SlotBooking, booked) is None
    assert [(v.id, v.free) for v in theirs.free_slots("ldct")] == [(slot, 1)]
    mine = theirs.book(slot, b.patient_ids()[0])  # offline now: the last place, as far as b knows
    assert theirs.free_slots("ldct") == []  # its own unsent booking holds the place here too
    assert b.client.cycle().pushed == {"applied": 1}
    assert fleet.sql("SELECT booked_count FROM exam_slots WHERE id = :s", s=slot) == [(2,)]
    SlotService(a.profile).cancel(booked, "患者改约")  # a place freed at one station frees it for all
    assert a.client.cycle().pushed == {"applied": 1}
    b.client.cycle()
    assert fleet.sql("SELECT booked_count FROM exam_slots WHERE id = :s", s=slot) == [(1,)]
    assert [(v.id, v.free) for v in theirs.free_slots("ldct")] == [(slot, 1)] and theirs.booking(mine).status == "confirmed"
