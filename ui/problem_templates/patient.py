"""Patient and follow-up problems (app/rulebook/patients.py, clinical.py; app/patients.py, followups.py)."""
from __future__ import annotations

ENGLISH = {
    "patient.unknown_community": "This community is not in the network directory on this computer.",
    "patient.id_number_invalid": "The ID number is not valid: {why}.",
    "patient.id_number_mismatch": "The ID number does not match the date of birth and sex.",
    "patient.not_a_family_doctor": "This person is not an active family doctor.",
    "patient.doctor_other_station": "The family doctor works at another station than the patient's community.",
    "patient.register_outside": "You can register patients only in your own communities.",
    "patient.move_other_station": "A family doctor moves a patient only between communities of his or her own station.",
    "patient.move_outside": "You can move a patient only to a community of your own station.",
    "patient.doctor_not_yours": "A family doctor cannot take another doctor's patient away.",
    "patient.note_empty": "Write something first.",
    "patient.not_revealable": "{field_name} cannot be shown in full.",
    "followup.before_birth": "The follow-up date {day} is before the patient was born ({birth}).",
    "followup.too_far_ahead": "A follow-up more than {years} years ahead.",
    "followup.method_required": "Choose how the follow-up was done.",
    "followup.outcome_required": "Choose the outcome.",
    "followup.not_open": "This follow-up is already done or cancelled.",
    "followup.closure_reason_required": "Say why the clinic is closed.",
    "followup.clinic_on_day_off": "A clinic visit needs a working day; {day} is not one. Choose another day.",
    "case.wrong_manager_role": "{field_name}: this person does not have that role.",
    "screening.in_future": "The screening date is in the future.",
    "record.append_only": "A {table} is never changed once written.",
    "scope.outside": "This patient is outside your organisation's scope: the server takes no changes to it from you.",
}

TERM_PARAMS = {"patient:why": "id_why"}

TERMS = {
    "id_why.length": "it must be 18 characters",
    "id_why.digits": "the first 17 characters must be digits",
    "id_why.last_char": "the last character must be a digit or X",
    "id_why.province": "the province code is unknown",
    "id_why.birth_date": "the birth date in it is not a date",
    "id_why.birth_range": "the birth date in it is out of range",
    "id_why.check_digit": "the check digit does not match",
    "field.text": "Text",
    "field.clinic_cm_id": "Clinic case manager",
    "field.ward_cm_id": "Ward case manager",
    "field.community_cm_id": "Community case manager",
    "field.outcome": "Outcome",
    "field.screened_on": "Screening date",
}
