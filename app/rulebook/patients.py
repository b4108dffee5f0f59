"""Patients: what a registration must hold, and who may move a patient between communities
or change the family doctor.

A patient belongs to a community (社区防治点) and may have a family doctor; both decide who
sees the patient (app/sync/scope.py), so moving them is the rule book's business:
- a family doctor moves a patient only between communities of his own station;
- a community case manager moves a patient only within the station's communities;
- the family doctor must work at the patient's station (a community case manager cannot
  make a patient readable by another station's doctor).
Centre staff coordinate the whole network and may move a patient anywhere, still to a
doctor of the patient's station.
"""
from __future__ import annotations

from app import idcard
from app.problems import Problem
from app.rulebook.common import changed as changed_fields
from app.rulebook.common import choice
from app.rulebook.common import max_length
from db.models.enums import Role

LIMITS = {"name": 64, "phone": 20, "address": 200, "family_history": 2000, "occupational_exposure": 2000,
          "warning_flags": 2000}


def check(before, after, actor, lookup) -> list[Problem]:
    problems: list[Problem] = []
    changed = changed_fields(before, after)
    if "name" in changed or before is None:
        if not (after.get("name") or "").strip():
            problems.append(Problem("field.required", "name"))
    choice(after, changed, "sex", ("M", "F"), problems)
    max_length(after, changed, LIMITS, problems)
    if changed & {"id_number", "birth_date", "sex"} and after.get("id_number"):
        _id_number(after, problems)
    if "community_id" in changed and after.get("community_id") is not None:
        if lookup.org(after["community_id"]) is None:
            problems.append(Problem("patient.unknown_community", "community_id"))
    if "family_doctor_id" in changed and after.get("family_doctor_id") is not None:
        _doctor(after, lookup, problems)
    if actor is not None and not actor.is_admin and not problems:
        _who(before, after, changed, actor, lookup, problems)
    return problems


def _id_number(after, problems) -> None:
    code = idcard.problem_code(after["id_number"])
    if code:
        problems.append(Problem("patient.id_number_invalid", "id_number", {"why": code}))
        return
    _, birth, sex = idcard.parse(after["id_number"])
    if (after.get("birth_date") and birth != after["birth_date"]) or (after.get("sex") and sex != after["sex"]):
        problems.append(Problem("patient.id_number_mismatch", "id_number"))


def _doctor(after, lookup, problems) -> None:
    doctor = lookup.user(after["family_doctor_id"])
    if doctor is None or doctor.role != Role.FAMILY_DOCTOR.value or not doctor.active:
        problems.append(Problem("patient.not_a_family_doctor", "family_doctor_id"))
        return
    if lookup.station_of(doctor.org_unit_id) != lookup.station_of(after.get("community_id")):
        problems.append(Problem("patient.doctor_other_station", "family_doctor_id"))


def _who(before, after, changed, actor, lookup, problems) -> None:
    community = after.get("community_id")
    if before is None:
        if actor.units is not None and community not in actor.units:
            problems.append(Problem("patient.register_outside", "community_id"))
        return
    if "community_id" in changed:
        old = before.get("community_id")
        if actor.is_family_doctor:
            if lookup.station_of(old) is None or lookup.station_of(old) != lookup.station_of(community):
                problems.append(Problem("patient.move_other_station", "community_id"))
        elif actor.units is not None and community not in actor.units:
            problems.append(Problem("patient.move_outside", "community_id"))
    if "family_doctor_id" in changed and actor.is_family_doctor:
        # A family doctor takes a patient on himself, or hands one to a colleague of his station
        # (checked above); he does not sign others' patients away from their doctor.
        if before.get("family_doctor_id") not in (None, actor.user_id):
            problems.append(Problem("patient.doctor_not_yours", "family_doctor_id"))
