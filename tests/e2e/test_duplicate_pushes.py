"""The same batch in two requests at once, against a real server process on PostgreSQL (a
desktop's retry racing its original, a profile copied to a second account): the change is
applied once, and each request gets the one stored answer or a refusal naming the taken id.

Both requests are held inside their transactions by a lock on the patient's row that this
test takes first, so they truly overlap when it lets go."""
from __future__ import annotations

import threading
import time
import uuid

import httpx
import pytest
from sqlalchemy import create_engine
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from db import migrate
from db.ids import uuid7

pytestmark = pytest.mark.usefixtures("keyring_ready")


def sign_in(url: str, username: str) -> dict:
    answer = httpx.post(f"{url}/auth/login", json={"username": username, "password": f"{username}-demo",
                                                   "device_id": str(uuid.uuid4())}, timeout=30)
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def overlapping_pushes(fleet, patient_id: str, body: dict, headers: list[dict]) -> list[dict]:
    """Each request of `body` under its headers, all waiting on the patient's row until every
    one is inside the server's transaction; the first answer of each."""
    url = fleet.server.url
    engine = create_engine(fleet.db, poolclass=NullPool)
    answers: dict[int, httpx.Response] = {}
    try:
        with engine.connect() as holder:
            holder.execute(text("SELECT 1 FROM patients WHERE id = :i FOR UPDATE"), {"i": patient_id})

            def send(n: int) -> None:
                answers[n] = httpx.post(f"{url}/sync/push", json=body, headers=headers[n], timeout=60)

            threads = [threading.Thread(target=send, args=(n,)) for n in range(len(headers))]
            for t in threads:
                t.start()
            deadline = time.monotonic() + 30
            while fleet.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")[0][0] < len(
                    headers):
                assert time.monotonic() < deadline, "the requests never reached the locked row"
                time.sleep(0.05)
            holder.rollback()  # both go on now, one behind the other
            for t in threads:
                t.join(60)
    finally:
        engine.dispose()
    assert all(r.status_code == 200 for r in answers.values()), [r.text for r in answers.values()]
    return [answers[n].json()["results"][0] for n in range(len(headers))]


def phone_edit(fleet) -> tuple[str, int, dict]:
    pid, version = fleet.sql("SELECT id, version FROM patients WHERE deleted_at IS NULL ORDER BY id LIMIT 1")[0]
    body = {"schema_version": migrate.head(), "mutations": [{
        "mutation_id": str(uuid7()), "table": "patients", "row_id": pid, "op": "update",
        "base_version": version, "changes": {"phone": [None, "13912345678"]}}]}
    return pid, version, body


def effect(fleet, pid: str, mutation_id: str) -> tuple:
    return (fleet.sql("SELECT phone, version FROM patients WHERE id = :i", i=pid)[0],
            fleet.sql("SELECT count(*) FROM change_log WHERE row_id = :i", i=pid)[0][0],
            fleet.sql("SELECT count(*) FROM applied_mutations WHERE mutation_id = :m", m=mutation_id)[0][0])


def test_a_batch_sent_twice_at_once_is_applied_once_and_both_get_its_answer(fleet):
    username = fleet.roles["clinic_cm"][0]
    pid, version, body = phone_edit(fleet)
    logged = fleet.sql("SELECT count(*) FROM change_log WHERE row_id = :i", i=pid)[0][0]
    headers = sign_in(fleet.server.url, username)
    first, second = overlapping_pushes(fleet, pid, body, [headers, headers])
    assert first == second and first["status"] == "applied" and first["version"] == version + 1
    mid = body["mutations"][0]["mutation_id"]
    assert effect(fleet, pid, mid) == (("13912345678", version + 1), logged + 1, 1)


def test_one_change_id_from_two_accounts_at_once_is_applied_for_one_refused_for_the_other(fleet):
    first_user, second_user = fleet.roles["clinic_cm"][:2]
    pid, version, body = phone_edit(fleet)
    logged = fleet.sql("SELECT count(*) FROM change_log WHERE row_id = :i", i=pid)[0][0]
    url = fleet.server.url
    answers = overlapping_pushes(fleet, pid, body, [sign_in(url, first_user), sign_in(url, second_user)])
    assert sorted(a["status"] for a in answers) == ["applied", "rejected"], answers
    [refused] = [a for a in answers if a["status"] == "rejected"]
    assert [p["code"] for p in refused["problems"]] == ["sync.mutation_id_taken"]
    mid = body["mutations"][0]["mutation_id"]
    assert effect(fleet, pid, mid) == (("13912345678", version + 1), logged + 1, 1)
