"""Households (家庭单元) and their members.

What a household must be: its anchor (the member it was started from, whose scope it syncs
in) fixed once made; bounded texts; a health supervisor (家庭健康监督员) who is either one of
its members or a named person with a telephone, the number in the one form CaseDesk stores
(app/phone.py); not removed while it has members.
What a member must be: one of the relations below, the anchor as "self" and nobody else, a
patient in at most one household, added only once the anchor is in (the relations are all
to the anchor), the anchor removed last; patient and household fixed (remove and add instead).
Who may do it: a person whose organisation holds the patient (the anchor, and the member
being added), network-wide staff for any, a family doctor only for his contracted patients.
"""
from __future__ import annotations

from app import phone
from app.problems import Problem
from app.rulebook.common import changed as changed_fields
from app.rulebook.common import choice
from app.rulebook.common import max_length

RELATIONS = ("self", "spouse", "parent", "child", "sibling", "grandparent", "grandchild", "other")
LIMITS = {"name": 64, "address": 200, "supervisor_name": 64, "supervisor_phone": 32, "notes": 2000}


def check_household(before, after, actor, lookup) -> list[Problem]:
    problems: list[Problem] = []
    changed = changed_fields(before, after)
    max_length(after, changed, LIMITS, problems)
    if before is not None and "patient_id" in changed:
        problems.append(Problem("household.anchor_fixed", "patient_id"))
    elif before is None and lookup.patient(after.get("patient_id")) is None:
        problems.append(Problem("household.unknown_patient", "patient_id"))
    deleting = after.get("deleted_at") is not None
    if deleting and (before is None or before.get("deleted_at") is None):
        if lookup.household_members(household_id=after["id"]):
            problems.append(Problem("household.has_members", None))
    elif changed & {"supervisor_patient_id", "supervisor_name", "supervisor_phone"}:
        _supervisor(after, lookup, problems)
    if actor is not None and not problems:
        problem = who(after.get("patient_id"), actor, lookup)
        if problem:
            problems.append(problem)
    return problems


def _supervisor(after, lookup, problems) -> None:
    member = after.get("supervisor_patient_id")
    name = (after.get("supervisor_name") or "").strip()
    number = after.get("supervisor_phone")
    if member is not None:
        if not any(m.patient_id == member for m in lookup.household_members(household_id=after["id"])):
            problems.append(Problem("household.supervisor_not_member", "supervisor_patient_id"))
    elif number and not name:
        problems.append(Problem("household.supervisor_name_required", "supervisor_name"))
    elif name and not number:
        # A supervisor who is not a patient is reached only by this number.
        problems.append(Problem("household.supervisor_phone_required", "supervisor_phone"))
    if number:
        try:
            valid = phone.normalise(number) == number
        except phone.NotAPhone:
            valid = False
        if not valid:
            problems.append(Problem("household.supervisor_phone_invalid", "supervisor_phone", {"value": number}))


def check_member(before, after, actor, lookup) -> list[Problem]:
    problems: list[Problem] = []
    changed = changed_fields(before, after)
    choice(after, changed, "relation", RELATIONS, problems)
    if before is not None and changed & {"household_id", "patient_id"}:
        problems.append(Problem("household.member_fixed", "patient_id"))
        return problems
    household = lookup.household(after.get("household_id"))
    if household is None or household.deleted:
        problems.append(Problem("household.unknown", "household_id"))
        return problems
    others = [m for m in lookup.household_members(household_id=household.id) if m.id != after["id"]]
    if after.get("deleted_at") is not None:
        if after.get("relation") == "self" and others:
            problems.append(Problem("household.anchor_last", "patient_id", {"count": len(others)}))
    else:
        _member(before, after, changed, household, others, lookup, problems)
    if actor is not None and not problems:
        for patient_id in dict.fromkeys((household.patient_id, after.get("patient_id"))):
            problem = who(patient_id, actor, lookup)
            if problem:
                problems.append(problem)
                break
    return problems


def _member(before, after, changed, household, others, lookup, problems) -> None:
    patient_id = after.get("patient_id")
    if before is None and lookup.patient(patient_id) is None:
        problems.append(Problem("household.unknown_patient", "patient_id"))
        return
    is_anchor = patient_id == household.patient_id
    if "relation" in changed and is_anchor != (after.get("relation") == "self"):
        problems.append(Problem("household.self_is_anchor", "relation"))
    if before is None:
        if not is_anchor and not any(m.relation == "self" for m in others):
            problems.append(Problem("household.anchor_missing", "household_id"))
        elsewhere = [m for m in lookup.household_members(patient_id=patient_id) if m.id != after["id"]]
        if elsewhere:
            same = elsewhere[0].household_id == household.id
            problems.append(Problem("household.already_member" if same else "household.in_another",
                                    "patient_id"))


def who(patient_id, actor, lookup) -> Problem | None:
    """May `actor` keep the household of this patient? (also asked by the service before a form)"""
    if actor.is_admin or actor.units is None and not actor.is_family_doctor:
        return None
    patient = lookup.patient(patient_id)
    if patient is None:
        return Problem("household.not_your_patient", "patient_id")
    if actor.is_family_doctor:
        if patient.family_doctor_id != actor.user_id or not patient.contract_signed:
            return Problem("household.not_your_contracted_patient", "patient_id")
        return None
    if not actor.acts_for(patient.community_id):
        return Problem("household.not_your_patient", "patient_id")
    return None
