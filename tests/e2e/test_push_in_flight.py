"""A long outbox goes two batches at a time (app/sync/client.py push, server/push_order.py),
against a real server process on PostgreSQL: each batch after the first names the one ahead,
the server applies them in the outbox's order — an edit lands after the insert it edits even
when its batch is out before the insert's is answered — and the desktop ends equal to the
server. A batch the server refuses as out of order is sent again, and nothing is lost."""
from __future__ import annotations

import datetime as dt
import threading
import time

import pytest

from app.sync import client as client_mod
from db.models import Followup
from tests.e2e.desks import differences

pytestmark = pytest.mark.usefixtures("keyring_ready")


def made_then_edited(desk, n: int) -> list[str]:
    """n follow-ups of one patient added, then each edited: 2n outbox entries, every edit
    after its insert, every batch naming the one before it (the patient)."""
    pid = desk.patient_ids()[0]
    made = [desk.add(Followup(patient_id=pid, due_date=dt.date(2027, 1, 5 + i), method="phone")) for i in range(n)]
    for i, f in enumerate(made):
        desk.edit(Followup, f.id, notes=f"电话随访 {i}", due_date=dt.date(2027, 2, 1 + i))
    return [f.id for f in made]


def recorded(desk, monkeypatch, slow_s: float = 0.0) -> list[dict]:
    """Every batch sent: its `after`, when it left and came back; each held `slow_s` on its way
    out, so the next is surely sent before this one's answer."""
    seen: list[dict] = []
    lock = threading.Lock()
    send = desk.client._send_batch

    def recording(batch, payload, schema, after):
        entry = {"after": after, "first": batch[0].mutation_id, "last": batch[-1].mutation_id,
                 "left": time.monotonic()}
        time.sleep(slow_s)
        try:
            return send(batch, payload, schema, after)
        finally:
            entry["back"] = time.monotonic()
            with lock:
                seen.append(entry)

    monkeypatch.setattr(desk.client, "_send_batch", recording)
    return seen


def test_a_long_outbox_goes_two_batches_at_a_time_in_its_order(fleet, monkeypatch):
    desk = fleet("a")
    desk.client.cycle()
    ids = made_then_edited(desk, 12)
    assert len(desk.outbox()) == 24
    monkeypatch.setattr(client_mod, "PUSH_BATCH", 4)
    seen = recorded(desk, monkeypatch, slow_s=0.05)
    assert desk.client.push() == {"applied": 24}
    seen.sort(key=lambda e: e["left"])
    assert len(seen) == 6
    assert seen[0]["after"] is None  # alone: the next depends on it, and no answer has said "ordered" yet
    named = [e["after"] for e in seen[1:] if e["after"] is not None]
    assert named, "no batch was sent before the answer of the one ahead"
    for ahead, behind in zip(seen, seen[1:]):
        assert behind["after"] in (None, ahead["last"])
    assert any(behind["left"] < ahead["back"] for ahead, behind in zip(seen, seen[1:])), "never two out at once"
    assert desk.outbox() == []
    rows = fleet.sql("SELECT notes, version FROM followups WHERE id = ANY(:ids)", ids=ids)
    assert sorted(rows) == sorted((f"电话随访 {i}", 2) for i in range(12))
    desk.client.cycle()
    assert differences(desk, fleet.db) == []


def test_a_batch_naming_nothing_of_the_one_ahead_goes_without_waiting_for_it(fleet, monkeypatch):
    """Follow-ups of different patients, each added then edited, a mutation a batch: an edit
    names the batch of its insert (`after`); an insert, naming nothing the edit ahead of it
    names, goes without, and the server may apply the two at once (app/sync/push_apart.py)."""
    desk = fleet("d")
    desk.client.cycle()
    pids = desk.patient_ids()[:5]
    ids = []
    for i, pid in enumerate(pids):
        f = desk.add(Followup(patient_id=pid, due_date=dt.date(2027, 1, 5 + i), method="phone"))
        desk.edit(Followup, f.id, notes=f"电话随访 {i}")  # names neither the patient nor the insert's batch
        ids.append(f.id)
    monkeypatch.setattr(client_mod, "PUSH_BATCH", 1)
    seen = recorded(desk, monkeypatch, slow_s=0.05)
    assert desk.client.push() == {"applied": 10}
    seen.sort(key=lambda e: e["left"])
    # The first edit depends on the first insert and waits for its answer: no answer yet said "ordered".
    assert len(seen) == 10 and seen[0]["after"] is None and seen[1]["after"] is None
    assert seen[1]["left"] >= seen[0]["back"]
    for n, (ahead, behind) in enumerate(zip(seen[1:], seen[2:]), start=2):
        edit = n % 2 == 1  # entries alternate: insert, its edit, the next insert, …
        assert behind["after"] == (ahead["last"] if edit else None), (n, behind)
    assert sorted(fleet.sql("SELECT notes, version FROM followups WHERE id = ANY(:ids)", ids=ids)) == sorted(
        (f"电话随访 {i}", 2) for i in range(5))
    desk.client.cycle()
    assert differences(desk, fleet.db) == []


def test_a_batch_that_may_depend_on_one_of_several_out_waits_until_that_one_is_answered(fleet, monkeypatch):
    """`after` names one batch: with two out, a batch depending on the first of them (not the
    one just before it) is sent only once the first is answered."""
    desk = fleet("e")
    desk.client.cycle()
    pids = desk.patient_ids()[:3]
    made = [desk.add(Followup(patient_id=pid, due_date=dt.date(2027, 1, 5 + i), method="phone"))
            for i, pid in enumerate(pids)]
    desk.edit(Followup, made[1].id, notes="改到下午")  # depends on the second batch, not the third
    monkeypatch.setattr(client_mod, "PUSH_BATCH", 1)
    monkeypatch.setattr(client_mod, "IN_FLIGHT", 3)
    seen = recorded(desk, monkeypatch, slow_s=0.2)
    assert desk.client.push() == {"applied": 4}
    seen.sort(key=lambda e: e["left"])
    first, second, third, edit = seen
    assert second["left"] < third["left"] < second["back"], "the two inserts were not out at once"
    assert edit["left"] >= second["back"], "the edit went before the batch it depends on was answered"
    assert edit["after"] is None  # the one it depends on is answered; the one out names nothing of it
    assert fleet.sql("SELECT notes, version FROM followups WHERE id = :i", i=made[1].id) == [("改到下午", 2)]


def test_batches_of_different_patients_go_at_once_from_the_first(fleet, monkeypatch):
    """A push's first batches need not wait for an answer saying the server keeps the order:
    naming none of the same records, they may be applied in any order by any server."""
    desk = fleet("f")
    desk.client.cycle()
    pids = desk.patient_ids()[:3]
    made = [desk.add(Followup(patient_id=pid, due_date=dt.date(2027, 1, 5 + i), method="phone"))
            for i, pid in enumerate(pids)]
    monkeypatch.setattr(client_mod, "PUSH_BATCH", 1)
    monkeypatch.setattr(client_mod, "IN_FLIGHT", 3)
    seen = recorded(desk, monkeypatch, slow_s=0.2)
    assert desk.client.push() == {"applied": 3}
    seen.sort(key=lambda e: e["left"])
    assert [e["after"] for e in seen] == [None, None, None]
    assert seen[2]["left"] < seen[0]["back"], "the second and third waited for the first's answer"
    assert len(fleet.sql("SELECT id FROM followups WHERE id = ANY(:ids)", ids=[f.id for f in made])) == 3


def test_a_server_that_does_not_say_ordered_gets_a_dependent_batch_only_once_its_batch_is_answered(fleet, monkeypatch):
    """An older server's answers do not say "ordered" and it does not know `after`: a batch
    that may depend on the one out is sent, without `after`, once that one is answered; the
    next, naming nothing of it, goes alongside."""
    desk = fleet("g")
    desk.client.cycle()
    pids = desk.patient_ids()[:2]
    made = desk.add(Followup(patient_id=pids[0], due_date=dt.date(2027, 1, 5), method="phone"))
    desk.edit(Followup, made.id, notes="改到下午")  # depends on the batch before it
    other = desk.add(Followup(patient_id=pids[1], due_date=dt.date(2027, 1, 6), method="phone"))
    monkeypatch.setattr(client_mod, "PUSH_BATCH", 1)
    monkeypatch.setattr(client_mod, "IN_FLIGHT", 3)
    send = desk.client._send_batch

    def older_server(batch, payload, schema, after):
        assert after is None, "`after` sent to a server that never said it keeps the order"
        body = send(batch, payload, schema, after)
        body.pop("ordered", None)
        return body

    monkeypatch.setattr(desk.client, "_send_batch", older_server)
    seen = recorded(desk, monkeypatch, slow_s=0.2)
    assert desk.client.push() == {"applied": 3}
    seen.sort(key=lambda e: e["left"])
    insert, edit, apart = seen
    assert edit["left"] >= insert["back"], "the edit went while the batch it depends on was out"
    assert apart["left"] < edit["back"], "the insert of another patient waited for the edit's answer"
    assert fleet.sql("SELECT notes, version FROM followups WHERE id = :i", i=made.id) == [("改到下午", 2)]
    assert fleet.sql("SELECT version FROM followups WHERE id = :i", i=other.id) == [(1,)]


def test_a_batch_refused_as_out_of_order_is_sent_again_and_nothing_is_lost(fleet, monkeypatch):
    """Every batch sent early is refused as the server refuses one whose batch ahead was slower
    than its wait (tests/server/test_push_order.py): each is sent again once the one ahead is
    answered, and applied."""
    desk = fleet("b")
    desk.client.cycle()
    ids = made_then_edited(desk, 10)
    monkeypatch.setattr(client_mod, "PUSH_BATCH", 4)
    seen = recorded(desk, monkeypatch)
    refused: list[str] = []
    send = desk.client._send_batch

    def refusing(batch, payload, schema, after):
        if after is not None:  # the server's answer when its wait ran out
            refused.append(after)
            raise client_mod.SyncError("refused", status=409, code="sync.push_out_of_order")
        return send(batch, payload, schema, after)

    monkeypatch.setattr(desk.client, "_send_batch", refusing)
    assert desk.client.push() == {"applied": 20}
    assert refused, "no batch went out early"
    assert all(e["after"] is None for e in seen)  # each was sent again alone
    assert desk.outbox() == []
    assert fleet.sql("SELECT count(*) FROM followups WHERE id = ANY(:ids) AND version = 2", ids=ids) == [(10,)]


@pytest.mark.parametrize("fault", ["drop_request", "drop_response", "timeout", "duplicate", "garbage"])
def test_a_fault_on_a_batch_with_one_behind_it_in_flight_loses_and_doubles_nothing(fleet, monkeypatch, fault):
    """The second batch's request meets a fault while the third is already out, naming it:
    the push stops, the next one sends what is left (the third perhaps applied meanwhile, or
    still waiting on the server for the second), and every change lands exactly once."""
    desk = fleet("c")
    desk.client.cycle()
    ids = made_then_edited(desk, 12)
    monkeypatch.setattr(client_mod, "PUSH_BATCH", 4)
    desk.net.plan("ok", fault)  # the first batch alone, then the second of two out at once
    try:
        desk.client.push()
    except client_mod.SyncError:
        pass  # what a fault costs: this push; the next goes on
    assert ("/sync/push", fault) in desk.net.log
    assert desk.client.push().get("rejected", 0) == 0
    assert desk.outbox() == []
    assert sorted(fleet.sql("SELECT notes, version FROM followups WHERE id = ANY(:ids)", ids=ids)) == sorted(
        (f"电话随访 {i}", 2) for i in range(12))
    assert fleet.sql("SELECT count(*) FROM change_log WHERE row_id = ANY(:ids)", ids=ids) == [(24,)]
    desk.client.cycle()
    assert differences(desk, fleet.db) == []
