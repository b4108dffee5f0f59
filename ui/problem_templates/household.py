"""Households (家庭单元): app/rulebook/households.py and app/households.py."""
from __future__ import annotations

ENGLISH = {
    "household.anchor_fixed": "A household stays with the member it was started from; start a new household "
                              "instead.",
    "household.unknown_patient": "This patient is not known here.",
    "household.unknown": "This household does not exist (any more).",
    "household.has_members": "A household is removed after its members.",
    "household.supervisor_not_member": "The health supervisor must be a member of this household, or a person "
                                       "named with a phone number.",
    "household.supervisor_name_required": "Name the health supervisor the phone number belongs to.",
    "household.supervisor_phone_required": "A health supervisor who is not a patient needs a phone number.",
    "household.supervisor_phone_invalid": "“{value}” is not a mobile number (11 digits) or a landline with its "
                                          "area code.",
    "household.member_fixed": "A member's patient and household stay as they are; remove the member and add "
                              "the right one.",
    "household.anchor_last": "The member the household was started from is removed last ({count} other "
                             "member(s) still in it).",
    "household.self_is_anchor": "“Self” is the member the household was started from, and only that member.",
    "household.anchor_missing": "The member the household was started from is not in it: add that member "
                                "first.",
    "household.already_member": "This patient is already a member of this household.",
    "household.in_another": "This patient is already a member of another household; remove them there first.",
    "household.not_your_patient": "This patient is not one your organisation looks after.",
    "household.not_your_contracted_patient": "A family doctor keeps households only for patients contracted "
                                             "with him.",
    "household.nothing_to_plan": "Nobody in this household needs a call or visit.",
    "household.bad_method": "A household is called or visited at home.",
}

TERMS = {
    "table.households": "household",
    "table.household_members": "household member",
    "field.relation": "Relation",
    "field.household_id": "Household",
    "field.supervisor_patient_id": "Health supervisor",
    "field.supervisor_name": "Health supervisor's name",
    "field.supervisor_phone": "Health supervisor's phone",
}
