"""Two batches of one desktop out at once (server/push_order.py): a batch naming the one
ahead (`after`) is applied only after it, whichever request reaches the server first; one
whose batch ahead never comes is refused whole, and the desktop sends it again. Real pushes
on PostgreSQL, the second request on a thread of its own."""
from __future__ import annotations

import threading
import time

from db import migrate
from db.ids import uuid7
from server import idlists
from server import push_order
from tests.server.test_set_based_push import update


def edit(pid: str, version: int, phone: str) -> dict:
    return update("patients", pid, version, phone=phone)


def send(api, auth, mutations: list[dict], after: str | None = None):
    body = {"schema_version": migrate.head(), "mutations": mutations, **({"after": after} if after else {})}
    return api.client.post("/sync/push", headers={"Authorization": auth["Authorization"]}, json=body)


def a_patient(api) -> tuple[str, int]:
    return api.sql("SELECT id, version FROM patients WHERE deleted_at IS NULL ORDER BY id LIMIT 1")[0]


def test_a_batch_that_arrives_before_the_one_ahead_waits_and_is_applied_after_it(api):
    auth = api.login()
    pid, version = a_patient(api)
    first = [edit(pid, version, "13900000001")]
    # Made on the version the first batch gives: applied before it, this would be refused
    # (sync.base_version_ahead); after it, it is applied on top.
    second = [edit(pid, version + 1, "13900000002")]
    answers = {}
    late = threading.Thread(target=lambda: answers.setdefault("second", send(api, auth, second,
                                                                             after=first[-1]["mutation_id"])))
    late.start()
    time.sleep(0.5)
    assert late.is_alive(), "the second batch did not wait for the one ahead"
    assert api.sql("SELECT version FROM patients WHERE id = :i", i=pid)[0][0] == version
    ahead = send(api, auth, first)
    late.join(30)
    assert ahead.status_code == 200 and answers["second"].status_code == 200, answers["second"].text
    assert ahead.json()["ordered"] is True and answers["second"].json()["ordered"] is True
    assert [r["status"] for r in answers["second"].json()["results"]] == ["applied"]
    assert api.sql("SELECT phone, version FROM patients WHERE id = :i", i=pid)[0] == ("13900000002", version + 2)


def test_a_batch_whose_one_ahead_never_comes_is_refused_and_applies_nothing(api, monkeypatch):
    monkeypatch.setattr(push_order, "WAIT_S", 0.3)
    auth = api.login()
    pid, version = a_patient(api)
    batch = [edit(pid, version, "13900000003")]
    answer = send(api, auth, batch, after=uuid7())
    assert answer.status_code == 409
    assert answer.json()["code"] == "sync.push_out_of_order"
    assert api.sql("SELECT version FROM patients WHERE id = :i", i=pid)[0][0] == version
    assert api.sql("SELECT count(*) FROM applied_mutations WHERE mutation_id = :m", m=batch[0]["mutation_id"]) == [(0,)]
    again = send(api, auth, batch)  # sent again without `after`, as the desktop does
    assert [r["status"] for r in again.json()["results"]] == ["applied"]


def test_a_batch_waiting_on_one_ahead_that_holds_on_too_long_is_refused_at_the_deadline(api, monkeypatch):
    """The batch ahead is being applied (its desktop's lock held) past the wait: the one behind
    gives up at the deadline instead of waiting on the lock for good."""
    from sqlalchemy import text
    monkeypatch.setattr(push_order, "WAIT_S", 0.5)
    auth = api.login(device="dev-slow")
    pid, version = a_patient(api)
    last_ahead = uuid7()
    with api.sql_engine.connect() as ahead:  # the lock the batch ahead holds while it applies
        ahead.execute(text("SELECT pg_advisory_xact_lock(7301, hashtext(:last))"), {"last": last_ahead})
        started = time.monotonic()
        answer = send(api, auth, [edit(pid, version, "13900000006")], after=last_ahead)
        waited = time.monotonic() - started
        ahead.rollback()
    assert answer.status_code == 409 and answer.json()["code"] == "sync.push_out_of_order"
    assert 0.4 < waited < 5, waited
    assert api.sql("SELECT version FROM patients WHERE id = :i", i=pid)[0][0] == version


def test_only_the_same_desktops_answer_lets_a_batch_go(api, monkeypatch):
    """Another desktop's mutation id is not the batch ahead of this one (nor a way to jump it)."""
    monkeypatch.setattr(push_order, "WAIT_S", 0.3)
    pid, version = a_patient(api)
    other = api.login(device="dev-other")
    taken = [edit(pid, version, "13900000004")]
    assert send(api, other, taken).status_code == 200
    mine = api.login(device="dev-mine")
    answer = send(api, mine, [edit(pid, version + 1, "13900000005")], after=taken[-1]["mutation_id"])
    assert answer.status_code == 409 and answer.json()["code"] == "sync.push_out_of_order"


def test_id_lists_reach_postgresql_element_for_element(api):
    odd = ["plain", "with,comma", 'with"quote', "with\\backslash", "{brace}", "NULL", " spaced ", "中文", ""]
    from sqlalchemy import text
    with api.engine.connect() as conn:
        back = conn.execute(text("SELECT CAST(:a AS text[])"), {"a": idlists.array_literal(odd)}).scalar_one()
    assert back == odd


def test_id_lists_are_planned_as_constants(api):
    """The ids reach the planner as a constant text[]: it then knows their number and hashes
    them (PostgreSQL 14+) when it scans a table without statistics yet (answers stored since
    the last ANALYZE, a big push's first minutes). Sent as VARCHAR cast to text[], the array
    was an expression: each row was compared with each id, and one batch's answer lookup
    took 0.3-0.9 s in the bench instead of a few milliseconds."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from db.models import AppliedMutation
    api.sql("INSERT INTO applied_mutations (mutation_id, device_id, user_id, result, applied_at) "
            "SELECT 'm' || n, 'dev', (SELECT min(id) FROM users), '{}'::jsonb, now() "
            "FROM generate_series(1, 20000) AS n")
    with Session(api.engine) as session:
        q = select(AppliedMutation.result).where(idlists.among(session, AppliedMutation.mutation_id,
                                                               [f"m{n}" for n in range(1, 1001)]))
        compiled = q.compile(dialect=api.engine.dialect)
        plan = "\n".join(session.connection().exec_driver_sql(
            "EXPLAIN (VERBOSE) " + str(compiled), dict(compiled.params)).scalars())
    assert "m1000}'::text[]" in plan and "cstring" not in plan, plan


def test_a_batch_naming_no_batch_ahead_applies_while_another_of_its_desktop_is_held_up(api):
    """Two batches of one desktop that name none of the same records (app/sync/push_apart.py)
    go without `after` and are applied at once: the second does not wait for the first, which
    is held up on a row another transaction has locked."""
    from sqlalchemy import text
    auth = api.login(device="dev-two")
    (one, v1), (two, v2) = api.sql("SELECT id, version FROM patients WHERE deleted_at IS NULL ORDER BY id LIMIT 2")
    answers = {}
    with api.sql_engine.connect() as other:
        other.execute(text("SELECT 1 FROM patients WHERE id = :i FOR UPDATE"), {"i": one})
        held = threading.Thread(target=lambda: answers.setdefault("held", send(api, auth, [edit(one, v1, "13900000007")])))
        held.start()
        time.sleep(0.3)
        assert held.is_alive(), "the first batch was not held up"
        beside = threading.Thread(target=lambda: answers.setdefault("apart", send(api, auth, [edit(two, v2, "13900000008")])))
        beside.start()
        beside.join(5)
        waited = beside.is_alive()
        other.rollback()  # let the first go either way: a failing test must not hang
    beside.join(30)
    assert not waited, "the second batch waited for the first"
    assert [r["status"] for r in answers["apart"].json()["results"]] == ["applied"]
    held.join(30)
    assert [r["status"] for r in answers["held"].json()["results"]] == ["applied"]
    assert sorted(api.sql("SELECT phone FROM patients WHERE id IN (:a, :b)", a=one, b=two)) == [
        ("13900000007",), ("13900000008",)]
