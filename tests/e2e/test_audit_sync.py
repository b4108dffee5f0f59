"""The audit trail reaches the server and stays there: every desktop's chain arrives whole,
exactly once, through lost answers and a server that forgot; a changed trail is refused;
and the server's database refuses to change or remove an entry. Real server, PostgreSQL."""
from __future__ import annotations

import datetime as dt
import uuid

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app import audit
from app.sync import audit_push
from app.sync.client import SyncError
from app.sync.wire import from_wire
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
    assert f"审计记录完整：共 {len(local_chain(desk))} 条，来自 1 台电脑" in checked.stdout


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



def forged(entry: dict, device_id: str, prev_hash: str = audit.GENESIS, **changes) -> dict:
    """`entry` changed as a forger would, with hashes that fit (the chain itself is sound)."""
    wire = {**entry, **changes, "prev_hash": prev_hash}
    values = {f: from_wire("audit_entries", f, wire[f]) for f in audit_push.FIELDS if f != "entry_hash"}
    wire["entry_hash"] = audit.entry_hash(AuditEntry(**values, device_id=device_id))
    return wire


def test_a_borrowed_device_id_cannot_take_over_that_desktops_trail(fleet):
    victim = fleet("victim")
    victim.client.cycle()
    read_some(victim, 2)
    with victim.session() as s:
        (first,) = audit_push.entries_after(s, victim.profile.device_id, 0, limit=1)
    # The attacker signs in with the victim's device id (it is in every row the victim pushed) …
    attacker = fleet.roles["clinic_cm"][1]
    taken = httpx.post(f"{fleet.server.url}/auth/login", timeout=10, json={
        "username": attacker, "password": f"{attacker}-demo", "device_id": victim.profile.device_id})
    assert taken.status_code == 403 and taken.json()["code"] == "auth.device_other_user"
    # … and with a device of its own cannot write entry 1 of the victim's chain either.
    own = httpx.post(f"{fleet.server.url}/auth/login", timeout=10, json={
        "username": attacker, "password": f"{attacker}-demo", "device_id": str(uuid.uuid4())}).json()
    attacker_id = own["user"]["id"]
    bogus = forged(first, victim.profile.device_id, user_id=attacker_id, note="written by someone else")
    httpx.post(f"{fleet.server.url}/sync/audit", json={"entries": [bogus]}, timeout=10,
               headers={"Authorization": f"Bearer {own['access_token']}"})
    assert server_chain(fleet, victim) == []
    victim.client.cycle()  # the victim's next sync sends its own trail, accepted
    assert server_chain(fleet, victim) == local_chain(victim)
    refused = fleet.sql("SELECT code, username FROM security_events WHERE kind = 'device_refused'")
    assert [tuple(r) for r in refused] == [("auth.device_other_user", attacker)]


def test_entries_claiming_another_person_or_a_future_time_are_refused(fleet):
    desk = fleet("a")
    desk.client.cycle()
    read_some(desk, 1)
    with desk.session() as s:
        (entry,) = audit_push.entries_after(s, desk.profile.device_id, 0, limit=1)
    device = desk.profile.device_id
    admin = fleet.sql("SELECT id FROM users WHERE role = 'admin' LIMIT 1")[0][0]
    url, token = fleet.server.url, desk.client.access_token

    def post(wire, client_time=None):
        body = {"entries": [wire], **({"client_time": client_time} if client_time else {})}
        return httpx.post(f"{url}/sync/audit", json=body, timeout=10, headers={"Authorization": f"Bearer {token}"})

    as_admin = post(forged(entry, device, user_id=admin))
    assert as_admin.status_code == 409 and as_admin.json()["code"] == "audit.other_user", as_admin.text
    assert as_admin.json()["params"]["seq"] == 1
    later = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=2)).isoformat()
    future = post(forged(entry, device, at=later))
    assert future.status_code == 409 and future.json()["code"] == "audit.in_future", future.text
    assert server_chain(fleet, desk) == []
    events = fleet.sql("SELECT code FROM security_events WHERE kind = 'audit_refused' ORDER BY id")
    assert [r[0] for r in events] == ["audit.other_user", "audit.in_future"]
    # A desktop whose clock runs two hours ahead may date its entries by it: its own clock
    # says so at sending; the server keeps its own receipt time and the skew beside them.
    ahead = post(forged(entry, device, at=later), client_time=later)
    assert ahead.status_code == 200, ahead.text
    (received_at, skew), = fleet.sql("SELECT received_at, clock_skew_s FROM audit_entries WHERE device_id = :d",
                                     d=device)
    received_at = received_at if received_at.tzinfo else received_at.replace(tzinfo=dt.timezone.utc)  # stored as UTC
    assert abs(skew - 7200) < 60 and abs(received_at - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=1)
    assert abs(fleet.sql("SELECT clock_skew_s FROM devices WHERE id = :d", d=device)[0][0] - 7200) < 60
    assert fleet.sql("SELECT count(*) FROM security_events WHERE kind = 'clock_skew' AND device_id = :d",
                     d=device)[0][0] == 1


def test_a_person_reading_while_the_trail_is_sent_does_not_keep_the_sync_going(fleet, monkeypatch):
    """Each read writes an entry; the step sends what was there when it began and ends (it
    once chased a person who kept reading, and the sync never finished)."""
    desk = fleet("a")
    desk.client.cycle()
    read_some(desk)
    monkeypatch.setattr(audit_push, "BATCH", 1)  # one entry a request: many requests to read between
    held = len(server_chain(fleet, desk))
    waiting = len(local_chain(desk)) - held

    posts = []

    def reading_between(path, body):
        posts.append(path)
        assert len(posts) <= 2 * waiting, "the step is chasing the person's new entries"
        read_some(desk, 1)  # the person opens a patient while each request is out
        return desk.client._stamped(path, body)

    assert audit_push.send(desk.profile, reading_between) == waiting
    assert len(local_chain(desk)) == held + 2 * waiting  # the new reads wait for the next cycle
    assert audit_push.send(desk.profile, desk.client._stamped) == waiting
    assert server_chain(fleet, desk) == local_chain(desk)
