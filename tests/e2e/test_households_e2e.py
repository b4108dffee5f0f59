"""Households over sync, against a real server on PostgreSQL: one made on a desktop arrives on
another with its members and supervisor; one a family doctor makes for a patient not
contracted with him is refused by the server's rule book with its code (and by his own
desktop before it reaches the outbox)."""
from __future__ import annotations

import pytest

from app.households import HouseholdService
from app.problems import ProblemError
from db.ids import uuid7
from db.models import OutboxEntry
from tests.e2e.test_rulebook_authority import Pusher
from tests.e2e.test_rulebook_authority import codes
from tests.e2e.test_rulebook_authority import one


def test_a_household_made_on_one_desktop_arrives_on_another(fleet):
    a = fleet("a", "community_cm")
    b = fleet("b", "clinic_cm")
    a.client.cycle()
    service = HouseholdService(a.profile.store)
    # patients this desk's person may keep a household for, not in one of the demo's households
    mine = [p for p in a.patient_ids() if service.may_keep(p) is None and service.of_patient(p) is None]
    anchor, wife, son = mine[:3]
    hid = service.start(anchor, name="王家", address="金桥社区3幢")
    service.add_member(hid, wife, "spouse")
    service.add_member(hid, son, "child")
    service.set_supervisor(hid, name="王阿姨", phone_number="+86 139 0000 1111")
    result = a.client.cycle()
    assert set(result.pushed) == {"applied"}
    assert a.count(OutboxEntry) == 0
    b.client.cycle()
    view = HouseholdService(b.profile.store).of_patient(son)
    assert view is not None and view.id == hid and (view.name, view.address) == ("王家", "金桥社区3幢")
    assert {m.patient_id: m.relation for m in view.members} == {anchor: "self", wife: "spouse", son: "child"}
    assert (view.supervisor_name, view.supervisor_phone) == ("王阿姨", "13900001111")
    server = fleet.sql("SELECT count(*) FROM household_members WHERE household_id = :h AND deleted_at IS NULL", h=hid)
    assert server[0][0] == 3


def test_a_family_doctor_cannot_keep_the_household_of_a_patient_not_his(fleet):
    # a patient in a family doctor's scope (his community, or his name on the patient) who has
    # not signed a contract with him
    doctor = one(fleet, "SELECT u.id, u.username, p.id AS patient FROM users u JOIN patients p ON "
                        "(p.community_id = u.org_unit_id OR p.family_doctor_id = u.id) WHERE u.role = 'family_doctor' "
                        "AND p.deleted_at IS NULL AND (p.family_doctor_id IS DISTINCT FROM u.id OR NOT p.contract_signed) "
                        "ORDER BY u.username, p.id LIMIT 1")
    patient = doctor.patient
    answer = Pusher(fleet.server.url, doctor.username).push(
        "households", uuid7(), {"patient_id": patient, "name": "李家"}, op="insert")
    assert answer["status"] == "rejected" and codes(answer) == {"household.not_your_contracted_patient"}
    assert fleet.sql("SELECT count(*) FROM households WHERE patient_id = :p", p=patient)[0][0] == 0
    # his own desktop says so before anything is queued
    desk = fleet("fd", "family_doctor", fleet.roles["family_doctor"].index(doctor.username))
    desk.client.cycle()
    with pytest.raises(ProblemError) as exc:
        HouseholdService(desk.profile.store).start(patient)
    assert [p.code for p in exc.value.problems] == ["household.not_your_contracted_patient"]
    assert desk.count(OutboxEntry) == 0


def test_two_offline_desktops_putting_one_patient_in_two_households(fleet):
    """Each desk's rule book saw the patient in no household; the server takes the first and
    refuses the second with the code, which stays in that desk's outbox for a person."""
    a = fleet("a", "community_cm")
    b = fleet("b", "clinic_cm")
    a.client.cycle()
    b.client.cycle()
    service_a, service_b = HouseholdService(a.profile.store), HouseholdService(b.profile.store)
    free = [p for p in a.patient_ids() if service_a.may_keep(p) is None and service_a.of_patient(p) is None]
    first, second, both = free[:3]
    ha = service_a.start(first)
    service_a.add_member(ha, both, "sibling")
    hb = service_b.start(second)
    service_b.add_member(hb, both, "child")
    assert a.client.cycle().pushed == {"applied": 3}
    assert b.client.cycle().pushed == {"applied": 2, "rejected": 1}
    (entry,) = b.outbox()
    assert entry.status == "rejected" and entry.table_name == "household_members"
    assert [p["code"] for p in (entry.server_detail or {}).get("problems", [])] == ["household.in_another"]
    (household,), = fleet.sql("SELECT household_id FROM household_members WHERE patient_id = :p "
                              "AND deleted_at IS NULL", p=both)
    assert household == ha
