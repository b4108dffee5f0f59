"""Transport faults between a desktop and a real server: lost, repeated, late and damaged
requests and answers, on every kind of request. After the network heals, one more cycle
leaves every change applied exactly once and the desktop equal to the server."""
from __future__ import annotations

import pytest

from app.sync.client import SyncError
from db.models import Patient
from tests.e2e.desks import differences
from tests.e2e.faults import FAULTS

pytestmark = pytest.mark.usefixtures("keyring_ready")


def server_row(fleet, pid: str) -> tuple:
    return fleet.sql("SELECT phone, version, (SELECT count(*) FROM change_log WHERE row_id = :i) "
                     "FROM patients WHERE id = :i", i=pid)[0]


def heal(desk) -> None:
    desk.net.clear()
    desk.net.flush_late()


def test_every_fault_on_a_push_ends_with_the_change_applied_once(fleet):
    a = fleet("a")
    a.client.cycle()
    ids = a.patient_ids()
    for n, fault in enumerate(FAULTS):
        pid = ids[n]
        _, version, logged = server_row(fleet, pid)
        a.edit(Patient, pid, phone=f"1390000{n:04d}")
        a.net.plan(fault)
        try:
            a.client.push()
        except SyncError as exc:
            assert exc.offline, (fault, str(exc))
        heal(a)
        a.client.cycle()
        assert a.outbox() == [], fault
        assert server_row(fleet, pid) == (f"1390000{n:04d}", version + 1, logged + 1), fault
    assert differences(a, fleet.db) == []


def test_a_late_push_overtaken_by_its_retry_changes_nothing_twice(fleet):
    a = fleet("a")
    a.client.cycle()
    first, second = a.patient_ids()[:2]
    a.edit(Patient, first, phone="13700000001")
    a.net.plan("late")  # the first push is held back; the desktop gives up waiting
    with pytest.raises(SyncError):
        a.client.push()
    a.edit(Patient, first, address="迟到路2号")  # more work meanwhile, on the same row
    a.edit(Patient, second, phone="13700000002")
    assert a.client.push() == {"applied": 3}  # the retry, then the late original arrives
    assert [p for p, f in a.net.log].count("/sync/push") == 2
    assert server_row(fleet, first)[1:] == (3, 3)  # two changes, each once
    a.client.cycle()
    assert a.client.check() == (0, [])
    assert differences(a, fleet.db) == []


@pytest.mark.parametrize("fault", ["drop_request", "drop_response", "duplicate", "late", "garbage"])
def test_faults_while_pulling_a_first_sync(fleet, monkeypatch, fault):
    from app.sync import client as client_mod
    monkeypatch.setattr(client_mod, "PULL_PAGE", 1500)  # several pages
    a = fleet("a")
    a.net.plan("ok", fault)  # the second page request
    try:
        a.client.cycle()
    except SyncError as exc:
        assert exc.offline
    heal(a)
    a.client.cycle()
    assert differences(a, fleet.db) == []


def test_a_lost_token_refresh_does_not_sign_the_desktop_out(fleet):
    a = fleet("a")
    a.client.cycle()
    pid = a.patient_ids()[0]
    for n, fault in enumerate(("drop_response", "duplicate", "late", "timeout")):
        fleet.sql("UPDATE auth_tokens SET expires_at = now() - interval '1 minute' WHERE kind = 'access'")
        a.edit(Patient, pid, phone=f"1360000000{n}")
        # push → 401 → refresh (the fault hits it)
        a.net.plan("ok", fault)
        try:
            a.client.cycle()
        except SyncError as exc:
            assert exc.offline, (fault, str(exc))
        heal(a)
        a.client.cycle()  # the same refresh token again: the server sees a lost answer, not a thief
        assert a.outbox() == [], fault
    assert server_row(fleet, pid)[0] == "13600000003"


def test_a_refresh_token_replayed_later_still_ends_the_session(fleet):
    import httpx

    a = fleet("a")
    from app import secrets
    stolen = secrets.get(f"refresh:{a.profile.device_id}")
    a.client.access_token = None
    a.client.cycle()  # refreshes, then uses what it got
    fleet.sql("UPDATE auth_tokens SET expires_at = now() - interval '1 minute' WHERE kind = 'access'")
    a.client.cycle()  # and refreshes again with the newer token
    answer = httpx.post(f"{fleet.server.url}/auth/refresh", json={"refresh_token": stolen,
                                                                  "device_id": a.profile.device_id})
    assert answer.status_code == 401 and "used twice" in answer.json()["detail"]
    a.client.access_token = None
    with pytest.raises(SyncError) as ended:
        a.client.cycle()
    assert ended.value.status == 401 and not ended.value.offline
