"""The rule book, rule by rule: each with a case it lets through and a case it refuses.

The lookup is a small in-memory network (a centre, two stations with a community point
each, a partner hospital); the same rules run against real databases in the service and
e2e tests (test_referrals.py, tests/e2e/test_rulebook_authority.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from app import rulebook
from app.idcard import make_id
from app.rulebook.actor import Actor
from app.rulebook.lookup import Org
from app.rulebook.lookup import PatientFacts
from app.rulebook.lookup import Person

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 12, 2, 2, 0, tzinfo=UTC)  # a Wednesday, 10:00 in China
SATURDAY = dt.date(2026, 12, 5)

ORGS = {
    "centre": Org("centre", "centre", None),
    "s1": Org("s1", "street_station", "centre"), "p1": Org("p1", "community_point", "s1"),
    "s2": Org("s2", "street_station", "centre"), "p2": Org("p2", "community_point", "s2"),
    "hospital": Org("hospital", "partner_hospital", None),
}
PEOPLE = {
    "doc1": Person("doc1", "family_doctor", "p1", True), "doc2": Person("doc2", "family_doctor", "p2", True),
    "cm1": Person("cm1", "community_cm", "s1", True), "clinic": Person("clinic", "clinic_cm", "centre", True),
}
PATIENTS = {"pat": PatientFacts("pat", "p1", "doc1", True), "other": PatientFacts("other", "p1", "doc2", False)}


class Network:
    def org(self, unit_id):
        return ORGS.get(unit_id)

    def user(self, user_id):
        return PEOPLE.get(user_id)

    def patient(self, patient_id):
        return PATIENTS.get(patient_id)

    def events_of_patient(self, patient_id, ids):
        return {i for i in ids if i.startswith(f"{patient_id}-event")}

    def station_of(self, unit_id):
        while unit_id:
            org = ORGS.get(unit_id)
            if org is None:
                return None
            if org.kind == "street_station":
                return org.id
            unit_id = org.parent_id
        return None

    def working_day(self, day):
        return day.weekday() < 5

    def now(self):
        return NOW


NET = Network()
DOC1 = Actor("doc1", "family_doctor", "p1", frozenset({"p1"}))
CM1 = Actor("cm1", "community_cm", "s1", frozenset({"s1", "p1"}))
CLINIC = Actor("clinic", "clinic_cm", "centre", None)


def codes(table, before, after, actor=None) -> set[str]:
    return {p.code for p in rulebook.check(table, before, after, actor, NET)}


# -- patients ---------------------------------------------------------------------------

BIRTH = dt.date(1960, 5, 17)
PATIENT = {"name": "赵建国", "sex": "M", "birth_date": BIRTH, "id_number": make_id("330217", BIRTH, 11, "M"),
           "community_id": "p1", "family_doctor_id": "doc1", "phone": "13900001111"}


@pytest.mark.parametrize("change,code", [
    ({"name": "  "}, "field.required"),
    ({"sex": "X"}, "field.not_allowed"),
    ({"id_number": "330217196005170000"}, "patient.id_number_invalid"),
    ({"birth_date": dt.date(1961, 5, 17)}, "patient.id_number_mismatch"),
    ({"phone": "1" * 21}, "field.too_long"),
    ({"community_id": "nowhere"}, "patient.unknown_community"),
    ({"family_doctor_id": "cm1"}, "patient.not_a_family_doctor"),
    ({"family_doctor_id": "doc2"}, "patient.doctor_other_station"),
])
def test_a_registration_must_hold_together(change, code):
    assert codes("patients", None, PATIENT) == set()
    assert code in codes("patients", None, {**PATIENT, **change})


def test_a_family_doctor_moves_patients_only_within_his_station():
    moved = {**PATIENT, "community_id": "p2", "family_doctor_id": None}
    assert "patient.move_other_station" in codes("patients", PATIENT, moved, DOC1)
    assert codes("patients", PATIENT, moved, CLINIC) == set()  # the centre coordinates the network


def test_a_community_case_manager_moves_patients_within_the_station_and_to_its_doctors():
    assert "patient.move_outside" in codes("patients", PATIENT, {**PATIENT, "community_id": "p2",
                                                                  "family_doctor_id": None}, CM1)
    assert codes("patients", PATIENT, {**PATIENT, "family_doctor_id": None}, CM1) == set()
    assert "patient.doctor_other_station" in codes("patients", PATIENT, {**PATIENT, "family_doctor_id": "doc2"}, CM1)


def test_registration_happens_in_ones_own_communities():
    assert codes("patients", None, PATIENT, DOC1) == set()
    elsewhere = {**PATIENT, "community_id": "p2", "family_doctor_id": None}
    assert "patient.register_outside" in codes("patients", None, elsewhere, DOC1)


def test_a_family_doctor_does_not_sign_away_another_doctors_patient():
    theirs = {**PATIENT, "family_doctor_id": "doc2", "community_id": "p2"}
    assert "patient.doctor_not_yours" in codes("patients", theirs, {**theirs, "family_doctor_id": "doc1",
                                                                    "community_id": "p1"}, DOC1)


# -- referrals: who -----------------------------------------------------------------------

REFERRAL = {"patient_id": "pat", "direction": "up", "green_channel": False, "urgency": "routine",
            "from_org_id": "p1", "to_org_id": "centre", "reason": "结节", "state": "draft", "findings": None}


def test_the_sender_drafts_and_sends_the_receiver_receives():
    assert codes("referrals", None, REFERRAL, DOC1) == set()
    sent = {**REFERRAL, "state": "sent", "sent_at": NOW}
    assert codes("referrals", REFERRAL, sent, DOC1) == set()
    received = {**sent, "state": "received"}
    assert "referral.not_your_side" in codes("referrals", sent, received, DOC1)
    assert codes("referrals", sent, received, CLINIC) == set()


def test_a_family_doctor_refers_only_his_contracted_patients():
    theirs = {**REFERRAL, "patient_id": "other"}
    assert "referral.not_your_contracted_patient" in codes("referrals", None, theirs, DOC1)
    assert codes("referrals", None, theirs, CM1) == set()  # the station's case manager may


def test_direction_green_channel_and_findings():
    assert "referral.direction_level" in codes("referrals", None, {**REFERRAL, "to_org_id": "p2"})  # same level
    assert "referral.green_channel_up_only" in codes("referrals", None, {
        **REFERRAL, "direction": "down", "from_org_id": "centre", "to_org_id": "p1", "green_channel": True})
    assert codes("referrals", None, {**REFERRAL, "to_org_id": "hospital"}) == set()  # up to the province
    assert codes("referrals", None, {**REFERRAL, "findings": ["pat-event-1"]}) == set()
    assert "referral.finding_not_on_timeline" in codes("referrals", None, {**REFERRAL, "findings": ["x-event"]})


def test_a_late_appointment_needs_a_breach_reason():
    accepted = {**REFERRAL, "state": "accepted", "sent_at": NOW - dt.timedelta(hours=30)}
    scheduled = {**accepted, "state": "scheduled", "scheduled_at": NOW + dt.timedelta(days=1),
                 "scheduled_place": "门诊"}
    assert "referral.breach_reason_required" in codes("referrals", accepted, scheduled, CLINIC)
    assert codes("referrals", accepted, {**scheduled, "breach_reason": "no_slot"}, CLINIC) == set()
    on_time = {**accepted, "sent_at": NOW - dt.timedelta(hours=3)}
    assert codes("referrals", on_time, {**scheduled, "sent_at": on_time["sent_at"]}, CLINIC) == set()


# -- follow-ups, MDT, cases, screenings, letters, timeline, audit ---------------------------

FOLLOWUP = {"patient_id": "pat", "due_date": dt.date(2026, 12, 4), "method": "clinic", "status": "planned"}


def test_a_clinic_visit_falls_on_a_working_day():
    assert codes("followups", None, FOLLOWUP) == set()
    assert codes("followups", None, {**FOLLOWUP, "due_date": SATURDAY}) == {"followup.clinic_on_day_off"}
    assert codes("followups", None, {**FOLLOWUP, "due_date": SATURDAY, "method": "phone"}) == set()
    done = {**FOLLOWUP, "due_date": SATURDAY, "status": "done"}  # what happened is not refused
    assert codes("followups", {**done, "status": "planned"}, done) == set()


def test_follow_up_values():
    assert codes("followups", None, {**FOLLOWUP, "status": "lost"}) == {"field.not_allowed"}
    assert codes("followups", None, {**FOLLOWUP, "due_date": dt.date(2040, 1, 2)}) == {"followup.too_far_ahead"}


MDT = {"patient_id": "pat", "question": "是否手术", "specialties": ["胸外科", "肿瘤内科"], "state": "requested",
       "checklist": {k: False for k in ("pathology", "imaging", "staging", "labs", "consent")}}


def test_mdt_requests():
    assert codes("mdt_requests", None, MDT) == set()
    assert codes("mdt_requests", None, {**MDT, "specialties": ["胸外科"]}) == {"mdt.two_specialties"}
    assert "mdt.not_ready" in codes("mdt_requests", MDT, {**MDT, "state": "ready"})
    ready = {**MDT, "state": "ready", "checklist": {k: True for k in MDT["checklist"]}}
    assert codes("mdt_requests", {**ready, "state": "requested"}, ready) == set()
    assert "mdt.step_order" in codes("mdt_requests", MDT, {**MDT, "state": "decided"})


def test_an_mdt_decision_is_made_at_or_after_its_session_with_words():
    booked = {**MDT, "state": "booked", "checklist": {k: True for k in MDT["checklist"]},
              "slot_at": NOW + dt.timedelta(days=2)}
    early = {**booked, "state": "decided", "decision": "手术", "decided_at": NOW}
    assert codes("mdt_requests", booked, early) == {"mdt.decided_before_session"}
    on_time = {**early, "decided_at": booked["slot_at"] + dt.timedelta(hours=2)}
    assert codes("mdt_requests", booked, on_time) == set()
    assert codes("mdt_requests", booked, {**on_time, "decision": " "}) == {"mdt.decision_required"}


def test_cases_hold_case_managers_of_their_role():
    case = {"patient_id": "pat", "cancer_type": "lung", "stage": "screen", "risk_level": "high",
            "community_cm_id": "cm1"}
    assert codes("cases", None, case) == set()
    assert codes("cases", None, {**case, "community_cm_id": "clinic"}) == {"case.wrong_manager_role"}
    assert codes("cases", None, {**case, "stage": "cure"}) == {"field.not_allowed"}


def test_screenings_letters_and_the_timeline():
    screening = {"patient_id": "pat", "programme": "lung_ldct", "screened_on": dt.date(2026, 12, 1), "result": "normal"}
    assert codes("screenings", None, screening) == set()
    assert codes("screenings", None, {**screening, "screened_on": dt.date(2026, 12, 9)}) == {"screening.in_future"}
    letter = {"patient_id": "pat", "kind": "followup_reminder", "printed_at": NOW}
    assert codes("letters", None, letter) == set()
    assert codes("letters", letter, {**letter, "kind": "x"}) == {"record.append_only"}
    event = {"patient_id": "pat", "kind": "note", "title": "电话随访", "occurred_at": NOW}
    assert codes("timeline_events", None, event) == set()
    assert codes("timeline_events", event, {**event, "title": "改"}) == {"record.append_only"}
    assert codes("timeline_events", event, {**event, "version": 2, "server_seq": 9}) == set()


def test_an_audit_entry_is_the_signed_in_persons():
    entry = {"seq": 1, "user_id": "cm1", "at": NOW}
    assert codes("audit_entries", None, entry, CM1) == set()
    assert codes("audit_entries", None, {**entry, "user_id": None}, CM1) == set()  # before the first sign-in
    assert codes("audit_entries", None, {**entry, "user_id": "clinic"}, CM1) == {"audit.other_user"}
