"""Bad input gets a 4xx with a reason, never a 5xx, and never half a change.

The TestClient re-raises any unhandled server error, so a 5xx bug fails these tests
loudly instead of hiding behind a status code."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.ids import uuid7
from tests.server.conftest import BASE


def schema(api) -> str:
    return api.client.get("/health").json()["schema"][-1]


def bearer(auth: dict) -> dict:
    return {"Authorization": auth["Authorization"]}


def push(api, auth, *mutations, schema_version=None):
    return api.client.post("/sync/push", headers=bearer(auth), json={
        "schema_version": schema_version or schema(api), "mutations": list(mutations)})


def mutation(table="patients", row_id=None, op="update", base=1, **changes):
    return {"mutation_id": uuid7(), "table": table, "row_id": row_id or uuid7(), "op": op,
            "base_version": base, "changes": {k: [None, v] for k, v in changes.items()}}


def a_patient(api) -> str:
    return api.sql("SELECT id FROM patients ORDER BY id LIMIT 1")[0][0]


def changes_logged(api) -> int:
    return api.sql("SELECT count(*) FROM change_log")[0][0]


RAW_BODIES = [
    b"{not json",
    b"[]",
    b"\"a string\"",
    b'{"cursor": NaN}',
    b'{"cursor": 1e400}',
    b'{"cursor": "\\ud800"}',
    b"[" * 5000 + b"]" * 5000,
    b'{"cursor": 1, "limit": 10, "extra": true}',
    "{\"cursor\": \"七\"}".encode(),
    b"\xff\xfe\x00garbage",
]


@pytest.mark.parametrize("path", ["/sync/pull", "/sync/push", "/sync/check", "/auth/login", "/auth/refresh"])
def test_malformed_bodies_are_refused_with_a_reason(api, path):
    auth = api.login()
    for body in RAW_BODIES:
        answer = api.client.post(path, content=body, headers={**bearer(auth), "Content-Type": "application/json"})
        assert 400 <= answer.status_code < 500, (path, body[:30], answer.status_code)
        assert answer.json()["detail"], (path, body[:30])


@pytest.mark.parametrize("body", [
    {"cursor": "abc"}, {"cursor": -1}, {"cursor": 2**63}, {"cursor": 0, "limit": 0},
    {"cursor": 0, "limit": 10**9}, {"cursor": None}, {"cursor": 1.5}, {"cursor": [1]}, {},
])
def test_wrongly_typed_pull_requests(api, body):
    answer = api.client.post("/sync/pull", headers=bearer(api.login()), json=body)
    assert answer.status_code == 422 and answer.json()["detail"]


def test_oversized_bodies_are_refused_whether_or_not_they_say_so(api):
    auth = api.login()
    big = b'{"cursor": 0, "pad": "' + b"x" * (33 * 2**20) + b'"}'
    assert api.client.post("/sync/pull", content=big, headers=bearer(auth)).status_code == 413

    def chunked():
        for i in range(0, len(big), 2**20):
            yield big[i:i + 2**20]

    answer = api.client.post("/sync/pull", content=chunked(), headers=bearer(auth))
    assert answer.status_code == 413 and "MiB" in answer.json()["detail"]
    too_many = [mutation(row_id=a_patient(api), phone="1") for _ in range(1001)]
    assert push(api, auth, *too_many).status_code == 422


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer ", "Bearer forged-token-123",
                                    "Basic dXNlcjpwYXNz", "bearer \x7f", "Bearer " + "A" * 5000])
def test_missing_or_forged_tokens(api, header):
    headers = {} if header is None else {"Authorization": header}
    answer = api.client.post("/sync/pull", headers=headers, json={"cursor": 0})
    assert answer.status_code == 401 and answer.json()["detail"]


def test_stale_refresh_and_disabled_tokens(api):
    auth = api.login()
    api.sql("UPDATE auth_tokens SET expires_at = now() - interval '1 second' WHERE kind = 'access'")
    answer = api.client.post("/sync/pull", headers=bearer(auth), json={"cursor": 0})
    assert answer.status_code == 401 and "expired" in answer.json()["detail"]
    wrong_device = api.client.post("/auth/refresh", json={"refresh_token": auth["refresh"], "device_id": "other"})
    assert wrong_device.status_code == 401
    forged = api.client.post("/auth/refresh", json={"refresh_token": "f" * 43, "device_id": "dev-clinic_cm-0"})
    assert forged.status_code == 401
    fresh = api.login(index=1)
    api.sql("UPDATE users SET active = false WHERE id = :u", u=fresh["user"]["id"])
    assert api.client.post("/sync/pull", headers=bearer(fresh), json={"cursor": 0}).status_code == 403
    wrong = api.client.post("/auth/login", json={"username": "nobody\x00", "password": "x", "device_id": "d"})
    assert wrong.status_code == 422
    assert api.client.post("/auth/login", json={"username": "nobody", "password": "x",
                                                "device_id": "d"}).status_code == 401


def test_unknown_tables_and_bad_ids(api):
    auth = bearer(api.login())
    assert api.client.post("/sync/ids", headers=auth, json={"table": "credentials"}).status_code == 404
    assert api.client.post("/sync/ids", headers=auth, json={"table": "Robert'); DROP"}).status_code == 422
    assert api.client.post("/sync/rows", headers=auth, json={"table": "patients", "ids": ["x\x00"]}).status_code == 422
    assert api.client.post("/sync/check", headers=auth, json={"tables": ["nope"]}).json()["tables"] == {}
    answer = push(api, api.login(), mutation(table="credentials", phone="1"), mutation(table="no_such", x=1))
    assert [r["status"] for r in answer.json()["results"]] == ["rejected", "rejected"]
    assert [r["problems"][0]["code"] for r in answer.json()["results"]] == ["sync.unknown_table"] * 2
    bad_id = mutation(row_id="not-a-uuid", phone="1")
    assert push(api, api.login(), bad_id).status_code == 422
    assert push(api, api.login(), mutation(row_id=a_patient(api)), schema_version="0000").status_code == 409


WRONG_VALUES = [
    ("phone", 13912345678, "must be text"),
    ("phone", "1" * 21, "longer than"),
    ("phone", "139\x001234", "NUL"),
    ("birth_date", "2024-02-30", "not a valid date"),
    ("birth_date", 20240101, "not a valid date"),
    ("contract_signed", "yes", "true or false"),
    ("smoking_pack_years", "many", "must be a number"),
    ("smoking_pack_years", True, "must be a number"),
    ("community_id", ["a"], "must be text"),
    ("no_such_field", 1, "no field"),
    ("name", None, "cannot be empty"),
    ("sex", "X", "not one of"),
    ("id_number", "110101199003070000", "id_number"),
]


def test_wrongly_typed_values_reject_that_mutation_with_a_reason_and_change_nothing(api):
    auth = api.login()
    pid = a_patient(api)
    before = changes_logged(api), api.sql("SELECT version, phone FROM patients WHERE id = :i", i=pid)
    for field, value, _reason in WRONG_VALUES:
        answer = push(api, auth, mutation(row_id=pid, **{field: value}))
        assert answer.status_code == 200, (field, value)
        (result,) = answer.json()["results"]
        # the refusal names the rule's field (the words are the desktop's: ui/problem_templates)
        fields = [p["field"] for p in result["problems"]]
        assert result["status"] == "rejected" and field in fields, (field, value, result)
    assert (changes_logged(api), api.sql("SELECT version, phone FROM patients WHERE id = :i", i=pid)) == before


def test_out_of_range_and_unstorable_values_are_rejected_not_errors(api):
    auth = api.login()
    followup = api.sql("SELECT id, version FROM followups ORDER BY id LIMIT 1")[0]
    event_patient = a_patient(api)
    cases = [
        mutation("followups", followup[0], base=followup[1], attempts=2**40),
        mutation("followups", followup[0], base=followup[1], completed_at="0001-01-01T00:00:00+05:00"),
        mutation("followups", followup[0], base=followup[1], completed_at="2026-01-01T10:00:00"),
        mutation("mdt_requests", uuid7(), op="insert", base=0, patient_id=event_patient, question="q",
                 specialties=["a\x00b"], checklist={}, state="requested"),
        mutation("timeline_events", uuid7(), op="insert", base=0, patient_id=str(uuid.uuid4()), kind="note",
                 title="nobody's", occurred_at="2026-01-01T00:00:00Z"),
    ]
    before = changes_logged(api)
    results = push(api, auth, *cases).json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * len(cases), results
    assert all(r["reason"] for r in results)
    assert changes_logged(api) == before


def test_one_bad_mutation_in_a_batch_rejects_only_itself(api):
    """A reference the database refuses (no such patient) is found only when the batch is
    written: the batch is redone mutation by mutation, the others still apply."""
    auth = api.login()
    pid = a_patient(api)
    (version,), = api.sql("SELECT version FROM patients WHERE id = :i", i=pid)
    now = dt.datetime.now(dt.timezone.utc).isoformat()
    good_note = mutation("timeline_events", uuid7(), op="insert", base=0, patient_id=pid, kind="note",
                         title="ok", occurred_at=now)
    orphan = mutation("followups", uuid7(), op="insert", base=0, patient_id=str(uuid.uuid4()),
                      due_date="2026-12-01")
    edit = mutation(row_id=pid, base=version, phone="13800000000")
    before = changes_logged(api)
    results = push(api, auth, good_note, orphan, edit).json()["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"], results
    assert results[1]["problems"][0]["code"] in ("sync.missing_reference", "sync.out_of_scope"), results[1]
    assert changes_logged(api) == before + 2
    again = push(api, auth, good_note, orphan, edit).json()["results"]
    assert again == results  # the stored answers, nothing applied twice
    assert changes_logged(api) == before + 2


def test_pushes_outside_the_users_scope_are_rejected(api):
    station = api.login("community_cm")
    inside = {r[0] for r in api.client.post("/sync/ids", headers=bearer(station),
                                            json={"table": "patients"}).json()["rows"]}
    outside = api.sql("SELECT id, version, community_id FROM patients WHERE NOT (id = ANY(:i)) LIMIT 1",
                      i=list(inside))[0]
    mine = api.sql("SELECT id, version FROM patients WHERE id = ANY(:i) LIMIT 1", i=list(inside))[0]
    before = changes_logged(api)
    results = push(api, station,
                   mutation(row_id=outside[0], base=outside[1], phone="13000000000"),
                   mutation(row_id=mine[0], base=mine[1], community_id=outside[2]),  # moving it away
                   mutation("org_units", api.sql("SELECT id FROM org_units LIMIT 1")[0][0], name="x"),
                   mutation("timeline_events", uuid7(), op="insert", base=0, patient_id=outside[0],
                            kind="note", title="x", occurred_at="2026-01-01T00:00:00Z")).json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * 4
    codes = [r["problems"][0]["code"] for r in results]
    assert codes[2] == "sync.admin_only" and all("scope" in c for c in codes[:2] + codes[3:]), codes
    assert changes_logged(api) == before
    rows = api.client.post("/sync/rows", headers=bearer(station), json={"table": "patients", "ids": [outside[0]]})
    assert rows.json()["rows"] == []  # nor can it be read


def test_a_mutation_id_taken_by_another_account_is_not_replayed_to_it(api):
    pid = a_patient(api)
    (version,), = api.sql("SELECT version FROM patients WHERE id = :i", i=pid)
    m = mutation(row_id=pid, base=version, phone="13811111111")
    assert push(api, api.login(), m).json()["results"][0]["status"] == "applied"
    other = push(api, api.login(index=1), m).json()["results"][0]
    assert other["status"] == "rejected" and "another account" in other["reason"]


def test_an_unreachable_database_is_a_503_with_its_code():
    from starlette.testclient import TestClient

    from db.engine import url_engine
    from server.app import create_app

    engine = url_engine(f"{BASE}/casedesk_no_such_database_{uuid.uuid4().hex[:8]}")
    with TestClient(create_app(engine)) as client:
        answer = client.get("/health")
        login = client.post("/auth/login", json={"username": "cm01", "password": "x", "device_id": "d"})
        pull = client.post("/sync/pull", json={"cursor": 0}, headers={"Authorization": "Bearer some-token-some"})
    engine.dispose()
    for refused in (answer, login, pull):
        assert refused.status_code == 503 and refused.json()["code"] == "server.database_down", refused.text
        assert refused.headers["Retry-After"]
