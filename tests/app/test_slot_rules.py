"""The slot pool's rules (app/rulebook/slots.py), each passing and failing, against a small
network held in Python (the rule book's Lookup protocol, as tests/app/test_rulebook.py does)."""
from __future__ import annotations

import datetime as dt

from app.rulebook import check
from app.rulebook.actor import Actor
from app.rulebook.lookup import Org
from app.rulebook.lookup import PatientFacts
from app.rulebook.lookup import SlotFacts

NOW = dt.datetime(2026, 11, 18, 4, 0, tzinfo=dt.timezone.utc)  # Wednesday noon in China
HOUR = dt.timedelta(hours=1)
HOSPITAL, STATION, OTHER_STATION = "h-1", "st-1", "st-2"
NURSE = Actor("u-h", "community_cm", HOSPITAL, frozenset({HOSPITAL}))  # the hospital's own staff
CM = Actor("u-cm", "community_cm", STATION, frozenset({STATION}))
STRANGER = Actor("u-x", "community_cm", OTHER_STATION, frozenset({OTHER_STATION}))
ADMIN = Actor("u-a", "admin", None, None)


class Pool:
    def __init__(self):
        self.slots = {"s1": SlotFacts("s1", HOSPITAL, "ldct", NOW + 24 * HOUR, 2),
                      "s2": SlotFacts("s2", HOSPITAL, "ldct", NOW + 48 * HOUR, 3),
                      "old": SlotFacts("old", HOSPITAL, "ldct", NOW - HOUR, 2)}
        self.held = {"s1": 0, "s2": 0, "old": 1}

    def org(self, unit_id):
        return Org(unit_id, "centre", None) if unit_id in (HOSPITAL, STATION, OTHER_STATION) else None

    def user(self, user_id):
        return None

    def patient(self, patient_id):
        return PatientFacts(patient_id, STATION, None, False) if patient_id == "p1" else None

    def case_patient(self, case_id):
        return {"c1": "p1", "c2": "p2"}.get(case_id)

    def slot(self, slot_id):
        return self.slots.get(slot_id)

    def slot_held(self, slot_id, except_booking=None):
        return self.held.get(slot_id, 0)

    def free_slots(self, modality, near, except_slot, limit):
        return [(s.id, s.starts_at, s.capacity - self.held[s.id]) for s in self.slots.values()
                if s.id != except_slot and s.modality == modality and s.starts_at > NOW
                and s.capacity > self.held[s.id]][:limit]

    def now(self):
        return NOW


def slot(**kw):
    return {"id": "s9", "org_unit_id": HOSPITAL, "modality": "ldct", "starts_at": NOW + 24 * HOUR, "minutes": 30,
            "capacity": 3, "place": "CT室", "instructions": None, "deleted_at": None, **kw}


def booking(**kw):
    return {"id": "b1", "slot_id": "s1", "patient_id": "p1", "case_id": None, "state": "booked",
            "booked_at": NOW, "booked_by": "u-cm", "attended_at": None, "state_reason": None, "deleted_at": None, **kw}


def codes(table, before, after, actor, pool=None):
    return {p.code for p in check(table, before, after, actor, pool or Pool())}


def test_the_hospital_publishes_a_slot_and_nobody_else_does():
    assert codes("exam_slots", None, slot(), NURSE) == set()
    assert codes("exam_slots", None, slot(), ADMIN) == set()
    assert codes("exam_slots", None, slot(), CM) == {"slot.not_your_hospital"}


def test_a_slot_has_a_known_modality_a_capacity_and_a_future_start():
    assert codes("exam_slots", None, slot(modality="mri"), NURSE) == {"field.not_allowed"}
    assert codes("exam_slots", None, slot(capacity=0), NURSE) == {"slot.capacity"}
    assert codes("exam_slots", None, slot(capacity=True), NURSE) == {"slot.capacity"}
    assert codes("exam_slots", None, slot(minutes=0), NURSE) == {"slot.minutes"}
    assert codes("exam_slots", None, slot(starts_at=NOW - HOUR), NURSE) == {"slot.in_the_past"}
    assert codes("exam_slots", None, slot(org_unit_id="nowhere"), ADMIN) == {"record.not_found"}


def test_capacity_never_below_the_bookings_held_and_a_booked_slot_stays_put():
    pool = Pool()
    pool.held["s9"] = 2
    before = slot()
    assert codes("exam_slots", before, {**before, "capacity": 2}, NURSE, pool) == set()
    assert codes("exam_slots", before, {**before, "capacity": 1}, NURSE, pool) == {"slot.capacity_below_bookings"}
    assert codes("exam_slots", before, {**before, "starts_at": NOW + 30 * HOUR}, NURSE, pool) == {"slot.move_booked"}
    assert codes("exam_slots", before, {**before, "place": "二楼CT室"}, NURSE, pool) == set()
    assert codes("exam_slots", before, {**before, "modality": "gastroscopy"}, NURSE, pool) == {"slot.unchangeable"}
    assert codes("exam_slots", before, {**before, "capacity": 4}, CM, pool) == {"slot.not_your_hospital"}


def test_a_slot_is_withdrawn_only_while_nobody_is_booked():
    pool = Pool()
    before = slot()
    assert codes("exam_slots", before, {**before, "deleted_at": NOW}, NURSE, pool) == set()
    pool.held["s9"] = 1
    assert codes("exam_slots", before, {**before, "deleted_at": NOW}, NURSE, pool) == {"slot.withdraw_booked"}


def test_a_booking_into_a_living_future_slot_for_ones_own_resident():
    assert codes("slot_bookings", None, booking(), CM) == set()
    assert codes("slot_bookings", None, booking(case_id="c1"), CM) == set()
    assert codes("slot_bookings", None, booking(case_id="c2"), CM) == {"slot.case_of_another_patient"}
    assert codes("slot_bookings", None, booking(slot_id="gone"), CM) == {"record.not_found"}
    assert codes("slot_bookings", None, booking(slot_id="old"), CM) == {"slot.in_the_past"}
    assert codes("slot_bookings", None, booking(), STRANGER) == {"slot.patient_outside_scope"}
    assert codes("slot_bookings", None, booking(patient_id="p9"), CM) == {"record.not_found"}
    assert codes("slot_bookings", None, booking(state="attended"), CM) == {"slot.booking_born_booked"}


def test_a_full_slot_refuses_with_the_nearest_free_slots():
    pool = Pool()
    pool.held["s1"] = 2
    [problem] = check("slot_bookings", None, booking(), CM, pool)
    assert problem.code == "slot.full" and problem.field == "slot_id"
    assert problem.params["capacity"] == 2 and problem.params["alternatives"] == ["s2"]
    assert problem.params["alternative_times"] == [(NOW + 48 * HOUR).isoformat()]
    assert problem.params["times"] == "2026-11-20 12:00"  # China's time
    pool.held["s1"] = 1
    assert check("slot_bookings", None, booking(), CM, pool) == []


def test_the_hospital_registers_attendance_and_no_shows():
    pool = Pool()
    pool.slots["s1"] = SlotFacts("s1", HOSPITAL, "ldct", NOW - HOUR, 2)  # this morning
    before = booking()
    came = {**before, "state": "attended", "attended_at": NOW}
    assert codes("slot_bookings", before, came, NURSE, pool) == set()
    assert codes("slot_bookings", before, came, CM, pool) == {"slot.hospital_registers"}
    assert codes("slot_bookings", before, {**before, "state": "attended"}, NURSE, pool) == {"field.required"}
    assert codes("slot_bookings", before, {**before, "state": "no_show"}, NURSE, pool) == set()
    assert codes("slot_bookings", before, {**before, "state": "no_show"}, NURSE) == {"slot.not_begun"}  # tomorrow's


def test_a_booking_moves_only_forward_from_booked():
    before = booking()
    assert codes("slot_bookings", before, {**before, "state": "cancelled"}, CM) == set()
    assert codes("slot_bookings", before, {**before, "state": "cancelled"}, STRANGER) == {"slot.not_your_booking"}
    assert codes("slot_bookings", before, {**before, "state": "cancelled"}, NURSE) == set()  # the hospital cancels too
    done = booking(state="cancelled")
    assert codes("slot_bookings", done, {**done, "state": "booked"}, CM) == {"slot.booking_step"}
    assert codes("slot_bookings", before, {**before, "state": "lost"}, CM) == {"field.not_allowed"}
    assert codes("slot_bookings", before, {**before, "slot_id": "s2"}, CM) == {"slot.booking_unchangeable"}
    assert codes("slot_bookings", before, {**before, "booked_by": "u-x"}, CM) == {"slot.booking_unchangeable"}
    assert codes("slot_bookings", before, {**before, "deleted_at": NOW}, CM) == {"slot.booking_not_deleted"}
