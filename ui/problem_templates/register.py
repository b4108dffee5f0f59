"""Registering a patient at the desk and editing contact details (app/registration.py)."""
from __future__ import annotations

ENGLISH = {
    "register.name_required": "Enter the name.",
    "register.too_long": "{field_name}: at most {max} characters.",
    "register.id_number_required": "Enter the 18-character ID number.",
    "register.id_number_invalid": "The ID number is not valid: {why}.",
    "register.birth_date_mismatch": "The birth date {given} does not match the ID number, which says {in_id}.",
    "register.sex_mismatch": "The sex ({given_sex}) does not match the ID number, which says {id_sex}.",
    "register.phone_invalid": "“{value}” is not a mobile number (11 digits) or a landline with its area code "
                              "(such as 0574-87654321).",
    "register.community_required": "Choose the community.",
    "register.community_unknown": "This community is not in the network directory on this computer.",
    "register.community_outside": "You can register patients only in the communities of your own station.",
    "register.not_a_family_doctor": "This person is not an active family doctor.",
    "register.doctor_other_station": "This family doctor works at another station than the community's.",
    "register.same_id_number": "{name} ({masked_id}, {community}) already has this ID number. Open that patient "
                               "instead of registering a second record.",
    "register.possible_duplicate": "A patient with the same name and birth date, or the same phone, is already "
                                   "registered. Check whether it is the same person; register only if not.",
    "register.cancer_unknown": "Unknown cancer type: {value}.",
    "register.stage_unknown": "Unknown stage: {value}.",
    "register.no_patient": "This patient is no longer on this computer.",
}

TERM_PARAMS = {"register:why": "id_why", "register:given_sex": "reg_sex", "register:id_sex": "reg_sex"}

TERMS = {
    "reg_sex.M": "male",
    "reg_sex.F": "female",
}
