"""Pulls read from a real streaming replica (`server --read-db`) while it lags: a desktop takes
no older version over a newer one it holds, skips no change, is never answered with a
watermark below what it already pulled, and its count + hash check ends equal. A primary and
its hot standby made for the test (tests/e2e/replica.py); replay paused to make the lag."""
from __future__ import annotations

import httpx

from app.sync import local
from db.models import Patient
from tests.e2e.conftest import ServerProcess
from tests.e2e.conftest import init_demo
from tests.e2e.conftest import users_by_role
from tests.e2e.desks import differences
from tests.e2e.desks import open_desk
from tests.e2e.replica import ReplicaPair
from tests.e2e.replica import pause
from tests.e2e.replica import resume
from tests.e2e.replica import scalar
from tests.e2e.replica import wait_caught_up

MARK = "SELECT value FROM seq_counter WHERE id = 1"


def cursor_of(desk) -> int:
    with desk.session() as s:
        return local.cursor(s)


def test_pulls_from_a_lagging_replica_are_safe(tmp_path, keyring_ready):
    with ReplicaPair() as pair:
        scalar(pair.primary.url, "CREATE DATABASE casedesk")
        primary = pair.primary.db("casedesk")
        init_demo(primary, patients=60)
        pair.start_standby()
        standby = pair.standby.db("casedesk")
        wait_caught_up(primary, standby)
        server = ServerProcess(primary, extra=("--read-db", standby)).start()
        roles = users_by_role(primary)
        a = open_desk(tmp_path, "a", server.url, roles["clinic_cm"][0])
        b = open_desk(tmp_path, "b", server.url, roles["clinic_cm"][1])
        try:
            a.client.cycle()
            b.client.cycle()
            first, other = a.patient_ids()[:2]
            b.edit(Patient, first, address="甬江街道 1 号")
            b.client.push()
            seen_by_replica = wait_caught_up(primary, standby)
            pause(standby)  # from here the replica lags

            a.edit(Patient, first, phone="13800001111")  # merged with b's address on the primary
            assert a.client.push() == {"merged": 1}
            held = a.get(Patient, first)
            assert (held.phone, held.address) == ("13800001111", "甬江街道 1 号")
            b.edit(Patient, other, address="庄市街道 8 号")
            b.client.push()
            ahead = scalar(primary, MARK)
            assert ahead > scalar(standby, MARK) == seen_by_replica

            a.client.pull()  # answered by the replica: its page holds b's older version of `first`
            assert cursor_of(a) == seen_by_replica  # the replica's watermark, not the primary's
            kept = a.get(Patient, first)
            assert (kept.phone, kept.address, kept.version, kept.server_seq) == (
                "13800001111", "甬江街道 1 号", held.version, held.server_seq)
            assert a.get(Patient, other).address != "庄市街道 8 号"  # not there yet, and not skipped:

            token = httpx.post(f"{server.url}/auth/login", json={
                "username": roles["clinic_cm"][2], "password": f"{roles['clinic_cm'][2]}-demo",
                "device_id": "replica-probe"}).json()["access_token"]
            page = httpx.post(f"{server.url}/sync/pull", headers={"Authorization": f"Bearer {token}"},
                              json={"cursor": ahead, "since": ahead}).json()
            assert page["watermark"] == ahead  # a cursor past the replica: the primary answers

            resume(standby)
            wait_caught_up(primary, standby)
            a.client.cycle()
            assert a.get(Patient, other).address == "庄市街道 8 号"
            assert cursor_of(a) == scalar(primary, MARK)
            assert a.client.check() == (0, [])  # count + hash equal: nothing purged, nothing repaired
            assert differences(a, primary) == []
        finally:
            a.close()
            b.close()
            server.stop()
