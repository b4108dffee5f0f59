"""The server's doors: scopes on pull, tokens that expire, rotate and die when reused,
and desktops bound to the person who registered them (sign-in failures: test_login_hardening).
Real server process, real PostgreSQL."""
from __future__ import annotations

import datetime as dt
import http.client
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
from sqlalchemy import create_engine
from sqlalchemy import text

from tests.e2e.conftest import users_by_role


def login(url: str, user: str, password: str | None = None, device: str | None = None) -> httpx.Response:
    return httpx.post(f"{url}/auth/login", json={"username": user, "password": password or f"{user}-demo",
                                                 "device_id": device or str(uuid.uuid4())}, timeout=10)


def pull_all(url: str, token: str) -> dict:
    tables: dict = {}
    cursor = 0
    while True:
        page = httpx.post(f"{url}/sync/pull", json={"cursor": cursor, "limit": 20000},
                          headers={"Authorization": f"Bearer {token}"}, timeout=30).json()
        for name, block in page["tables"].items():
            tables.setdefault(name, []).extend(dict(zip(block["columns"], r)) for r in block["rows"])
        cursor = page["cursor"]
        if not page["more"]:
            return tables


def test_a_community_case_manager_pulls_only_their_stations_patients(demo_server, demo_db):
    user = users_by_role(demo_db)["community_cm"][0]
    engine = create_engine(demo_db)
    with engine.connect() as conn:
        station = conn.execute(text("SELECT org_unit_id FROM users WHERE username = :u"), {"u": user}).scalar()
        units = set(conn.execute(text(
            "WITH RECURSIVE t(id) AS (SELECT CAST(:s AS varchar) UNION SELECT o.id FROM org_units o JOIN t ON o.parent_id = t.id) "
            "SELECT id FROM t"), {"s": station}).scalars())
        everyone = conn.execute(text("SELECT count(*) FROM patients")).scalar()
    engine.dispose()
    tables = pull_all(demo_server.url, login(demo_server.url, user).json()["access_token"])
    patients = tables["patients"]
    assert 0 < len(patients) < everyone
    assert all(p["community_id"] in units for p in patients)
    mine = {p["id"] for p in patients}
    for table in ("cases", "timeline_events", "followups", "referrals"):
        assert all(r["patient_id"] in mine for r in tables.get(table, []))
    assert "audit_entries" not in tables


def test_forged_and_missing_tokens_are_refused_with_a_reason(demo_server):
    for headers in ({}, {"Authorization": "Bearer forged-token-forged-token"}):
        r = httpx.post(f"{demo_server.url}/sync/pull", json={"cursor": 0}, headers=headers, timeout=10)
        assert r.status_code == 401 and r.json()["detail"]


def test_refresh_tokens_rotate_and_a_reused_one_ends_the_whole_sign_in(demo_server, demo_db):
    user = users_by_role(demo_db)["clinic_cm"][0]
    device = str(uuid.uuid4())
    first = login(demo_server.url, user, device=device).json()
    refresh = lambda token: httpx.post(f"{demo_server.url}/auth/refresh",  # noqa: E731
                                       json={"refresh_token": token, "device_id": device}, timeout=10)
    second = refresh(first["refresh_token"])
    assert second.status_code == 200 and second.json()["refresh_token"] != first["refresh_token"]
    third = refresh(second.json()["refresh_token"])  # the desktop moved on with the new one
    assert third.status_code == 200
    stolen = refresh(first["refresh_token"])  # the old one again: someone holds a copy
    assert stolen.status_code == 401 and "used twice" in stolen.json()["detail"]
    assert refresh(third.json()["refresh_token"]).status_code == 401  # the family is gone
    other_device = httpx.post(f"{demo_server.url}/auth/refresh", timeout=10, json={
        "refresh_token": login(demo_server.url, user, device=device).json()["refresh_token"],
        "device_id": str(uuid.uuid4())})
    assert other_device.status_code == 401 and "another desktop" in other_device.json()["detail"]


def test_an_expired_access_token_is_refused(demo_server, demo_db):
    user = users_by_role(demo_db)["clinic_cm"][0]
    token = login(demo_server.url, user).json()["access_token"]
    engine = create_engine(demo_db)
    with engine.begin() as conn:
        conn.execute(text("UPDATE auth_tokens SET expires_at = now() - interval '1 minute' WHERE kind = 'access'"))
    engine.dispose()
    r = httpx.post(f"{demo_server.url}/sync/pull", json={"cursor": 0},
                   headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert r.status_code == 401 and "expired" in r.json()["detail"]


def sql(db_url: str, statement: str, **params):
    engine = create_engine(db_url)
    with engine.begin() as conn:
        result = conn.execute(text(statement), params)
        rows = result.all() if result.returns_rows else None
    engine.dispose()
    return rows


def test_a_desktop_belongs_to_the_person_who_registered_it(demo_server, demo_db):
    owner, other = users_by_role(demo_db)["clinic_cm"][:2]
    device = str(uuid.uuid4())
    first = login(demo_server.url, owner, device=device)
    assert first.status_code == 200
    code = first.json()["device_code"]  # network-unique, handed out once (server/devices.py)
    assert isinstance(code, str) and len(code) == 3
    borrowed = login(demo_server.url, other, device=device)  # the id is in every row the owner pushed
    assert borrowed.status_code == 403, borrowed.text
    assert borrowed.json()["code"] == "auth.device_other_user"
    assert not sql(demo_db, "SELECT 1 FROM auth_tokens t JOIN users u ON u.id = t.user_id "
                            "WHERE t.device_id = :d AND u.username = :u", d=device, u=other)
    (event,) = sql(demo_db, "SELECT kind, code, username, device_id FROM security_events WHERE kind = 'device_refused'")
    assert tuple(event) == ("device_refused", "auth.device_other_user", other, device)
    again = login(demo_server.url, owner, device=device)  # the owner is not locked out by it
    assert again.status_code == 200
    refreshed = httpx.post(f"{demo_server.url}/auth/refresh", timeout=10,
                           json={"refresh_token": again.json()["refresh_token"], "device_id": device})
    assert refreshed.status_code == 200 and refreshed.json()["device_code"] == again.json()["device_code"] == code


def test_a_withdrawn_desktop_can_neither_sign_in_nor_sync(demo_server, demo_db):
    user = users_by_role(demo_db)["clinic_cm"][0]
    device = str(uuid.uuid4())
    signed_in = login(demo_server.url, user, device=device).json()
    sql(demo_db, "UPDATE devices SET revoked_at = now() WHERE id = :d", d=device)
    pulled = httpx.post(f"{demo_server.url}/sync/pull", json={"cursor": 0}, timeout=10,
                        headers={"Authorization": f"Bearer {signed_in['access_token']}"})
    assert pulled.status_code == 403 and pulled.json()["code"] == "auth.device_revoked"
    again = login(demo_server.url, user, device=device)
    assert again.status_code == 403 and again.json()["code"] == "auth.device_revoked"
    refreshed = httpx.post(f"{demo_server.url}/auth/refresh", timeout=10,
                           json={"refresh_token": signed_in["refresh_token"], "device_id": device})
    assert refreshed.status_code == 403 and refreshed.json()["code"] == "auth.device_revoked"


def test_every_refusal_is_a_code_with_parameters_and_a_sentence(demo_server, demo_db):
    user = users_by_role(demo_db)["clinic_cm"][0]
    token = login(demo_server.url, user).json()["access_token"]
    auth = {"Authorization": f"Bearer {token}"}
    answers = {
        "auth.signin_required": httpx.post(f"{demo_server.url}/sync/pull", json={"cursor": 0}, timeout=10),
        "auth.token_invalid": httpx.post(f"{demo_server.url}/sync/pull", json={"cursor": 0}, timeout=10,
                                         headers={"Authorization": "Bearer forged-token-forged"}),
        "auth.wrong_credentials": login(demo_server.url, user, "wrong"),
        "auth.refresh_invalid": httpx.post(f"{demo_server.url}/auth/refresh", timeout=10,
                                           json={"refresh_token": "x" * 43, "device_id": "d"}),
        "request.invalid": httpx.post(f"{demo_server.url}/sync/pull", json={"cursor": -1}, headers=auth, timeout=10),
        "sync.unknown_table": httpx.post(f"{demo_server.url}/sync/ids", json={"table": "credentials"},
                                         headers=auth, timeout=10),
        "sync.schema_mismatch": httpx.post(f"{demo_server.url}/sync/push", headers=auth, timeout=10,
                                           json={"schema_version": "0000", "mutations": []}),
    }
    # A body announced as 93 GiB is refused from its headers, nothing of it read.
    conn = http.client.HTTPConnection("127.0.0.1", demo_server.port, timeout=10)
    conn.putrequest("POST", "/sync/push")
    conn.putheader("Authorization", auth["Authorization"])
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", "99999999999")
    conn.endheaders()
    refused = conn.getresponse()
    answers["request.too_large"] = httpx.Response(refused.status, content=refused.read())
    conn.close()
    for code, answer in answers.items():
        body = answer.json()
        assert set(body) == {"code", "params", "detail"} and body["code"] == code, (code, answer.text)
        assert answer.status_code in (401, 403, 404, 409, 413, 422) and body["detail"]
    assert answers["request.too_large"].json()["params"] == {"max_mib": 32}
    assert answers["request.invalid"].json()["params"]["problems"]


def test_a_desktop_clock_far_off_is_kept_and_logged(demo_server, demo_db):
    user = users_by_role(demo_db)["clinic_cm"][0]
    device = str(uuid.uuid4())
    token = login(demo_server.url, user, device=device).json()["access_token"]
    (schema,), = sql(demo_db, "SELECT version_num FROM alembic_version")
    behind = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=10)).isoformat()
    for _ in range(2):  # the second sync with the same clock is not logged again
        pushed = httpx.post(f"{demo_server.url}/sync/push", headers={"Authorization": f"Bearer {token}"},
                            timeout=10, json={"schema_version": schema, "mutations": [], "client_time": behind})
        assert pushed.status_code == 200, pushed.text
    (skew,), = sql(demo_db, "SELECT clock_skew_s FROM devices WHERE id = :d", d=device)
    assert abs(skew + 600) < 30
    (event,), = sql(demo_db, "SELECT detail FROM security_events WHERE kind = 'clock_skew' AND device_id = :d",
                    d=device)
    assert abs(event["skew_s"] + 600) < 30


def test_tokens_issued_for_someone_elses_desktop_before_binding_are_refused(demo_server, demo_db):
    owner, other = users_by_role(demo_db)["clinic_cm"][:2]
    device = str(uuid.uuid4())
    assert login(demo_server.url, owner, device=device).status_code == 200
    stale = login(demo_server.url, other).json()
    # As an older server would have issued them: the other person's tokens for the owner's desktop.
    sql(demo_db, "UPDATE auth_tokens SET device_id = :d WHERE user_id = :u", d=device, u=stale["user"]["id"])
    pulled = httpx.post(f"{demo_server.url}/sync/pull", json={"cursor": 0}, timeout=10,
                        headers={"Authorization": f"Bearer {stale['access_token']}"})
    assert pulled.status_code == 403 and pulled.json()["code"] == "auth.device_other_user"
    refreshed = httpx.post(f"{demo_server.url}/auth/refresh", timeout=10,
                           json={"refresh_token": stale["refresh_token"], "device_id": device})
    assert refreshed.status_code == 403 and refreshed.json()["code"] == "auth.device_other_user"


def test_two_first_sign_ins_with_one_device_id_at_once_register_it_once(demo_server, demo_db):
    first, second = users_by_role(demo_db)["clinic_cm"][:2]
    for _ in range(5):
        device = str(uuid.uuid4())
        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(lambda user: login(demo_server.url, user, device=device), (first, second)))
        assert sorted(a.status_code for a in answers) == [200, 403], [a.text for a in answers]
