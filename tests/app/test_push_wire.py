"""What a push puts on the wire: each outbox entry's changes go as stored (not decoded and
encoded again), and the request is the same JSON the entries decode to."""
from __future__ import annotations

import datetime as dt

import httpx
import orjson
from sqlalchemy import select
from sqlalchemy import text

from app.sync import local
from app.sync.client import SyncClient
from db.models import OutboxEntry
from db.models import Patient


def pushed_bodies(profile) -> list[dict]:
    """The /sync/push bodies one push sends (every mutation answered "conflict")."""
    bodies: list[dict] = []

    def handle(request: httpx.Request) -> httpx.Response:
        body = orjson.loads(request.content)  # strict, as the server parses it
        bodies.append(body)
        return httpx.Response(200, json={"results": [
            {"mutation_id": m["mutation_id"], "status": "conflict", "version": 1, "fields": {}}
            for m in body["mutations"]]})

    client = SyncClient(profile, "http://server.test", transport=httpx.MockTransport(handle))
    client.access_token = "a" * 43
    try:
        client.push()
    finally:
        client.close()
    return bodies


def test_a_push_sends_each_entry_as_it_decodes(profile):
    with profile.store.write() as tx:
        tx.add(Patient(name="赵敏", sex="F", birth_date=dt.date(1970, 5, 6), phone="13800000001",
                       warning_flags='引号 " 反斜杠 \\ 换行\n'))
    with profile.sessions() as s:
        entries = [(e.mutation_id, e.table_name, e.row_id, e.op, e.base_version, e.changes)
                   for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))]
    [body] = pushed_bodies(profile)
    assert [(m["mutation_id"], m["table"], m["row_id"], m["op"], m["base_version"], m["changes"])
            for m in body["mutations"]] == entries
    assert body["mutations"][-1]["changes"]["warning_flags"][1] == '引号 " 反斜杠 \\ 换行\n'
    assert body["schema_version"] and body["client_time"]


def test_a_value_standard_json_cannot_carry_goes_as_null_not_as_a_broken_request(profile):
    """Python's json module writes float('nan') as NaN, which no strict parser (the server's)
    takes: a whole batch refused every cycle. Such an entry is decoded and sent as null."""
    with profile.store.write() as tx:
        tx.add(Patient(name="钱伟", sex="M", birth_date=dt.date(1961, 1, 2)))
    with profile.sessions.begin() as s:
        s.execute(text("""UPDATE outbox SET changes = '{"name": [null, "钱伟"], "height_cm": [null, NaN]}'"""))
    with profile.sessions() as s:
        [waiting] = local.pending_wire(s, 10)
    assert orjson.loads(waiting.wire)["changes"] == {"name": [None, "钱伟"], "height_cm": [None, None]}
    [body] = pushed_bodies(profile)
    assert body["mutations"][0]["changes"] == {"name": [None, "钱伟"], "height_cm": [None, None]}
