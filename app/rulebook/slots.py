"""The examination slot pool (号源池) and bookings into it.

A hospital publishes slots (a modality, a start, a capacity) for the community stations; only
its own staff (or an administrator) publish, change or withdraw them, and a slot never holds
fewer places than it has bookings. A community case manager books a resident of their own
into a slot that has not begun and still has room; the hospital registers attendance or a
no-show. The capacity rule runs on both sides: on a desktop against what it holds (offline the
booking is then only tentative), on the server with the slot's row locked inside the push's
transaction (app/rulebook/lookup.py SessionLookup.slot), so concurrent pushes never book a
slot beyond its capacity. A full slot's refusal names the nearest free slots of the modality.
"""
from __future__ import annotations

import datetime as dt

from app.problems import Problem
from app.rulebook.common import changed as changed_fields
from app.rulebook.common import choice
from app.rulebook.common import max_length
from app.rulebook.lookup import LIVE_BOOKINGS

MODALITIES = ("ldct", "gastroscopy", "colonoscopy", "ultrasound_afp", "mammography", "breast_ultrasound",
              "cervical_screening", "psa")
STATES = ("booked", "attended", "no_show", "cancelled")
NEXT_STATES = {"booked": ("attended", "no_show", "cancelled")}  # the others are where a booking ends
HOSPITAL_STATES = ("attended", "no_show")  # registered by the hospital that holds the slot
MAX_CAPACITY = 500
MAX_MINUTES = 8 * 60
ALTERNATIVES = 3  # free slots named in a full slot's refusal
SLOT_FACTS = ("org_unit_id", "modality")  # what a slot is: a different one is a new slot
MOVING = ("starts_at", "minutes")  # what bookings were promised: kept while they are held
BOOKING_FACTS = ("slot_id", "patient_id")
CHINA = dt.timezone(dt.timedelta(hours=8))  # the day a slot is on is a day in China


def check_slot(before, after, actor, lookup) -> list[Problem]:
    problems: list[Problem] = []
    changed = changed_fields(before, after)
    if actor is not None and not actor.is_admin and not (
            actor.acts_for(after.get("org_unit_id")) and (before is None or actor.acts_for(before.get("org_unit_id")))):
        return [Problem("slot.not_your_hospital", "org_unit_id")]
    choice(after, changed, "modality", MODALITIES, problems)
    max_length(after, changed, {"place": 120, "instructions": 2000}, problems)
    if before is None and lookup.org(after.get("org_unit_id")) is None:
        problems.append(Problem("record.not_found", "org_unit_id", {"table": "org_units"}))
    if before is not None and changed & set(SLOT_FACTS):
        problems.append(Problem("slot.unchangeable", sorted(changed & set(SLOT_FACTS))[0]))
    capacity = after.get("capacity")
    if not _count(capacity) or not 1 <= capacity <= MAX_CAPACITY:
        problems.append(Problem("slot.capacity", "capacity", {"max": MAX_CAPACITY}))
    minutes = after.get("minutes")
    if minutes is not None and (not _count(minutes) or not 1 <= minutes <= MAX_MINUTES):
        problems.append(Problem("slot.minutes", "minutes", {"max": MAX_MINUTES}))
    if not isinstance(after.get("starts_at"), dt.datetime):
        problems.append(Problem("field.required", "starts_at"))
    elif "starts_at" in changed and after["starts_at"] <= lookup.now():
        problems.append(Problem("slot.in_the_past", "starts_at"))
    if before is None or problems:
        return problems
    held = lookup.slot_held(after["id"])
    if after.get("deleted_at") is not None and before.get("deleted_at") is None and held:
        problems.append(Problem("slot.withdraw_booked", "deleted_at", {"held": held}))
    elif "capacity" in changed and capacity < held:
        problems.append(Problem("slot.capacity_below_bookings", "capacity", {"held": held}))
    elif changed & set(MOVING) and held:
        problems.append(Problem("slot.move_booked", sorted(changed & set(MOVING))[0], {"held": held}))
    return problems


def check_booking(before, after, actor, lookup) -> list[Problem]:
    problems: list[Problem] = []
    changed = changed_fields(before, after)
    choice(after, changed, "state", STATES, problems)
    max_length(after, changed, {"state_reason": 500}, problems)
    if problems:
        return problems
    if before is not None and changed & set(BOOKING_FACTS):
        return [Problem("slot.booking_unchangeable", sorted(changed & set(BOOKING_FACTS))[0])]
    slot = lookup.slot(after.get("slot_id"))
    if before is None:
        return _new_booking(after, actor, lookup, slot)
    old, new = before.get("state"), after.get("state")
    if old != new:
        if new not in NEXT_STATES.get(old, ()):
            return [Problem("slot.booking_step", "state", {"state": old, "next": new})]
        if slot is None:
            return [Problem("record.not_found", "slot_id", {"table": "exam_slots"})]
        if new in HOSPITAL_STATES:
            if actor is not None and not actor.is_admin and not actor.acts_for(slot.org_unit_id):
                return [Problem("slot.hospital_registers", "state", {"state": new})]
            now = lookup.now()
            if new == "no_show" and now < slot.starts_at:
                problems.append(Problem("slot.not_begun", "state"))
            if new == "attended" and now.astimezone(CHINA).date() < slot.starts_at.astimezone(CHINA).date():
                problems.append(Problem("slot.not_begun", "state"))
            if new == "attended" and not isinstance(after.get("attended_at"), dt.datetime):
                problems.append(Problem("field.required", "attended_at"))
        elif not _may_book(actor, lookup, after.get("patient_id"), slot):
            problems.append(Problem("slot.not_your_booking", "state"))
    elif changed - {"state_reason", "attended_at", "updated_at", "updated_by", "device_id", "version",
                    "server_seq", "deleted_at", "case_id"}:
        problems.append(Problem("slot.booking_unchangeable", sorted(changed)[0]))
    if after.get("deleted_at") is not None and before.get("deleted_at") is None:
        problems.append(Problem("slot.booking_not_deleted", "deleted_at"))  # cancelled, never erased
    return problems


def _new_booking(after, actor, lookup, slot) -> list[Problem]:
    if slot is None:
        return [Problem("record.not_found", "slot_id", {"table": "exam_slots"})]
    problems: list[Problem] = []
    if after.get("state") not in (None, "booked"):
        problems.append(Problem("slot.booking_born_booked", "state"))
    if slot.starts_at <= lookup.now():
        problems.append(Problem("slot.in_the_past", "slot_id"))
    patient = lookup.patient(after.get("patient_id"))
    if patient is None:
        problems.append(Problem("record.not_found", "patient_id", {"table": "patients"}))
    elif not _may_book(actor, lookup, patient.id, None):
        problems.append(Problem("slot.patient_outside_scope", "patient_id"))
    case_id = after.get("case_id")
    if case_id and lookup.case_patient(case_id) != after.get("patient_id"):
        problems.append(Problem("slot.case_of_another_patient", "case_id"))
    if problems:
        return problems
    held = lookup.slot_held(slot.id, after.get("id"))
    if held >= slot.capacity:
        free = lookup.free_slots(slot.modality, slot.starts_at, slot.id, ALTERNATIVES)
        return [Problem("slot.full", "slot_id", {
            "capacity": slot.capacity, "modality": slot.modality,
            "alternatives": [i for i, _at, _n in free],
            "alternative_times": [at.astimezone(dt.timezone.utc).isoformat() for _i, at, _n in free],
            "times": ", ".join(at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M") for _i, at, _n in free) or "-"})]
    return []


def _may_book(actor, lookup, patient_id, slot) -> bool:
    """A booking is made and cancelled by whoever has the patient in scope (or, cancelling, by the
    hospital that holds the slot)."""
    if actor is None or actor.is_admin or actor.units is None:
        return True
    if slot is not None and actor.acts_for(slot.org_unit_id):
        return True
    patient = lookup.patient(patient_id)
    if patient is None:
        return False
    return actor.acts_for(patient.community_id) or (
        actor.is_family_doctor and patient.family_doctor_id == actor.user_id)


def _count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


__all__ = ["ALTERNATIVES", "LIVE_BOOKINGS", "MODALITIES", "STATES", "check_booking", "check_slot"]
