"""The audit trail reaches the server and stays there: every desktop's chain arrives whole,
exactly once, through lost answers and a server that forgot; a changed trail is refused;
and the server's database refuses to change or remove an entry. Real server, PostgreSQL."""
from __future__ import annotations

import uuid

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.sync import audit_push
from app.sync.client import SyncError
from db.models import AuditEntry
from db.models import Patient
from tests.support import run_main

pytestmark = pytest.mark.usefixtures("keyring_ready")


def local_chain(desk) -> list[tuple[int, str]]:
    with desk.session() as s:
        return [tuple(r) for r in s.execute(select(AuditEntry.seq, AuditEntry.entry_hash).where(
            AuditEntry.device_id == desk.profile.device_id).order_by(AuditEntry.seq))]


def server_chain(fleet, desk) -> list[tuple[int, str]]:
    return [tuple(r) for r in fleet.sql(
        "SELECT seq, entry_hash FROM audit_entries WHERE device_id = :d ORDER BY seq", d=desk.profile.device_id)]


def read_some(desk, n: int = 3) -> None:
    for pid in desk.patient_ids()[:n]:
        desk.profile.store.record_access("read", "patients", pid, note="opened the patient")


def test_a_desktops_trail_reaches_the_server_whole_and_once(fleet):
    desk = fleet("a")
    desk.client.cycle()
    read_some(desk)
    desk.edit(Patient, desk.patient_ids()[0], phone="13800000001")
    held = len(server_chain(fleet, desk))
    report = desk.client.cycle()
    assert report.audit_sent == len(local_chain(desk)) - held >= 4
    assert server_chain(fleet, desk) == local_chain(desk)
    assert desk.client.cycle().audit_sent == 0  # nothing twice
    checked = run_main("audit", "verify", "--db", fleet.db)  # the server's copy is an unbroken chain
    assert checked.returncode == 0, checked.stderr
    assert f"intact: {len(local_chain(desk))} entries from 1 desktop" in checked.stdout


def test_a_lost_answer_or_a_forgetful_server_sends_again_without_duplicates(fleet):
    desk = fleet("a")
    desk.client.cycle()
    read_some(desk)
    acked = desk.profile.get_local(audit_push.ACKED_KEY)
    # The server stores the entries but its answer never arrives.
    desk.net.plan("drop_response")
    with pytest.raises(SyncError):
        audit_push.send(desk.profile, desk.client._post)
    assert server_chain(fleet, desk) == local_chain(desk)
    assert desk.profile.get_local(audit_push.ACKED_KEY) == acked
    desk.client.cycle()  # sent again: taken as a replay
    assert server_chain(fleet, desk) == local_chain(desk)
    # The desktop believes more was acknowledged than the server holds (the server was
    # restored from an older backup): the server answers where its chain ends, and the
    # desktop resends from there with its next entries.
    held = len(local_chain(desk))
    read_some(desk, 2)
    desk.profile.set_local(audit_push.ACKED_KEY, str(held + 1))
    desk.client.cycle()
    assert server_chain(fleet, desk) == local_chain(desk)
    assert desk.profile.get_local(audit_push.ACKED_KEY) == str(held + 2)


def test_a_changed_trail_is_refused_and_nothing_of_it_is_stored(fleet):
    desk = fleet("a")
    desk.client.cycle()
    held = len(server_chain(fleet, desk))
    read_some(desk, 4)
    with desk.profile.engine.begin() as conn:  # someone rewrites what they did
        conn.execute(text("UPDATE audit_entries SET note = 'nothing to see' WHERE device_id = :d AND seq = :s"),
                     {"d": desk.profile.device_id, "s": held + 2})
    with pytest.raises(SyncError) as refused:
        desk.client.cycle()
    assert refused.value.status == 409
    assert "hash" in str(refused.value)
    assert len(server_chain(fleet, desk)) == held  # all or nothing: not even the sound first entry


def test_the_server_database_refuses_to_change_or_remove_an_entry(fleet):
    desk = fleet("a")
    desk.client.cycle()
    read_some(desk)
    desk.client.cycle()
    assert server_chain(fleet, desk)
    for statement in ("UPDATE audit_entries SET note = 'x'", "DELETE FROM audit_entries",
                      "TRUNCATE audit_entries"):
        with pytest.raises(DBAPIError, match="append-only"):
            fleet.sql(statement)
    assert server_chain(fleet, desk) == local_chain(desk)


def test_bad_audit_pushes_get_a_reason_and_store_nothing(fleet):
    desk = fleet("a")
    desk.client.cycle()
    read_some(desk, 1)
    with desk.session() as s:
        (entry,) = audit_push.entries_after(s, desk.profile.device_id, 0, limit=1)
    token = desk.client.access_token
    url = fleet.server.url

    def post(body, auth=True):
        headers = {"Authorization": f"Bearer {token}"} if auth else {}
        return httpx.post(f"{url}/sync/audit", json=body, headers=headers, timeout=10)

    assert post({"entries": [entry]}, auth=False).status_code == 401
    assert post({"entries": []}).status_code == 422
    assert post({"entries": [{**entry, "seq": "one"}]}).status_code == 422
    late = post({"entries": [{**entry, "at": "yesterday"}]})
    assert late.status_code == 422 and late.json()["code"] == "request.invalid"
    assert any("entries.0.at" in p for p in late.json()["params"]["problems"])
    assert post({"entries": [{**entry, "device_id": "elsewhere"}]}).status_code == 422  # the token's device only
    forged = post({"entries": [{**entry, "note": "forged", "id": str(uuid.uuid4())}]})
    assert forged.status_code == 409 and forged.json()["code"] == "audit.hash_mismatch"
    assert server_chain(fleet, desk) == []
    # The generic push refuses the table: the chain is the only way in.
    answer = httpx.post(f"{url}/sync/push", headers={"Authorization": f"Bearer {token}"}, timeout=10, json={
        "schema_version": fleet.sql("SELECT version_num FROM alembic_version")[0][0],
        "mutations": [{"mutation_id": str(uuid.uuid4()), "table": "audit_entries", "row_id": entry["id"],
                       "op": "insert", "base_version": 0, "changes": {"seq": [None, 1]}}]}).json()
    assert answer["results"][0]["status"] == "rejected"
    assert answer["results"][0]["problems"][0]["code"] == "sync.audit_not_a_mutation"

