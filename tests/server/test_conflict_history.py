"""A conflict's answer names who changed the row last, whichever part of the row's history
the batch read (server/apply.py reads only the changes after the versions pushed from).
Real pushes on PostgreSQL."""
from __future__ import annotations

from db.ids import uuid7
from tests.server.test_set_based_push import push
from tests.server.test_set_based_push import update


def delete(table: str, row_id: str, version: int) -> dict:
    return {"mutation_id": uuid7(), "table": table, "row_id": row_id, "op": "delete", "base_version": version,
            "changes": {}}


def a_patient(api) -> tuple[str, int]:
    return tuple(api.sql("SELECT id, version FROM patients WHERE deleted_at IS NULL ORDER BY id LIMIT 1")[0])


def test_an_edit_against_a_rivals_later_edit_names_the_rival(api):
    here, there = api.login("clinic_cm", 0, device="desk-here"), api.login("clinic_cm", 1, device="desk-there")
    pid, version = a_patient(api)
    for n in range(3):  # a history before the version both desktops hold
        [answer] = push(api, there, [update("patients", pid, version + n, address=f"旧地址 {n}")])
        assert answer["status"] == "applied", answer
    held = version + 3
    [rival] = push(api, there, [update("patients", pid, held, phone="13900000001")])
    [mine] = push(api, here, [update("patients", pid, held, phone="13900000002")])
    assert mine["status"] == "conflict" and mine["kind"] == "both_changed", mine
    assert mine["server_change"]["device_id"] == "desk-there"
    assert mine["server_change"]["user_id"] == there["user"]["id"]
    assert rival["version"] == held + 1 == mine["version"]


def test_an_edit_of_a_row_deleted_at_the_version_held_names_who_deleted_it(api):
    """The desktop holds the version the deletion made: no change after it, and the answer
    still says whose deletion it was."""
    here, there = api.login("clinic_cm", 0, device="desk-here"), api.login("clinic_cm", 1, device="desk-there")
    pid, version = a_patient(api)
    [gone] = push(api, there, [delete("patients", pid, version)])
    assert gone["status"] == "applied", gone
    [mine] = push(api, here, [update("patients", pid, gone["version"], phone="13900000003")])
    assert mine["status"] == "conflict" and mine["kind"] == "deleted_there", mine
    assert mine["server_change"]["device_id"] == "desk-there"
